// @title Search hits (API)
// @description The records with these ids, as the search shows them: names, description, the date a reader places the record at (an event's date; an instrument's signature or start; a participation's, membership's or tenure's start) with its precision, what a participation, membership or tenure links, and the record's sources (as api_records gives them). The ids come ranked from the engine's full-text index (GraphStore.search); this query only describes them.
// @param ids string[] national-defence,sdp-2025  Record ids.
// @returns item
// The sources are read by an OPTIONAL MATCH over the whole page's records and collected per record, not by a
// pattern comprehension per record (FalkorDB runs those one record at a time: about 2x the engine time a page).
UNWIND $ids AS rid
MATCH (n:Resource {id: rid})
WITH DISTINCT n
OPTIONAL MATCH (n)-[:PARTICIPANT|MEMBER|HOLDER]->(who:Actor)
OPTIONAL MATCH (n)-[:INSTRUMENT|ORGANISATION|POST]->(what:Resource)
OPTIONAL MATCH (n)-[:EVIDENCE]->(xs:SourceExcerpt)-[:EXCERPT_OF]->(ds:SourceDocument)
WITH n, who, what, collect(CASE WHEN xs IS NULL THEN null ELSE {url: ds.sourceUrl, quote: coalesce(xs.quote, head([k IN keys(xs) WHERE k STARTS WITH 'quote_' | xs[k]])), lang: CASE WHEN xs.quote IS NULL THEN head([k IN keys(xs) WHERE k STARTS WITH 'quote_' | substring(k, 6)]) ELSE 'en' END, retrieved: coalesce(xs.retrievedDate, ds.retrievedDate), title: ds.title, primary: ds.primarySource} END) AS sources
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
  sources: sources,
  what: CASE WHEN what IS NULL THEN null ELSE {id: what.id, name: what.name, labels: labels(what)} END
} AS item
