// @title Members of one organisation but not of another, on a date
// @description The members of one organisation on a given day that were not members of a second one that day (for instance EU member states outside NATO, or NATO allies outside the EU), with the day they joined the first.
// @param member_of string eu  The organisation they belong to.
// @param not_member_of string nato  The organisation they do not belong to.
// @param as_of date 2025-01-01  The day (YYYY-MM-DD).
// @returns member, name, member_since, member_since_precision
// @example EU but not NATO on 2025-01-01: austria, cyprus, ireland, malta; on 2020-01-01 finland and sweden too
MATCH (m:Membership)-[:ORGANISATION]->(:Actor {id: $member_of})
MATCH (m)-[:MEMBER]->(s:Actor)
WHERE (m.startDateFirst IS NULL OR m.startDateFirst <= $as_of)
  AND (m.endDateLast IS NULL OR m.endDateLast >= $as_of)
OPTIONAL MATCH (n:Membership)-[:MEMBER]->(s), (n)-[:ORGANISATION]->(:Actor {id: $not_member_of})
WITH s, m, n,
     CASE WHEN n IS NOT NULL
               AND (n.startDateFirst IS NULL OR n.startDateFirst <= $as_of)
               AND (n.endDateLast IS NULL OR n.endDateLast >= $as_of) THEN 1 ELSE 0 END AS other
WITH s, collect([m.startDate, m.startDatePrecision]) AS starts, sum(other) AS other_memberships
WHERE other_memberships = 0
WITH s, reduce(first = null, x IN starts | CASE WHEN x[0] IS NOT NULL AND (first IS NULL OR x[0] < first[0]) THEN x ELSE first END) AS earliest
RETURN s.id AS member, s.name AS name, earliest[0] AS member_since, earliest[1] AS member_since_precision
ORDER BY member
