// @title Export: node count
// @description How many nodes the graph has (half of the fingerprint that tells the SPARQL store and the exporter that the graph changed).
// @returns nodes
MATCH (n:Resource)
RETURN count(n) AS nodes
