// @title Export: one page of nodes
// @description Nodes (labels and properties) ordered by uri, after a given uri: keyset paging for the RDF export.
// @param after string https://w3id.org/eucan-security/id/actor/  Start after this uri ("" for the first page).
// @param limit int 1000  Page size.
// @returns uri, node
// @internal
MATCH (n:Resource)
WHERE n.uri > $after
WITH n
ORDER BY n.uri
LIMIT $limit
RETURN n.uri AS uri, n AS node
