// @title Export: graph fingerprint
// @description Node and relationship counts, to notice that the graph changed (SPARQL store rebuild, export consistency).
// @returns nodes, relationships
// @internal
MATCH (n:Resource)
WITH count(n) AS nodes
OPTIONAL MATCH ()-[r]->()
RETURN nodes, count(r) AS relationships
