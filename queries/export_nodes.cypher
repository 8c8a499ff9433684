// @title Export: one page of nodes
// @description Nodes with their labels and properties, ordered by uri, after a given uri (keyset paging for the RDF export).
// @param after string https://w3id.org/eucan-security/id/actor/  Start after this uri ("" for the first page).
// @param limit int 1000  Page size.
// @returns uri, labels, props
// @internal
MATCH (n:Resource)
WHERE n.uri > $after
RETURN n.uri AS uri, labels(n) AS labels, properties(n) AS props
ORDER BY uri
LIMIT $limit
