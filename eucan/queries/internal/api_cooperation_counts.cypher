// @title Cooperation rows per actor (API paging)
// @description For the cooperation list without an actor, partner or as_of day: how many rows (participations of an actor in an instrument) each actor has under the filters, in actor-id order, as one list of [actor id, count] pairs. The API keeps it for the loaded graph and cuts pages from it with api_cooperation_page, so a page costs the same whatever its offset (with as_of: api_cooperation_periods).
// @param domain? string maritime-security  Only instruments covering this cooperation domain id.
// @param instrument_type? string PescoProject  Only instruments of this type (Partnership, Agreement, PescoProject, CsdpMission, CsdpOperation, Dialogue, FinancingInstrument, LegalAct, Framework).
// @returns counts
MATCH (a:Actor)<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(i:Instrument)
WHERE ($instrument_type IS NULL OR $instrument_type IN labels(i))
  AND ($domain IS NULL OR (i)-[:COVERS_DOMAIN]->(:CooperationDomain {id: $domain}))
WITH a.id AS actor, count(p) AS n ORDER BY actor
RETURN collect([actor, n]) AS counts
