// @title What was in force or active on a date
// @description Instruments in force or active on a given day: begun (entry into force, provisional application, start, or, for an instrument recorded as in force without those dates, signature or a legal act's adoption; `since_is` says which) on or before it and not ended before it; instruments still under negotiation, proposed or annulled are left out. Legal acts are left out unless `type` asks for them.
// @param as_of date 2024-01-01  The day (YYYY-MM-DD).
// @param type? string CsdpMission  An instrument label or the start of one (Agreement, Csdp, Dialogue, LegalAct, PescoProject...).
// @returns instrument, name, instrument_type, status, since, since_precision, since_is, until, until_precision
// @example on 2024-01-01 euma-armenia, euam-ukraine, pesco and the security and defence dialogue were active; eupol-afghanistan (ended 2016) and sdp-2025 (signed 2025) were not
MATCH (i:Instrument)
WITH i,
     head([l IN labels(i) WHERE NOT l IN ['Resource', 'Instrument']]) AS instrument_type,
     coalesce(i.entryIntoForceDate, i.provisionalApplicationDate, i.startDate,
              CASE WHEN i.status IN ['in-force', 'active'] THEN coalesce(i.signedDate, i.adoptedDate) END) AS since,
     coalesce(i.entryIntoForceDatePrecision, i.provisionalApplicationDatePrecision, i.startDatePrecision,
              CASE WHEN i.status IN ['in-force', 'active'] THEN coalesce(i.signedDatePrecision, i.adoptedDatePrecision) END) AS since_precision,
     CASE WHEN i.entryIntoForceDate IS NOT NULL THEN 'entry into force'
          WHEN i.provisionalApplicationDate IS NOT NULL THEN 'provisional application'
          WHEN i.startDate IS NOT NULL THEN 'start'
          WHEN i.signedDate IS NOT NULL THEN 'signature (in force; entry-into-force date not recorded)'
          ELSE 'adoption (in force; entry-into-force date not recorded)' END AS since_is
WHERE since IS NOT NULL
  AND since <= $as_of
  AND (i.endDateLast IS NULL OR i.endDateLast >= $as_of)
  AND NOT coalesce(i.status, '') IN ['under-negotiation', 'proposed', 'annulled']
  AND (($type IS NULL AND instrument_type <> 'LegalAct') OR ($type IS NOT NULL AND instrument_type STARTS WITH $type))
RETURN i.id AS instrument, i.name AS name, instrument_type, i.status AS status, since, since_precision, since_is, i.endDate AS until, i.endDatePrecision AS until_precision
ORDER BY instrument_type, instrument
