// @title Domains of the 2025 Partnership and the instruments that serve them
// @description The cooperation areas a partnership covers (the 16 areas of the 2025 EU–Canada Security and Defence Partnership) and, for each, the other instruments (agreements, PESCO projects, CSDP missions and operations, dialogues; legal acts left out) that cover the same area; areas served by no other instrument show 0.
// @param partnership string sdp-2025  The partnership's id.
// @returns domain, domain_name, instrument_count, instruments
// @example sdp-2025 covers 16 areas; crisis-management is served by the CSDP missions and operations, military-mobility by pesco-military-mobility and pesco-netloghubs, space-security by copernicus-arrangement-canada, da-asat-test-commitment and oewg-reducing-space-threats
MATCH (sdp:Instrument {id: $partnership})-[:COVERS_DOMAIN]->(d:CooperationDomain)
OPTIONAL MATCH (i:Instrument)-[:COVERS_DOMAIN]->(d)
WHERE i <> sdp AND NOT i:LegalAct
WITH d, i
ORDER BY i.id
WITH d, collect(DISTINCT i.id) AS instruments
RETURN d.id AS domain, d.name AS domain_name, size(instruments) AS instrument_count, instruments
ORDER BY instrument_count DESC, domain
