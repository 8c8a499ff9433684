// Neo4j variant of export_relationships.cypher: the outgoing links of the nodes at positions [lo, hi)
// in `uri` order (see export_id_range.neo4j.cypher), without the id() Neo4j 5 deprecates.
MATCH (a:Resource)
WITH a ORDER BY a.uri
SKIP $lo LIMIT $hi - $lo
MATCH (a)-[r]->(b:Resource)
RETURN a.uri AS source, collect(type(r) + ' ' + b.uri) AS links
