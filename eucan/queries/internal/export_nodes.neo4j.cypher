// Neo4j variant of export_nodes.cypher: the nodes at positions [lo, hi) in `uri` order (see
// export_id_range.neo4j.cypher), without the id() Neo4j 5 deprecates.
MATCH (n:Resource)
WITH n ORDER BY n.uri
SKIP $lo LIMIT $hi - $lo
RETURN n.uri AS uri, n AS node
