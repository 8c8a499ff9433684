// @title Membership overlap of two organisations on a date
// @description Every state that was a member of one or both organisations on a given day (EU and NATO by default in the example), saying which: both, or only one of them.
// @param org_a string eu  The first organisation's id.
// @param org_b string nato  The second organisation's id.
// @param as_of date 2025-01-01  The day (YYYY-MM-DD).
// @returns member, name, in_a, in_b, overlap
// @example on 2025-01-01 germany, finland and sweden are in both; austria, cyprus, ireland and malta are EU only; canada, norway, united-kingdom and united-states are NATO only
MATCH (m:Membership)-[:ORGANISATION]->(o:Actor)
WHERE o.id IN [$org_a, $org_b]
  AND (m.startDateFirst IS NULL OR m.startDateFirst <= $as_of)
  AND (m.endDateLast IS NULL OR m.endDateLast >= $as_of)
MATCH (m)-[:MEMBER]->(s:Actor)
WITH s, collect(DISTINCT o.id) AS orgs
RETURN s.id AS member,
       s.name AS name,
       $org_a IN orgs AS in_a,
       $org_b IN orgs AS in_b,
       CASE WHEN $org_a IN orgs AND $org_b IN orgs THEN 'both'
            WHEN $org_a IN orgs THEN $org_a + ' only'
            ELSE $org_b + ' only' END AS overlap
ORDER BY overlap, member
