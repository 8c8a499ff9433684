// @title Export: relationships of a page of nodes
// @description Outgoing relationships of the given nodes, one row per source node, each link as "TYPE target-uri" (for the RDF export). Exact uri lookups, not a uri range: FalkorDB 4.16's index range scan ignores a parameterised upper bound (`n.uri <= $last` returns every node).
// @param uris string https://w3id.org/eucan-security/id/actor/canada  The page's uris (a list; one uri also works).
// @returns source, links
// @internal
UNWIND $uris AS uri
MATCH (a:Resource {uri: uri})-[r]->(b:Resource)
RETURN a.uri AS source, collect(type(r) + ' ' + b.uri) AS links
