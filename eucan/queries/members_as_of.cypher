// @title Members of an organisation on a date
// @description The members of an organisation (EU, NATO...) on a given day, with the earliest recorded start of their membership and the membership records (two records mean two sources disagree: see `conflicting_facts`).
// @param organisation string nato  The organisation's id.
// @param as_of date 2023-01-01  The day (YYYY-MM-DD).
// @returns member, name, member_since, records
// @example nato on 2023-01-01 includes canada and germany but not finland (joined 2023-04-04) or sweden (2024-03-07)
MATCH (m:Membership)-[:ORGANISATION]->(:Actor {id: $organisation})
MATCH (m)-[:MEMBER]->(s:Actor)
WHERE (m.startDate IS NULL OR m.startDate <= $as_of)
  AND (m.endDate IS NULL OR m.endDate >= $as_of)
WITH s, m
ORDER BY m.id
WITH s, min(m.startDate) AS member_since, collect(m.id) AS records
RETURN s.id AS member, s.name AS name, member_since, records
ORDER BY member
