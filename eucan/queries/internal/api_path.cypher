// @title How two actors are connected (API)
// @description The shortest chain (at most max_hops steps, at most 6) of shared instruments, memberships and parent organisations between two actors; one row per step, with the records that make the step (participations, memberships, or the actor record naming its parent) and their sources.
// @param source string canada  The first actor's id.
// @param target string estonia  The second actor's id.
// @param max_hops int 4  Most steps allowed (1 to 6).
// @returns step, hops, left, rel, right, via
MATCH (a:Actor {id: $source}), (b:Actor {id: $target})
MATCH p = (a)-[:PARTICIPATES_IN|MEMBER_OF|SUB_ORGANISATION_OF*1..6]-(b)
WHERE length(p) <= $max_hops
WITH p ORDER BY length(p) LIMIT 1
UNWIND range(0, length(p) - 1) AS k
WITH k, length(p) AS hops, nodes(p)[k] AS x, nodes(p)[k + 1] AS y, relationships(p)[k] AS r
WITH k, hops, x, y, type(r) AS rel, startNode(r) AS u, endNode(r) AS w
RETURN k AS step, hops,
  {id: x.id, name: x.name, labels: labels(x)} AS left,
  rel,
  {id: y.id, name: y.name, labels: labels(y)} AS right,
  CASE rel
    WHEN 'SUB_ORGANISATION_OF' THEN [{record: u.id, role: 'part-of', startDate: u.startDate, startDatePrecision: u.startDatePrecision, endDate: u.endDate, endDatePrecision: u.endDatePrecision, endDateLast: u.endDateLast}]
    ELSE [(u)<-[:PARTICIPANT|MEMBER]-(rec)-[:INSTRUMENT|ORGANISATION]->(w) | {
      record: rec.id, startDate: rec.startDate, startDatePrecision: rec.startDatePrecision, endDate: rec.endDate, endDatePrecision: rec.endDatePrecision, endDateLast: rec.endDateLast}]
  END AS via
ORDER BY step
