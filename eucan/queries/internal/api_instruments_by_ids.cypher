// @title Instruments by id (API list)
// @description One page of the instrument list: the instruments with these ids (api_instrument_ids gives their order), with what the list shows of each, its sources included (one round trip a page).
// @param ids string[] sdp-2025,spa-2016  Instrument ids.
// @returns item, token
// The sources are read by an OPTIONAL MATCH over the whole page and collected per item, not by a pattern
// comprehension per item (FalkorDB runs those one item at a time).
UNWIND $ids AS iid
MATCH (i:Instrument {id: iid})
WITH DISTINCT i
OPTIONAL MATCH (i)-[:EVIDENCE]->(xs:SourceExcerpt)-[:EXCERPT_OF]->(ds:SourceDocument)
WITH i, collect(CASE WHEN xs IS NULL THEN null ELSE {url: ds.sourceUrl, quote: coalesce(xs.quote, head([k IN keys(xs) WHERE k STARTS WITH 'quote_' | xs[k]])), lang: CASE WHEN xs.quote IS NULL THEN head([k IN keys(xs) WHERE k STARTS WITH 'quote_' | substring(k, 6)]) ELSE 'en' END, retrieved: coalesce(xs.retrievedDate, ds.retrievedDate), title: ds.title, primary: ds.primarySource} END) AS sources
WITH {
  record: i.id, id: i.id, name: i.name, name_fr: i.name_fr, altNames: i.altNames, acronym: i.acronym, labels: labels(i),
  status: i.status, signedDate: i.signedDate, signedDatePrecision: i.signedDatePrecision, adoptedDate: i.adoptedDate, adoptedDatePrecision: i.adoptedDatePrecision, publicationDate: i.publicationDate, publicationDatePrecision: i.publicationDatePrecision, entryIntoForceDate: i.entryIntoForceDate, entryIntoForceDatePrecision: i.entryIntoForceDatePrecision, startDate: i.startDate, startDatePrecision: i.startDatePrecision, endDate: i.endDate, endDatePrecision: i.endDatePrecision, startDateFirst: i.startDateFirst, endDateLast: i.endDateLast,
  sources: sources
} AS item
// the graph's load token, read by this same query: the page is of one graph (eucan/api/kept.py)
OPTIONAL MATCH (info:LoadInfo {name: 'load'})
RETURN item, info.token AS token
