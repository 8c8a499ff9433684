// @title Instruments of a type, with their participants
// @description Instruments of one type with dates, status and every participant as "actor (role)". The type is an instrument label or the start of one: Agreement, Partnership, PescoProject, CsdpMission, CsdpOperation, Csdp (missions and operations), Dialogue, FinancingInstrument, Framework, LegalAct.
// @param type string PescoProject  An instrument label, or the start of one (Csdp = missions and operations).
// @returns instrument, name, instrument_type, status, since, since_precision, until, until_precision, participants
// @example PescoProject lists pesco-military-mobility (coordinator netherlands; participants canada, norway, united-states...) and pesco-netloghubs
MATCH (i:Instrument)
WITH i, head([l IN labels(i) WHERE NOT l IN ['Resource', 'Instrument']]) AS instrument_type
WHERE instrument_type STARTS WITH $type
OPTIONAL MATCH (p:Participation)-[:INSTRUMENT]->(i)
OPTIONAL MATCH (p)-[:PARTICIPANT]->(a:Actor)
OPTIONAL MATCH (p)-[:ROLE]->(r:ParticipantRole)
WITH i, instrument_type, a.id + ' (' + coalesce(r.id, 'role not stated') + ')' AS who
ORDER BY who
WITH i, instrument_type, collect(DISTINCT who) AS participants
RETURN i.id AS instrument,
       i.name AS name,
       instrument_type,
       i.status AS status,
       coalesce(i.entryIntoForceDate, i.provisionalApplicationDate, i.startDate, i.signedDate) AS since,
       coalesce(i.entryIntoForceDatePrecision, i.provisionalApplicationDatePrecision, i.startDatePrecision, i.signedDatePrecision) AS since_precision,
       i.endDate AS until,
       i.endDatePrecision AS until_precision,
       participants
ORDER BY instrument
