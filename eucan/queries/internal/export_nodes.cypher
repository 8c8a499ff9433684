// @title Export: one page of nodes
// @description Nodes (labels and properties) whose internal id lies in [lo, hi): the RDF export's pages. Id ranges are read by a seek, so every page costs the same however far into the graph it is (ordering by uri with SKIP or a uri keyset re-scans the rest of the graph on each page: measured 112 s against 22 s for 1.6 million triples on FalkorDB). The export checks that the graph did not change while it read.
// @param lo int 0  First internal id of the page.
// @param hi int 1000  End of the page (exclusive).
// @returns uri, node
MATCH (n:Resource)
WHERE id(n) >= $lo AND id(n) < $hi
RETURN n.uri AS uri, n AS node
