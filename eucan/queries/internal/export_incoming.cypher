// @title Export: links to one resource
// @description Relationships that point at a resource (for dereferencing an IRI), at most limit of them.
// @param uri string https://w3id.org/eucan-security/id/actor/canada  The resource's IRI.
// @param limit int 1000  At most this many links.
// @returns source, type, target
MATCH (a:Resource)-[r]->(n:Resource {uri: $uri})
RETURN a.uri AS source, type(r) AS type, n.uri AS target
ORDER BY source, type
LIMIT $limit
