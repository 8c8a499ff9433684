// @title Timeline of an instrument
// @description Everything dated about an instrument in one chronological list: its own dates (signature, a legal act's adoption and publication, provisional application, entry into force, start, end), the events about it (negotiations, signatures, meetings, announcements) and when each participant joined or left, with the place of the signature and of each event. Undated entries come last.
// @param instrument string eu-canada-pnr-2024  The instrument's id.
// @returns date, date_precision, event, actor, place, record
// @example eu-canada-pnr-2024: 2017-12-06 negotiating mandate, 2024-10-04 signed, 2025-03-12 European Parliament consent, 2025-04-14 Council conclusion
MATCH (i:Instrument {id: $instrument})
WITH i, [x IN [
       {date: i.signedDate, precision: i.signedDatePrecision, event: 'signed', actor: null, place: i.signedAt, record: i.id},
       {date: i.adoptedDate, precision: i.adoptedDatePrecision, event: 'adopted', actor: null, record: i.id},
       {date: i.publicationDate, precision: i.publicationDatePrecision, event: 'published in the Official Journal', actor: null, record: i.id},
       {date: i.provisionalApplicationDate, precision: i.provisionalApplicationDatePrecision, event: 'provisionally applied', actor: null, record: i.id},
       {date: i.entryIntoForceDate, precision: i.entryIntoForceDatePrecision, event: 'enters into force', actor: null, record: i.id},
       {date: i.startDate, precision: i.startDatePrecision, event: 'starts', actor: null, record: i.id},
       {date: i.endDate, precision: i.endDatePrecision, event: 'ends (last day)', actor: null, record: i.id}
     ] WHERE x.date IS NOT NULL] AS own
OPTIONAL MATCH (e:Event)-[:ABOUT_INSTRUMENT]->(i)
WITH i, own, collect(CASE WHEN e IS NULL THEN null ELSE {date: e.date, precision: e.datePrecision, event: e.name, actor: null, place: e.place, record: e.id} END) AS events
OPTIONAL MATCH (p:Participation)-[:INSTRUMENT]->(i)
OPTIONAL MATCH (p)-[:PARTICIPANT]->(a:Actor)
OPTIONAL MATCH (p)-[:ROLE]->(r:ParticipantRole)
WITH own, events,
     collect(CASE WHEN p IS NULL THEN null ELSE {date: p.startDate, precision: p.startDatePrecision, event: CASE WHEN p.startDate IS NULL THEN r.id + ' (dates not stated)' ELSE 'joins as ' + r.id END, actor: a.id, record: p.id} END) AS joins,
     collect(CASE WHEN p.endDate IS NULL THEN null ELSE {date: p.endDate, precision: p.endDatePrecision, event: 'last day as ' + r.id, actor: a.id, record: p.id} END) AS leaves
UNWIND own + events + joins + leaves AS row
RETURN row.date AS date, row.precision AS date_precision, row.event AS event, row.actor AS actor, row.place AS place, row.record AS record
ORDER BY date, record, event
