// @title The 16 cooperation areas and the instruments that cover them
// @description The SKOS concept scheme of cooperation domains (the 16 areas of the 2025 Security and Defence Partnership) with their ids, notation, names and how many instruments (legal acts left out) cover each.
// @returns domain, notation, name, name_fr, instrument_count, instruments
// @example 16 rows; crisis-management is covered by the most instruments, among them eufor-althea and euam-ukraine
MATCH (d:CooperationDomain)
OPTIONAL MATCH (i:Instrument)-[:COVERS_DOMAIN]->(d)
WHERE NOT i:LegalAct
WITH d, i
ORDER BY i.id
WITH d, collect(DISTINCT i.id) AS instruments
RETURN d.id AS domain, d.notation AS notation, d.name AS name, d.name_fr AS name_fr, size(instruments) AS instrument_count, instruments
ORDER BY instrument_count DESC, domain
