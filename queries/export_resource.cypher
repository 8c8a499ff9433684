// @title Export: one resource
// @description One node by uri, with its labels and properties (for dereferencing an IRI).
// @param uri string https://w3id.org/eucan-security/id/actor/canada  The resource's IRI.
// @returns uri, node
// @internal
MATCH (n:Resource {uri: $uri})
RETURN n.uri AS uri, n AS node
