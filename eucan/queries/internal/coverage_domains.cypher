// @title Records by cooperation domain
// @description For each of the 16 cooperation domains, how many instruments and events cover it.
// @returns domain, name, instruments, events
MATCH (d:CooperationDomain)
OPTIONAL MATCH (i:Instrument)-[:COVERS_DOMAIN]->(d)
WITH d, count(DISTINCT i) AS instruments
OPTIONAL MATCH (e:Event)-[:COVERS_DOMAIN]->(d)
RETURN d.id AS domain, d.name AS name, instruments, count(DISTINCT e) AS events
ORDER BY domain
