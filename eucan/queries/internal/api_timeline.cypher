// @title Timeline of an actor (API)
// @description Entries for an actor, oldest first: events it took part in (signatures, summits, dialogue meetings...), its participations starting and ending, signatures and entry into force of instruments it is party to, memberships starting and ending, and posts held; each with its sources. A participation starts on its startDateFirst and ends on the end whose last day is its endDateLast (the bounds of the as-of rule): its own dates, else its instrument's, or the adoption of its most specific legal act; `basis` (stated, instrument, legal-basis) and `derivedFrom` name where the date comes from, as the loader wrote them (startDateBasis, START_DATE_FROM, endDateBasis, END_DATE_FROM). from/to are inclusive. Participations (with no bound at all), memberships and tenures with neither start nor end come last, undated (date null, kind participation-undated, membership-undated, tenure-undated), and only without from/to.
// @param actor string canada  The actor's id.
// @param date_from? date 2000-01-01  Only entries on or after this day (YYYY-MM-DD).
// @param date_to? date 2030-12-31  Only entries on or before this day (YYYY-MM-DD).
// @param offset int 0  Rows to skip.
// @param limit int 50  Rows to return.
// @returns total, item
MATCH (a:Actor {id: $actor})
// A participation's derived bounds (startDateFirst, endDateLast) and where each comes from (startDateBasis,
// endDateBasis, START_DATE_FROM, END_DATE_FROM) are written by the loader (eucan.dates.participation_bounds).
OPTIONAL MATCH (a)<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(i:Instrument)
OPTIONAL MATCH (p)-[:START_DATE_FROM]->(sf:Instrument)
OPTIONAL MATCH (p)-[:END_DATE_FROM]->(ef:Instrument)
WITH a, collect(CASE WHEN p IS NULL THEN null ELSE {
       record: p.id, title: i.name, labels: labels(p), instrument: {id: i.id, name: i.name, labels: labels(i)},
       start: p.startDateFirst, startPrecision: p.startDateFirstPrecision, startBasis: p.startDateBasis,
       startFrom: CASE WHEN sf IS NULL THEN null ELSE {id: sf.id, name: sf.name, labels: labels(sf)} END,
       end: CASE WHEN ef IS NULL THEN p.endDate ELSE ef.endDate END,
       endPrecision: CASE WHEN ef IS NULL THEN p.endDatePrecision ELSE ef.endDatePrecision END,
       endBasis: p.endDateBasis,
       endFrom: CASE WHEN ef IS NULL THEN null ELSE {id: ef.id, name: ef.name, labels: labels(ef)} END
     } END) AS parts
WITH
  [(a)<-[:EVENT_PARTICIPANT]-(e1:Event) | {date: e1.date, precision: e1.datePrecision, kind: 'event', record: e1.id, title: e1.name, labels: labels(e1), instrument: null, place: e1.place, basis: 'stated'}]
  + [x IN parts WHERE x.start IS NOT NULL | {date: x.start, precision: x.startPrecision,
     kind: 'participation-start', record: x.record, title: x.title, labels: x.labels, instrument: x.instrument, basis: x.startBasis, derivedFrom: x.startFrom}]
  + [x IN parts WHERE x.end IS NOT NULL | {date: x.end, precision: x.endPrecision,
     kind: 'participation-end', record: x.record, title: x.title, labels: x.labels, instrument: x.instrument, basis: x.endBasis, derivedFrom: x.endFrom}]
  + [(a)<-[:PARTICIPANT]-(:Participation)-[:INSTRUMENT]->(i4:Instrument) WHERE i4.signedDate IS NOT NULL | {date: i4.signedDate, precision: i4.signedDatePrecision,
     kind: 'signature', record: i4.id, title: i4.name, labels: labels(i4), instrument: {id: i4.id, name: i4.name, labels: labels(i4)}, basis: 'stated'}]
  + [(a)<-[:PARTICIPANT]-(:Participation)-[:INSTRUMENT]->(i5:Instrument) WHERE i5.entryIntoForceDate IS NOT NULL | {date: i5.entryIntoForceDate, precision: i5.entryIntoForceDatePrecision,
     kind: 'entry-into-force', record: i5.id, title: i5.name, labels: labels(i5), instrument: {id: i5.id, name: i5.name, labels: labels(i5)}, basis: 'stated'}]
  + [(a)<-[:MEMBER]-(m6:Membership)-[:ORGANISATION]->(o6:Actor) WHERE m6.startDate IS NOT NULL | {date: m6.startDate, precision: m6.startDatePrecision,
     kind: 'membership-start', record: m6.id, title: o6.name, labels: labels(m6), instrument: null, basis: 'stated'}]
  + [(a)<-[:MEMBER]-(m7:Membership)-[:ORGANISATION]->(o7:Actor) WHERE m7.endDate IS NOT NULL | {date: m7.endDate, precision: m7.endDatePrecision,
     kind: 'membership-end', record: m7.id, title: o7.name, labels: labels(m7), instrument: null, basis: 'stated'}]
  + [(a)<-[:HOLDER]-(t8:Tenure)-[:POST]->(po8:Post) WHERE t8.startDate IS NOT NULL | {date: t8.startDate, precision: t8.startDatePrecision,
     kind: 'tenure-start', record: t8.id, title: po8.name, labels: labels(t8), instrument: null, basis: 'stated'}]
  + [(a)<-[:HOLDER]-(t9:Tenure)-[:POST]->(po9:Post) WHERE t9.endDate IS NOT NULL | {date: t9.endDate, precision: t9.endDatePrecision,
     kind: 'tenure-end', record: t9.id, title: po9.name, labels: labels(t9), instrument: null, basis: 'stated'}]
  + [x IN parts WHERE x.start IS NULL AND x.end IS NULL | {date: null, precision: null,
     kind: 'participation-undated', record: x.record, title: x.title, labels: x.labels, instrument: x.instrument}]
  + [(a)<-[:MEMBER]-(m11:Membership)-[:ORGANISATION]->(o11:Actor) WHERE m11.startDate IS NULL AND m11.endDate IS NULL | {date: null, precision: null,
     kind: 'membership-undated', record: m11.id, title: o11.name, labels: labels(m11), instrument: null}]
  + [(a)<-[:HOLDER]-(t12:Tenure)-[:POST]->(po12:Post) WHERE t12.startDate IS NULL AND t12.endDate IS NULL | {date: null, precision: null,
     kind: 'tenure-undated', record: t12.id, title: po12.name, labels: labels(t12), instrument: null}]
  AS entries
UNWIND entries AS x
WITH DISTINCT x
WHERE ($date_from IS NULL AND $date_to IS NULL)
  OR (x.date IS NOT NULL AND ($date_from IS NULL OR x.date >= $date_from) AND ($date_to IS NULL OR x.date <= $date_to))
WITH x ORDER BY x.date IS NULL, x.date, x.kind, x.record
WITH collect(x) AS rows
WITH size(rows) AS total, rows[$offset..($offset + $limit)] AS page
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS item
RETURN total, item
