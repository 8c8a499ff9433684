// @title Instruments an actor takes part in
// @description The instruments an actor takes part in, directly or through one of its sub-organisations (Canada through the RCMP, National Defence, Global Affairs Canada...), with the role and the period of each participation (the participation's own dates, never the instrument's; `undated` is true when the sources give none, and such participations are kept on any `as_of` day within their instrument's period).
// @param actor string canada  The actor's id.
// @param as_of? date 2010-01-01  Only participations that held on that day (YYYY-MM-DD): startDateFirst <= as_of <= endDateLast: the derived bounds, a participation's own or, where it states none, its instrument's, a start no earlier than its legal acts; a bound still unknown is open.
// @returns instrument, instrument_name, instrument_type, through, role, since, since_precision, until, until_precision, undated, national_operation, record
// @example canada takes part in sdp-2025 as party and in euam-ukraine through the rcmp as contributor
MATCH (a:Actor {id: $actor})
MATCH (x:Actor)-[:SUB_ORGANISATION_OF*0..3]->(a)
MATCH (p:Participation)-[:PARTICIPANT]->(x)
MATCH (p)-[:INSTRUMENT]->(i:Instrument)
OPTIONAL MATCH (p)-[:ROLE]->(r:ParticipantRole)
WITH p, i, x, r
WHERE $as_of IS NULL OR ((p.startDateFirst IS NULL OR p.startDateFirst <= $as_of) AND (p.endDateLast IS NULL OR p.endDateLast >= $as_of))
RETURN i.id AS instrument,
       i.name AS instrument_name,
       head([l IN labels(i) WHERE NOT l IN ['Resource', 'Instrument']]) AS instrument_type,
       x.id AS through,
       r.id AS role,
       p.startDate AS since,
       p.startDatePrecision AS since_precision,
       p.endDate AS until,
       p.endDatePrecision AS until_precision,
       p.startDate IS NULL AND p.endDate IS NULL AS undated,
       p.nationalOperation AS national_operation,
       p.id AS record
ORDER BY instrument, through, record
