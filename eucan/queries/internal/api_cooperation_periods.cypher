// @title Periods of the cooperation rows per actor (API paging with as_of)
// @description For the cooperation list without an actor or partner, on an as_of day: each actor's rows (participations of the actor in an instrument) under the filters, in actor-id order, as one list of [actor id, rows, the rows' start days, their latest end days (endDateLast)] (a missing date is left out of its list). The API keeps it for the loaded graph and counts from it the rows holding on any as_of day (eucan.dates.PeriodCounts: earliest possible start <= as_of <= latest possible end), so a flood of as_of days costs no pass each (without as_of, api_cooperation_counts is enough); pages are cut with api_cooperation_page.
// @param domain? string maritime-security  Only instruments covering this cooperation domain id.
// @param instrument_type? string PescoProject  Only instruments of this type (Partnership, Agreement, PescoProject, CsdpMission, CsdpOperation, Dialogue, FinancingInstrument, LegalAct, Framework).
// @returns periods
// Instruments first (a few per hundred facts): a domain or type keeps only theirs before any participation is read.
MATCH (i:Instrument)
WHERE ($instrument_type IS NULL OR $instrument_type IN labels(i))
  AND ($domain IS NULL OR (i)-[:COVERS_DOMAIN]->(:CooperationDomain {id: $domain}))
WITH i
MATCH (i)<-[:INSTRUMENT]-(p:Participation)-[:PARTICIPANT]->(a:Actor)
WITH a.id AS actor, count(p) AS n, collect(p.startDate) AS starts, collect(p.endDateLast) AS ends ORDER BY actor
RETURN collect([actor, n, starts, ends]) AS periods
