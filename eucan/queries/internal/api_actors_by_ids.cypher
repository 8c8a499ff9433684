// @title Actors by id (API list)
// @description One page of the actor list: the actors with these ids (api_actor_ids gives their order), with what the list shows of each, its sources included (one round trip a page).
// @param ids string[] canada,eu  Actor ids.
// @returns item
UNWIND $ids AS aid
MATCH (a:Actor {id: aid})
RETURN {
  record: a.id, id: a.id, name: a.name, name_fr: a.name_fr, altNames: a.altNames, acronym: a.acronym, labels: labels(a),
  sources: [(a)-[:EVIDENCE]->(xs:SourceExcerpt)-[:EXCERPT_OF]->(ds:SourceDocument) | {url: ds.sourceUrl, quote: coalesce(xs.quote, head([k IN keys(xs) WHERE k STARTS WITH 'quote_' | xs[k]])), lang: CASE WHEN xs.quote IS NULL THEN head([k IN keys(xs) WHERE k STARTS WITH 'quote_' | substring(k, 6)]) ELSE 'en' END, retrieved: coalesce(xs.retrievedDate, ds.retrievedDate), title: ds.title, primary: ds.primarySource}]
} AS item
