// @title Instruments an actor takes part in
// @description The instruments an actor takes part in, directly or through one of its sub-organisations (Canada through the RCMP, National Defence, Global Affairs Canada...), with the role and the period of each participation.
// @param actor string canada  The actor's id.
// @param as_of date 2010-01-01  Optional: only participations that held on that day (YYYY-MM-DD).
// @returns instrument, instrument_name, instrument_type, through, role, since, until, record
// @example canada takes part in sdp-2025 as party and in euam-ukraine through the rcmp as contributor
MATCH (a:Actor {id: $actor})
MATCH (x:Actor)-[:SUB_ORGANISATION_OF*0..3]->(a)
MATCH (p:Participation)-[:PARTICIPANT]->(x)
MATCH (p)-[:INSTRUMENT]->(i:Instrument)
OPTIONAL MATCH (p)-[:ROLE]->(r:ParticipantRole)
WITH p, i, x, r
WHERE $as_of IS NULL OR ((p.startDate IS NULL OR p.startDate <= $as_of) AND (p.endDate IS NULL OR p.endDate >= $as_of))
RETURN i.id AS instrument,
       i.name AS instrument_name,
       head([l IN labels(i) WHERE NOT l IN ['Resource', 'Instrument']]) AS instrument_type,
       x.id AS through,
       r.id AS role,
       p.startDate AS since,
       p.endDate AS until,
       p.id AS record
ORDER BY instrument, through, record
