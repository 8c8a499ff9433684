// @title Partners of an actor (API)
// @description The actors that share at least one instrument with the actor, ordered by name, each with the instruments shared, both roles and periods, and the sources of both participations. With as_of, both participations must have held on that day (startDateFirst <= as_of <= endDateLast: the derived bounds, a participation's own or, where it states none, its instrument's, a start no earlier than its legal acts; a bound still unknown is open).
// @param actor string canada  The actor's id.
// @param as_of? date 2024-01-01  Only participations that held on this day (YYYY-MM-DD).
// @param offset int 0  Rows to skip.
// @param limit int 50  Rows to return.
// @returns total, item
MATCH (a:Actor {id: $actor})<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(i:Instrument)<-[:INSTRUMENT]-(q:Participation)-[:PARTICIPANT]->(b:Actor)
WHERE b.id <> a.id
  AND ($as_of IS NULL OR ((p.startDateFirst IS NULL OR p.startDateFirst <= $as_of) AND (p.endDateLast IS NULL OR p.endDateLast >= $as_of) AND (q.startDateFirst IS NULL OR q.startDateFirst <= $as_of) AND (q.endDateLast IS NULL OR q.endDateLast >= $as_of)))
WITH b, collect([p, i, q]) AS shared ORDER BY toLower(b.name), b.id
WITH collect([b, shared]) AS rows
WITH size(rows) AS total, rows[$offset..($offset + $limit)] AS page
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS row
WITH total, row[0] AS b, row[1] AS shared
RETURN total, CASE WHEN b IS NULL THEN null ELSE {
  partner: {id: b.id, name: b.name, labels: labels(b)},
  shared: [s IN shared | {
    instrument: {id: s[1].id, name: s[1].name, labels: labels(s[1])},
    actorParticipation: {record: s[0].id, startDate: s[0].startDate, startDatePrecision: s[0].startDatePrecision, endDate: s[0].endDate, endDatePrecision: s[0].endDatePrecision, startDateFirst: s[0].startDateFirst, endDateLast: s[0].endDateLast, startDateFirstPrecision: s[0].startDateFirstPrecision, startDateBasis: s[0].startDateBasis, endDateBasis: s[0].endDateBasis},
    partnerParticipation: {record: s[2].id, startDate: s[2].startDate, startDatePrecision: s[2].startDatePrecision, endDate: s[2].endDate, endDatePrecision: s[2].endDatePrecision, startDateFirst: s[2].startDateFirst, endDateLast: s[2].endDateLast, startDateFirstPrecision: s[2].startDateFirstPrecision, startDateBasis: s[2].startDateBasis, endDateBasis: s[2].endDateBasis}}]
} END AS item
