// @title Instruments per actor in any cooperation area (explorer matrix)
// @description For each actor, the ids of the distinct instruments covering at least one cooperation area that it takes part in: the matrix's last column.
// @returns actor, instruments
MATCH (a:Actor)<-[:PARTICIPANT]-(:Participation)-[:INSTRUMENT]->(i:Instrument)-[:COVERS_DOMAIN]->(:CooperationDomain)
RETURN a.id AS actor, collect(DISTINCT i.id) AS instruments
ORDER BY actor
