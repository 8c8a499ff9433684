// @title Relationship counts by type
// @description How many relationships of each type the graph holds.
// @returns type, count
// @internal
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
ORDER BY count DESC, type
