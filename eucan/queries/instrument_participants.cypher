// @title Participants of an instrument
// @description Who takes part in an instrument, in which role and over which period, on whose behalf (signatories), with personnel numbers, contributions and national operation names where the sources give them.
// @param instrument string sdp-2025  The instrument's id.
// @returns actor, actor_name, role, since, since_precision, until, until_precision, undated, on_behalf_of, personnel, contribution, national_operation, record
// @example sdp-2025: parties canada and eu; signatories kaja-kallas (for eu), anita-anand and david-mcguinty (for canada)
MATCH (i:Instrument {id: $instrument})<-[:INSTRUMENT]-(p:Participation)-[:PARTICIPANT]->(a:Actor)
OPTIONAL MATCH (p)-[:ROLE]->(r:ParticipantRole)
OPTIONAL MATCH (p)-[:ON_BEHALF_OF]->(o:Actor)
RETURN a.id AS actor,
       a.name AS actor_name,
       r.id AS role,
       p.startDate AS since,
       p.startDatePrecision AS since_precision,
       p.endDate AS until,
       p.endDatePrecision AS until_precision,
       p.startDate IS NULL AND p.endDate IS NULL AS undated,
       o.id AS on_behalf_of,
       p.personnel AS personnel,
       p.contribution AS contribution,
       p.nationalOperation AS national_operation,
       p.id AS record
ORDER BY role, actor, record
