// @title Relationship counts by type
// @description How many relationships of each type the graph holds.
// @returns type, count
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
ORDER BY count DESC, type
