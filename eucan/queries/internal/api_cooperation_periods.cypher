// @title Periods of the cooperation rows per actor (API paging with as_of)
// @description For the cooperation list without an actor or partner, on an as_of day: each actor's rows (participations of the actor in an instrument) under the filters, in actor-id order, as one list of [actor id, rows, the rows' earliest possible start days (startDateFirst), their latest possible end days (endDateLast)] (a missing date is left out of its list), read in chunks of `size` actors after the actor id `after` (at a million facts the whole list is larger than an engine answer may be); `last` is the chunk's last actor id, where the next chunk starts, and `actors` the number of actors in the chunk (fewer than `size`: the last chunk; no row: no actor left). The API keeps it for the loaded graph and counts from it the rows holding on any as_of day (eucan.dates.PeriodCounts: earliest possible start <= as_of <= latest possible end), so a flood of as_of days costs no pass each (without as_of, api_cooperation_counts is enough); pages are cut with api_cooperation_page.
// @param domain? string maritime-security  Only instruments covering this cooperation domain id.
// @param instrument_type? string PescoProject  Only instruments of this type (Partnership, Agreement, PescoProject, CsdpMission, CsdpOperation, Dialogue, FinancingInstrument, LegalAct, Framework).
// @param after? string actor-1  Only actors whose id sorts after this one (none for the first chunk).
// @param size int 5000  Actors per chunk.
// @returns last, actors, periods
MATCH (a:Actor) WHERE $after IS NULL OR a.id > $after
WITH a ORDER BY a.id LIMIT $size
WITH collect(a) AS chunk
WITH chunk, chunk[size(chunk) - 1].id AS last, size(chunk) AS actors
UNWIND chunk AS a
OPTIONAL MATCH (a)<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(i:Instrument)
WHERE ($instrument_type IS NULL OR $instrument_type IN labels(i))
  AND ($domain IS NULL OR (i)-[:COVERS_DOMAIN]->(:CooperationDomain {id: $domain}))
WITH last, actors, a.id AS actor, count(p) AS n, collect(p.startDateFirst) AS starts, collect(p.endDateLast) AS ends ORDER BY actor
RETURN last, actors, collect(CASE WHEN n > 0 THEN [actor, n, starts, ends] END) AS periods
