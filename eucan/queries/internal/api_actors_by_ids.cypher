// @title Actors by id (API list)
// @description One page of the actor list: the actors with these ids (api_actor_ids gives their order), with what the list shows of each, its sources included (one round trip a page).
// @param ids string[] canada,eu  Actor ids.
// @returns item, token
// The sources are read by an OPTIONAL MATCH over the whole page and collected per item, not by a pattern
// comprehension per item (FalkorDB runs those one item at a time).
UNWIND $ids AS aid
MATCH (a:Actor {id: aid})
WITH DISTINCT a
OPTIONAL MATCH (a)-[:EVIDENCE]->(xs:SourceExcerpt)-[:EXCERPT_OF]->(ds:SourceDocument)
WITH a, collect(CASE WHEN xs IS NULL THEN null ELSE {url: ds.sourceUrl, quote: coalesce(xs.quote, head([k IN keys(xs) WHERE k STARTS WITH 'quote_' | xs[k]])), lang: CASE WHEN xs.quote IS NULL THEN head([k IN keys(xs) WHERE k STARTS WITH 'quote_' | substring(k, 6)]) ELSE 'en' END, retrieved: coalesce(xs.retrievedDate, ds.retrievedDate), title: ds.title, primary: ds.primarySource} END) AS sources
WITH {
  record: a.id, id: a.id, name: a.name, name_fr: a.name_fr, altNames: a.altNames, acronym: a.acronym, labels: labels(a),
  sources: sources
} AS item
// the graph's load token, read by this same query: the page is of one graph (eucan/api/kept.py)
OPTIONAL MATCH (info:LoadInfo {name: 'load'})
RETURN item, info.token AS token
