// @title Cooperation rows per actor (API paging)
// @description For the cooperation list without an actor or partner: how many rows (participations of an actor in an instrument) each actor has under the filters, in actor-id order, as one list of [actor id, count] pairs. The API keeps it for the loaded graph and cuts pages from it with api_cooperation_page, so a page costs the same whatever its offset.
// @param domain? string maritime-security  Only instruments covering this cooperation domain id.
// @param instrument_type? string PescoProject  Only instruments of this type (Partnership, Agreement, PescoProject, CsdpMission, CsdpOperation, Dialogue, FinancingInstrument, LegalAct, Framework).
// @param as_of? date 2024-01-01  Only participations that held on this day (YYYY-MM-DD; earliest possible start <= as_of <= latest possible end, endDateLast; a missing bound is open, so undated participations are kept).
// @returns counts
MATCH (a:Actor)<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(i:Instrument)
WHERE ($as_of IS NULL OR ((p.startDate IS NULL OR p.startDate <= $as_of) AND (p.endDateLast IS NULL OR p.endDateLast >= $as_of)))
  AND ($instrument_type IS NULL OR $instrument_type IN labels(i))
  AND ($domain IS NULL OR (i)-[:COVERS_DOMAIN]->(:CooperationDomain {id: $domain}))
WITH a.id AS actor, count(p) AS n ORDER BY actor
RETURN collect([actor, n]) AS counts
