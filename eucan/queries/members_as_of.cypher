// @title Members of an organisation on a date
// @description The members of an organisation (EU, NATO...) on a given day, with the earliest recorded start of their membership and the membership records (two records mean two sources disagree: see `conflicting_facts`).
// @param organisation string nato  The organisation's id.
// @param as_of date 2023-01-01  The day (YYYY-MM-DD).
// @returns member, name, member_since, member_since_precision, records
// @example nato on 2023-01-01 includes canada and germany but not finland (joined 2023-04-04) or sweden (2024-03-07)
MATCH (m:Membership)-[:ORGANISATION]->(:Actor {id: $organisation})
MATCH (m)-[:MEMBER]->(s:Actor)
WHERE (m.startDateFirst IS NULL OR m.startDateFirst <= $as_of)
  AND (m.endDateLast IS NULL OR m.endDateLast >= $as_of)
WITH s, m
ORDER BY m.id
WITH s, collect([m.startDate, m.startDatePrecision]) AS starts, collect(m.id) AS records
WITH s, records, reduce(first = null, x IN starts | CASE WHEN x[0] IS NOT NULL AND (first IS NULL OR x[0] < first[0]) THEN x ELSE first END) AS earliest
RETURN s.id AS member, s.name AS name, earliest[0] AS member_since, earliest[1] AS member_since_precision, records
ORDER BY member
