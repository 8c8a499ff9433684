// @title Events by id (API list)
// @description One page of the event list: the events with these ids (api_event_ids gives their order), with their instruments, participants and sources (one round trip a page).
// @param ids string[] summit-2025  Event ids.
// @returns item, token
// Each list is read by an OPTIONAL MATCH over the whole page's events and collected per event, not by a pattern
// comprehension per event (FalkorDB runs those one event at a time: 2.5x the engine time for a page of 50).
UNWIND $ids AS eid
MATCH (e:Resource {id: eid})
WHERE e:Event
WITH DISTINCT e
OPTIONAL MATCH (e)-[:ABOUT_INSTRUMENT]->(i:Instrument)
WITH e, collect(CASE WHEN i IS NULL THEN null ELSE {id: i.id, name: i.name, labels: labels(i)} END) AS instruments
OPTIONAL MATCH (e)-[:EVENT_PARTICIPANT]->(a:Actor)
WITH e, instruments, collect(CASE WHEN a IS NULL THEN null ELSE {id: a.id, name: a.name, labels: labels(a)} END) AS participants
OPTIONAL MATCH (e)-[:EVIDENCE]->(xs:SourceExcerpt)-[:EXCERPT_OF]->(ds:SourceDocument)
WITH e, instruments, participants, collect(CASE WHEN xs IS NULL THEN null ELSE {url: ds.sourceUrl, quote: coalesce(xs.quote, head([k IN keys(xs) WHERE k STARTS WITH 'quote_' | xs[k]])), lang: CASE WHEN xs.quote IS NULL THEN head([k IN keys(xs) WHERE k STARTS WITH 'quote_' | substring(k, 6)]) ELSE 'en' END, retrieved: coalesce(xs.retrievedDate, ds.retrievedDate), title: ds.title, primary: ds.primarySource} END) AS sources
WITH {
  record: e.id, id: e.id, name: e.name, labels: labels(e), date: e.date, datePrecision: e.datePrecision, place: e.place,
  instruments: instruments,
  participants: participants,
  sources: sources
} AS item
// the graph's load token, read by this same query: the page is of one graph (eucan/api/kept.py)
OPTIONAL MATCH (info:LoadInfo {name: 'load'})
RETURN item, info.token AS token
