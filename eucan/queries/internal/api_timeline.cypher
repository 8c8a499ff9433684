// @title Timeline of an actor (API)
// @description Entries for an actor, oldest first: events it took part in (signatures, summits, dialogue meetings...), its participations starting and ending, signatures and entry into force of instruments it is party to, memberships starting and ending, and posts held; each with its sources. from/to are inclusive. Participations, memberships and tenures with neither start nor end come last, undated (date null, kind participation-undated, membership-undated, tenure-undated), and only without from/to.
// @param actor string canada  The actor's id.
// @param date_from? date 2000-01-01  Only entries on or after this day (YYYY-MM-DD).
// @param date_to? date 2030-12-31  Only entries on or before this day (YYYY-MM-DD).
// @param offset int 0  Rows to skip.
// @param limit int 50  Rows to return.
// @returns total, item
MATCH (a:Actor {id: $actor})
WITH
  [(a)<-[:EVENT_PARTICIPANT]-(e1:Event) | {date: e1.date, precision: e1.datePrecision, kind: 'event', record: e1.id, title: e1.name, labels: labels(e1), instrument: null, place: e1.place}]
  + [(a)<-[:PARTICIPANT]-(p2:Participation)-[:INSTRUMENT]->(i2:Instrument) WHERE p2.startDate IS NOT NULL | {date: p2.startDate, precision: p2.startDatePrecision,
     kind: 'participation-start', record: p2.id, title: i2.name, labels: labels(p2), instrument: {id: i2.id, name: i2.name, labels: labels(i2)}}]
  + [(a)<-[:PARTICIPANT]-(p3:Participation)-[:INSTRUMENT]->(i3:Instrument) WHERE p3.endDate IS NOT NULL | {date: p3.endDate, precision: p3.endDatePrecision,
     kind: 'participation-end', record: p3.id, title: i3.name, labels: labels(p3), instrument: {id: i3.id, name: i3.name, labels: labels(i3)}}]
  + [(a)<-[:PARTICIPANT]-(:Participation)-[:INSTRUMENT]->(i4:Instrument) WHERE i4.signedDate IS NOT NULL | {date: i4.signedDate, precision: i4.signedDatePrecision,
     kind: 'signature', record: i4.id, title: i4.name, labels: labels(i4), instrument: {id: i4.id, name: i4.name, labels: labels(i4)}}]
  + [(a)<-[:PARTICIPANT]-(:Participation)-[:INSTRUMENT]->(i5:Instrument) WHERE i5.entryIntoForceDate IS NOT NULL | {date: i5.entryIntoForceDate, precision: i5.entryIntoForceDatePrecision,
     kind: 'entry-into-force', record: i5.id, title: i5.name, labels: labels(i5), instrument: {id: i5.id, name: i5.name, labels: labels(i5)}}]
  + [(a)<-[:MEMBER]-(m6:Membership)-[:ORGANISATION]->(o6:Actor) WHERE m6.startDate IS NOT NULL | {date: m6.startDate, precision: m6.startDatePrecision,
     kind: 'membership-start', record: m6.id, title: o6.name, labels: labels(m6), instrument: null}]
  + [(a)<-[:MEMBER]-(m7:Membership)-[:ORGANISATION]->(o7:Actor) WHERE m7.endDate IS NOT NULL | {date: m7.endDate, precision: m7.endDatePrecision,
     kind: 'membership-end', record: m7.id, title: o7.name, labels: labels(m7), instrument: null}]
  + [(a)<-[:HOLDER]-(t8:Tenure)-[:POST]->(po8:Post) WHERE t8.startDate IS NOT NULL | {date: t8.startDate, precision: t8.startDatePrecision,
     kind: 'tenure-start', record: t8.id, title: po8.name, labels: labels(t8), instrument: null}]
  + [(a)<-[:HOLDER]-(t9:Tenure)-[:POST]->(po9:Post) WHERE t9.endDate IS NOT NULL | {date: t9.endDate, precision: t9.endDatePrecision,
     kind: 'tenure-end', record: t9.id, title: po9.name, labels: labels(t9), instrument: null}]
  + [(a)<-[:PARTICIPANT]-(p10:Participation)-[:INSTRUMENT]->(i10:Instrument) WHERE p10.startDate IS NULL AND p10.endDate IS NULL | {date: null, precision: null,
     kind: 'participation-undated', record: p10.id, title: i10.name, labels: labels(p10), instrument: {id: i10.id, name: i10.name, labels: labels(i10)}}]
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
