// @title Timeline of an actor (API)
// @description Dated entries for an actor, oldest first: events it took part in (signatures, summits, dialogue meetings...), its participations starting and ending, signatures and entry into force of instruments it is party to, memberships starting and ending, and posts held; each with its sources. from/to are inclusive.
// @param actor string canada  The actor's id.
// @param date_from date 2000-01-01  Optional: only entries on or after this day (YYYY-MM-DD).
// @param date_to date 2030-12-31  Optional: only entries on or before this day (YYYY-MM-DD).
// @param offset int 0  Rows to skip.
// @param limit int 50  Rows to return.
// @returns total, item
// @internal
MATCH (a:Actor {id: $actor})
WITH
  [(a)<-[:EVENT_PARTICIPANT]-(e:Event) | {date: e.date, precision: e.datePrecision, kind: 'event', record: e.id, title: e.name, labels: labels(e), instrument: null}]
  + [(a)<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(i:Instrument) WHERE p.startDate IS NOT NULL | {date: p.startDate, precision: p.startDatePrecision,
     kind: 'participation-start', record: p.id, title: i.name, labels: labels(p), instrument: {id: i.id, name: i.name, labels: labels(i)}}]
  + [(a)<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(i:Instrument) WHERE p.endDate IS NOT NULL | {date: p.endDate, precision: p.endDatePrecision,
     kind: 'participation-end', record: p.id, title: i.name, labels: labels(p), instrument: {id: i.id, name: i.name, labels: labels(i)}}]
  + [(a)<-[:PARTICIPANT]-(:Participation)-[:INSTRUMENT]->(i:Instrument) WHERE i.signedDate IS NOT NULL | {date: i.signedDate, precision: i.signedDatePrecision,
     kind: 'signature', record: i.id, title: i.name, labels: labels(i), instrument: {id: i.id, name: i.name, labels: labels(i)}}]
  + [(a)<-[:PARTICIPANT]-(:Participation)-[:INSTRUMENT]->(i:Instrument) WHERE i.entryIntoForceDate IS NOT NULL | {date: i.entryIntoForceDate, precision: i.entryIntoForceDatePrecision,
     kind: 'entry-into-force', record: i.id, title: i.name, labels: labels(i), instrument: {id: i.id, name: i.name, labels: labels(i)}}]
  + [(a)<-[:MEMBER]-(m:Membership)-[:ORGANISATION]->(o:Actor) WHERE m.startDate IS NOT NULL | {date: m.startDate, precision: m.startDatePrecision,
     kind: 'membership-start', record: m.id, title: o.name, labels: labels(m), instrument: null}]
  + [(a)<-[:MEMBER]-(m:Membership)-[:ORGANISATION]->(o:Actor) WHERE m.endDate IS NOT NULL | {date: m.endDate, precision: m.endDatePrecision,
     kind: 'membership-end', record: m.id, title: o.name, labels: labels(m), instrument: null}]
  + [(a)<-[:HOLDER]-(t:Tenure)-[:POST]->(po:Post) WHERE t.startDate IS NOT NULL | {date: t.startDate, precision: t.startDatePrecision,
     kind: 'tenure-start', record: t.id, title: po.name, labels: labels(t), instrument: null}]
  + [(a)<-[:HOLDER]-(t:Tenure)-[:POST]->(po:Post) WHERE t.endDate IS NOT NULL | {date: t.endDate, precision: t.endDatePrecision,
     kind: 'tenure-end', record: t.id, title: po.name, labels: labels(t), instrument: null}]
  AS entries
UNWIND entries AS x
WITH DISTINCT x
WHERE ($date_from IS NULL OR x.date >= $date_from) AND ($date_to IS NULL OR x.date <= $date_to)
WITH x ORDER BY x.date, x.kind, x.record
WITH collect(x) AS rows
WITH size(rows) AS total, rows[$offset..($offset + $limit)] AS page
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS item
RETURN total, item
