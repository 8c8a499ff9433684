// @title Search hits (API)
// @description The records with these ids, as the search shows them: names, description, the date a reader places the record at (an event's date; an instrument's signature or start; a participation's, membership's or tenure's start) with its precision, and what a participation, membership or tenure links. The ids come ranked from the engine's full-text index (GraphStore.search); this query only describes them.
// @param ids string[] national-defence,sdp-2025  Record ids.
// @returns item
UNWIND $ids AS rid
MATCH (n:Resource {id: rid})
OPTIONAL MATCH (n)-[:PARTICIPANT|MEMBER|HOLDER]->(who:Actor)
OPTIONAL MATCH (n)-[:INSTRUMENT|ORGANISATION|POST]->(what:Resource)
RETURN {
  id: n.id, record: n.id, labels: labels(n), name: n.name, name_fr: n.name_fr, acronym: n.acronym, altNames: n.altNames,
  description: n.description,
  date: coalesce(n.date, n.signedDate, n.adoptedDate, n.startDate, n.entryIntoForceDate),
  datePrecision: CASE
    WHEN n.date IS NOT NULL THEN n.datePrecision
    WHEN n.signedDate IS NOT NULL THEN n.signedDatePrecision
    WHEN n.adoptedDate IS NOT NULL THEN n.adoptedDatePrecision
    WHEN n.startDate IS NOT NULL THEN n.startDatePrecision
    ELSE n.entryIntoForceDatePrecision END,
  who: CASE WHEN who IS NULL THEN null ELSE {id: who.id, name: who.name, labels: labels(who)} END,
  what: CASE WHEN what IS NULL THEN null ELSE {id: what.id, name: what.name, labels: labels(what)} END
} AS item
