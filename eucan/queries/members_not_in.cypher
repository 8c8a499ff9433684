// @title Members of one organisation but not of another, on a date
// @description The members of one organisation on a given day that were not members of a second one that day (for instance EU member states outside NATO, or NATO allies outside the EU), with the day they joined the first.
// @param member_of string eu  The organisation they belong to.
// @param not_member_of string nato  The organisation they do not belong to.
// @param as_of date 2025-01-01  The day (YYYY-MM-DD).
// @returns member, name, member_since
// @example EU but not NATO on 2025-01-01: austria, cyprus, ireland, malta; on 2020-01-01 finland and sweden too
MATCH (m:Membership)-[:ORGANISATION]->(:Actor {id: $member_of})
MATCH (m)-[:MEMBER]->(s:Actor)
WHERE (m.startDate IS NULL OR m.startDate <= $as_of)
  AND (m.endDate IS NULL OR m.endDate >= $as_of)
OPTIONAL MATCH (n:Membership)-[:MEMBER]->(s), (n)-[:ORGANISATION]->(:Actor {id: $not_member_of})
WITH s, m, n,
     CASE WHEN n IS NOT NULL
               AND (n.startDate IS NULL OR n.startDate <= $as_of)
               AND (n.endDate IS NULL OR n.endDate >= $as_of) THEN 1 ELSE 0 END AS other
WITH s, min(m.startDate) AS member_since, sum(other) AS other_memberships
WHERE other_memberships = 0
RETURN s.id AS member, s.name AS name, member_since
ORDER BY member
