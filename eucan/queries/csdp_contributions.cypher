// @title CSDP contributions of an actor, by period
// @description The CSDP missions and operations an actor (with its sub-organisations: for Canada the RCMP, National Defence, the Canadian Armed Forces...) contributed to, grouped by the decade the contribution began, with its dates, personnel, national operation and what was contributed. `since`/`until` are always the contribution's own dates, never the mission's: where the sources date only the mission, `since`/`until` are empty, `undated` is true and the period is 'undated' ('start not stated' when only the end is known); the mission's own period is given apart (`mission_since`, `mission_until`). `held_from`/`held_until` are the bounds every as-of question uses (the derived `startDateFirst`/`endDateLast`, ISO days): the contribution's own, or the mission's where the contribution states none (a contribution cannot outlast its mission; `bounds_from_mission` names the bounds so taken: `start`, `end`, `both` or null). `from`/`to` keep contributions that held at some time in the period (held_from <= to, held_until >= from; a bound still unknown is open).
// @param actor string canada  The contributing actor's id.
// @param from? date 2000-01-01  Keep contributions still running on or after this day.
// @param to? date 2030-12-31  Keep contributions that began on or before this day.
// @returns period, mission, mission_name, mission_type, contributor, since, since_precision, until, until_precision, undated, held_from, held_until, bounds_from_mission, mission_since, mission_since_precision, mission_until, mission_until_precision, personnel, national_operation, contribution, record
// @example canada contributed to eupm-bih and artemis-drc (2000s, Operation CARAVAN), eufor-althea (Operation BOREAS), euma-armenia (since 2024-04); its contributions to eupol-afghanistan and euam-ukraine are undated
MATCH (a:Actor {id: $actor})
MATCH (x:Actor)-[:SUB_ORGANISATION_OF*0..3]->(a)
MATCH (p:Participation)-[:PARTICIPANT]->(x)
MATCH (p)-[:INSTRUMENT]->(i:Instrument)-[:PART_OF]->(:Instrument {id: 'csdp'})
WHERE ($from IS NULL OR p.endDateLast IS NULL OR p.endDateLast >= $from)
  AND ($to IS NULL OR p.startDateFirst IS NULL OR p.startDateFirst <= $to)
RETURN CASE WHEN p.startDate IS NOT NULL THEN left(p.startDate, 3) + '0s' WHEN p.endDate IS NULL THEN 'undated' ELSE 'start not stated' END AS period,
       i.id AS mission,
       i.name AS mission_name,
       head([l IN labels(i) WHERE NOT l IN ['Resource', 'Instrument']]) AS mission_type,
       x.id AS contributor,
       p.startDate AS since,
       p.startDatePrecision AS since_precision,
       p.endDate AS until,
       p.endDatePrecision AS until_precision,
       p.startDate IS NULL AND p.endDate IS NULL AS undated,
       p.startDateFirst AS held_from,
       p.endDateLast AS held_until,
       CASE WHEN p.startDateBasis = 'instrument' THEN CASE WHEN p.endDateBasis = 'instrument' THEN 'both' ELSE 'start' END
            WHEN p.endDateBasis = 'instrument' THEN 'end' END AS bounds_from_mission,
       i.startDate AS mission_since,
       i.startDatePrecision AS mission_since_precision,
       i.endDate AS mission_until,
       i.endDatePrecision AS mission_until_precision,
       p.personnel AS personnel,
       p.nationalOperation AS national_operation,
       p.contribution AS contribution,
       p.id AS record
ORDER BY period, since, mission, contributor, until, record
