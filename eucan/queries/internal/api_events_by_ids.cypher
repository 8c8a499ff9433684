// @title Events by id (API list)
// @description One page of the event list: the events with these ids (api_event_ids gives their order), with their instruments, participants and sources (one round trip a page).
// @param ids string[] summit-2025  Event ids.
// @returns item
UNWIND $ids AS eid
MATCH (e:Resource {id: eid})
WHERE e:Event
RETURN {
  record: e.id, id: e.id, name: e.name, labels: labels(e), date: e.date, datePrecision: e.datePrecision, place: e.place,
  instruments: [(e)-[:ABOUT_INSTRUMENT]->(i:Instrument) | {id: i.id, name: i.name, labels: labels(i)}],
  participants: [(e)-[:EVENT_PARTICIPANT]->(a:Actor) | {id: a.id, name: a.name, labels: labels(a)}],
  sources: [(e)-[:EVIDENCE]->(xs:SourceExcerpt)-[:EXCERPT_OF]->(ds:SourceDocument) | {url: ds.sourceUrl, quote: coalesce(xs.quote, head([k IN keys(xs) WHERE k STARTS WITH 'quote_' | xs[k]])), lang: CASE WHEN xs.quote IS NULL THEN head([k IN keys(xs) WHERE k STARTS WITH 'quote_' | substring(k, 6)]) ELSE 'en' END, retrieved: coalesce(xs.retrievedDate, ds.retrievedDate), title: ds.title, primary: ds.primarySource}]
} AS item
