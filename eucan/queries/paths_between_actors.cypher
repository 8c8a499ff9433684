// @title Shortest connections between two actors
// @description How two actors are connected through shared instruments, memberships and parent organisations: all the shortest routes of up to four steps over PARTICIPATES_IN, MEMBER_OF and SUB_ORGANISATION_OF, read in either direction.
// @param actor string canada  The first actor's id.
// @param other string norway  The second actor's id.
// @returns hops, route, via
// @example canada and norway are two steps apart, through nato and through pesco-military-mobility
MATCH p = (a:Actor {id: $actor})-[:PARTICIPATES_IN|MEMBER_OF|SUB_ORGANISATION_OF*1..4]-(b:Actor {id: $other})
WITH collect(p) AS paths, min(length(p)) AS shortest
UNWIND paths AS p
WITH p, shortest
WHERE length(p) = shortest
WITH length(p) AS hops,
     reduce(s = '', n IN nodes(p) | s + CASE WHEN s = '' THEN '' ELSE ' -> ' END + n.id) AS route,
     [n IN nodes(p) WHERE NOT n:Actor OR (n.id <> $actor AND n.id <> $other) | n.id] AS via
RETURN DISTINCT hops, route, via
ORDER BY hops, route
