// @title Who cooperates on a given domain
// @description The actors taking part in instruments (agreements, projects, missions, dialogues; legal acts left out) that cover one of the 16 cooperation areas, with those instruments, most involved first.
// @param domain string military-mobility  A cooperation-domain id (run the `cooperation_domains` query for the 16 ids).
// @returns actor, actor_name, instrument_count, instruments
// @example on military-mobility canada takes part in pesco-military-mobility, pesco-netloghubs and sdp-2025
MATCH (d:CooperationDomain {id: $domain})<-[:COVERS_DOMAIN]-(i:Instrument)
WHERE NOT i:LegalAct
MATCH (p:Participation)-[:INSTRUMENT]->(i)
MATCH (p)-[:PARTICIPANT]->(a:Actor)
WITH a, i
ORDER BY i.id
WITH a, collect(DISTINCT i.id) AS instruments
RETURN a.id AS actor, a.name AS actor_name, size(instruments) AS instrument_count, instruments
ORDER BY instrument_count DESC, actor
