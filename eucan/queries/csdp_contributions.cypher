// @title CSDP contributions of an actor, by period
// @description The CSDP missions and operations an actor (with its sub-organisations: for Canada the RCMP, National Defence, the Canadian Armed Forces...) contributed to, grouped by decade, with dates, personnel, national operation and what was contributed. Where a participation has no dates of its own the mission's dates are shown and `dated_by` says so. `from`/`to` keep contributions that overlap the period.
// @param actor string canada  The contributing actor's id.
// @param from date 2000-01-01  Optional: keep contributions still running on or after this day.
// @param to date 2030-12-31  Optional: keep contributions that began on or before this day.
// @returns period, mission, mission_name, mission_type, contributor, since, until, dated_by, personnel, national_operation, contribution
// @example canada contributed to eupm-bih and artemis-drc (2000s, Operation CARAVAN), eufor-althea (Operation BOREAS), eupol-afghanistan, euam-ukraine, euma-armenia
MATCH (a:Actor {id: $actor})
MATCH (x:Actor)-[:SUB_ORGANISATION_OF*0..3]->(a)
MATCH (p:Participation)-[:PARTICIPANT]->(x)
MATCH (p)-[:INSTRUMENT]->(i:Instrument)-[:PART_OF]->(:Instrument {id: 'csdp'})
WITH p, i, x,
     coalesce(p.startDate, i.startDate) AS since,
     coalesce(p.endDate, i.endDate) AS until,
     CASE WHEN p.startDate IS NULL AND p.endDate IS NULL THEN 'mission' ELSE 'participation' END AS dated_by
WHERE ($from IS NULL OR until IS NULL OR until >= $from)
  AND ($to IS NULL OR since IS NULL OR since <= $to)
RETURN CASE WHEN since IS NULL THEN 'undated' ELSE left(since, 3) + '0s' END AS period,
       i.id AS mission,
       i.name AS mission_name,
       head([l IN labels(i) WHERE NOT l IN ['Resource', 'Instrument']]) AS mission_type,
       x.id AS contributor,
       since,
       until,
       dated_by,
       p.personnel AS personnel,
       p.nationalOperation AS national_operation,
       p.contribution AS contribution
ORDER BY period, since, mission, contributor, until
