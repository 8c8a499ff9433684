// @title Export: one resource
// @description One node by uri, with its labels and properties (for dereferencing an IRI).
// @param uri string https://w3id.org/eucan-security/id/actor/canada  The resource's IRI.
// @returns uri, labels, props
// @internal
MATCH (n:Resource {uri: $uri})
RETURN n.uri AS uri, labels(n) AS labels, properties(n) AS props
