// @title Actors x cooperation areas (explorer matrix)
// @description For each actor and cooperation area, the number of distinct instruments the actor takes part in (a Participation of the actor in an instrument that covers the area) — the counts of the rows `GET /api/v1/cooperation?actor=&domain=` lists.
// @returns actor, name, labels, domain, instruments
MATCH (a:Actor)<-[:PARTICIPANT]-(:Participation)-[:INSTRUMENT]->(i:Instrument)-[:COVERS_DOMAIN]->(d:CooperationDomain)
RETURN a.id AS actor, a.name AS name, labels(a) AS labels, d.id AS domain, count(DISTINCT i) AS instruments
ORDER BY actor, domain
