// Neo4j variant of export_id_range.cypher: Neo4j 5 deprecates id(), and elementId() is a string with
// no order to page by, so the "ids" here are positions in `uri` order (the unique index on uri keeps
// that order cheap), 0 to count - 1; export_nodes and export_relationships page by the same positions.
MATCH (n:Resource)
WITH count(n) AS total
RETURN CASE WHEN total = 0 THEN null ELSE 0 END AS low, total - 1 AS high
