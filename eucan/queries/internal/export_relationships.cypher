// @title Export: relationships of a page of nodes
// @description Outgoing relationships of the nodes whose internal id lies in [lo, hi), one row per source node, each link as "TYPE target-uri" (for the RDF export).
// @param lo int 0  First internal id of the page.
// @param hi int 1000  End of the page (exclusive).
// @returns source, links
MATCH (a:Resource)-[r]->(b:Resource)
WHERE id(a) >= $lo AND id(a) < $hi
RETURN a.uri AS source, collect(type(r) + ' ' + b.uri) AS links
