// @title Export: one resource
// @description One node by uri, with its labels, properties and outgoing links as "TYPE target-uri" (for dereferencing an IRI).
// @param uri string https://w3id.org/eucan-security/id/actor/canada  The resource's IRI.
// @returns uri, node, links
MATCH (n:Resource {uri: $uri})
OPTIONAL MATCH (n)-[r]->(m:Resource)
RETURN n.uri AS uri, n AS node, collect(type(r) + ' ' + m.uri) AS links
