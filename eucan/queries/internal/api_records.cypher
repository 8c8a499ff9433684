// @title Provenance and roles of records (API)
// @description For each record id, its role and on-whose-behalf (participations), the instrument an event is about, and every source excerpt with the document's URL, title, retrieval date and whether it is a primary source.
// @param ids string[] part-canada-eufor-althea,sdp-2025  Record ids.
// @returns id, roles, onBehalfOf, about, sources
UNWIND $ids AS rid
MATCH (r:Resource {id: rid})
OPTIONAL MATCH (r)-[:ROLE]->(ro)
WITH r, collect(ro.id) AS roles
OPTIONAL MATCH (r)-[:ON_BEHALF_OF]->(o:Actor)
WITH r, roles, collect(CASE WHEN o IS NULL THEN null ELSE {id: o.id, name: o.name, labels: labels(o)} END) AS onBehalfOf
OPTIONAL MATCH (r)-[:ABOUT_INSTRUMENT]->(i:Instrument)
WITH r, roles, onBehalfOf, collect(CASE WHEN i IS NULL THEN null ELSE {id: i.id, name: i.name, labels: labels(i)} END) AS about
OPTIONAL MATCH (r)-[:EVIDENCE]->(xe:SourceExcerpt)-[:EXCERPT_OF]->(xd:SourceDocument)
RETURN r.id AS id, roles, onBehalfOf, about,
  collect(CASE WHEN xe IS NULL THEN null ELSE {url: xd.sourceUrl, quote: coalesce(xe.quote, head([k IN keys(xe) WHERE k STARTS WITH 'quote_' | xe[k]])), lang: CASE WHEN xe.quote IS NULL THEN head([k IN keys(xe) WHERE k STARTS WITH 'quote_' | substring(k, 6)]) ELSE 'en' END, retrieved: coalesce(xe.retrievedDate, xd.retrievedDate), title: xd.title, primary: xd.primarySource} END) AS sources
