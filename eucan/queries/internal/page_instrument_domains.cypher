// @title Cooperation areas of some instruments (explorer network)
// @description For each given instrument id, the cooperation domains it covers (id and name): what colours the edges of an actor's network.
// @param ids string[] sdp-2025,eufor-althea  Instrument ids.
// @returns instrument, domains
UNWIND $ids AS iid
MATCH (i:Instrument {id: iid})
OPTIONAL MATCH (i)-[:COVERS_DOMAIN]->(d:CooperationDomain)
RETURN i.id AS instrument, collect(CASE WHEN d IS NULL THEN null ELSE {id: d.id, name: d.name} END) AS domains
ORDER BY instrument
