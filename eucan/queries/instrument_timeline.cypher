// @title Timeline of an instrument
// @description Everything dated about an instrument in one chronological list: its own dates (signature, a legal act's adoption and publication, provisional application, entry into force, start, end), the events about it (negotiations, signatures, meetings, announcements) and when each participant joined or left, with the place of the signature and of each event. A participant joins and leaves on the days the as-of rule uses (its participation's startDateFirst, and the end whose last day is its endDateLast): its own dates, else the instrument's start or end, or the adoption of the most specific legal act it rests on; `date_basis` says which (stated, instrument, legal-basis) and `derived_from` names the instrument or act. Undated entries come last: one for a fact with neither start nor end (one with only an end has just its end).
// @param instrument string eu-canada-pnr-2024  The instrument's id.
// @returns date, date_precision, event, actor, place, record, date_basis, derived_from
// @example eu-canada-pnr-2024: 2017-12-06 negotiating mandate, 2024-10-04 signed, 2025-03-12 European Parliament consent, 2025-04-14 Council conclusion
MATCH (i:Instrument {id: $instrument})
WITH i, [x IN [
       {date: i.signedDate, precision: i.signedDatePrecision, event: 'signed', actor: null, place: i.signedAt, record: i.id, date_basis: 'stated'},
       {date: i.adoptedDate, precision: i.adoptedDatePrecision, event: 'adopted', actor: null, record: i.id, date_basis: 'stated'},
       {date: i.publicationDate, precision: i.publicationDatePrecision, event: 'published in the Official Journal', actor: null, record: i.id, date_basis: 'stated'},
       {date: i.provisionalApplicationDate, precision: i.provisionalApplicationDatePrecision, event: 'provisionally applied', actor: null, record: i.id, date_basis: 'stated'},
       {date: i.entryIntoForceDate, precision: i.entryIntoForceDatePrecision, event: 'enters into force', actor: null, record: i.id, date_basis: 'stated'},
       {date: i.startDate, precision: i.startDatePrecision, event: 'starts', actor: null, record: i.id, date_basis: 'stated'},
       {date: i.endDate, precision: i.endDatePrecision, event: 'ends (last day)', actor: null, record: i.id, date_basis: 'stated'}
     ] WHERE x.date IS NOT NULL] AS own
OPTIONAL MATCH (e:Event)-[:ABOUT_INSTRUMENT]->(i)
WITH i, own, collect(CASE WHEN e IS NULL THEN null ELSE {date: e.date, precision: e.datePrecision, event: e.name, actor: null, place: e.place, record: e.id, date_basis: 'stated'} END) AS events
OPTIONAL MATCH (p:Participation)-[:INSTRUMENT]->(i)
OPTIONAL MATCH (p)-[:PARTICIPANT]->(a:Actor)
OPTIONAL MATCH (p)-[:ROLE]->(r:ParticipantRole)
// where a derived start or end comes from, as the loader wrote it (eucan.dates.participation_bounds)
OPTIONAL MATCH (p)-[:START_DATE_FROM]->(sf:Instrument)
OPTIONAL MATCH (p)-[:END_DATE_FROM]->(ef:Instrument)
WITH own, events,
     collect(CASE WHEN p IS NULL OR (p.startDateFirst IS NULL AND p.endDateLast IS NOT NULL) THEN null ELSE {date: p.startDateFirst, precision: p.startDateFirstPrecision,
       event: CASE p.startDateBasis WHEN 'stated' THEN 'joins as ' + r.id
                   WHEN 'instrument' THEN 'joins as ' + r.id + ' from the start of the instrument (own start not stated)'
                   WHEN 'legal-basis' THEN 'joins as ' + r.id + ' from the adoption of its legal basis (own start not stated)'
                   ELSE r.id + ' (dates not stated)' END,
       actor: a.id, record: p.id, date_basis: p.startDateBasis, derived_from: sf.id} END) AS joins,
     collect(CASE WHEN p.endDateLast IS NULL THEN null ELSE {date: CASE WHEN ef IS NULL THEN p.endDate ELSE ef.endDate END, precision: CASE WHEN ef IS NULL THEN p.endDatePrecision ELSE ef.endDatePrecision END,
       event: CASE WHEN ef IS NULL THEN 'last day as ' + r.id ELSE 'last day as ' + r.id + ': the end of the instrument (own end not stated)' END,
       actor: a.id, record: p.id, date_basis: p.endDateBasis, derived_from: ef.id} END) AS leaves
UNWIND own + events + joins + leaves AS row
RETURN row.date AS date, row.precision AS date_precision, row.event AS event, row.actor AS actor, row.place AS place, row.record AS record,
       row.date_basis AS date_basis, row.derived_from AS derived_from
ORDER BY date, date_precision DESC, record, event
