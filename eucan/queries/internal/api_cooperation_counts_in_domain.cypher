// @title Cooperation rows per actor in one domain (API paging)
// @description As api_cooperation_counts with a domain: how many rows (participations of an actor in an instrument covering the domain) each actor has, in actor-id order, as one list of [actor id, count] pairs. Starts from the domain (index lookup) and reads only its instruments' participations, instead of testing every participation's instrument for the domain.
// @param domain string maritime-security  The cooperation domain's id.
// @param instrument_type? string PescoProject  Only instruments of this type (Partnership, Agreement, PescoProject, CsdpMission, CsdpOperation, Dialogue, FinancingInstrument, LegalAct, Framework).
// @returns counts
MATCH (d:CooperationDomain {id: $domain})
MATCH (d)<-[:COVERS_DOMAIN]-(i:Instrument)
WHERE $instrument_type IS NULL OR $instrument_type IN labels(i)
WITH DISTINCT i
MATCH (a:Actor)<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(i)
WITH a.id AS actor, count(p) AS n ORDER BY actor
RETURN collect([actor, n]) AS counts
