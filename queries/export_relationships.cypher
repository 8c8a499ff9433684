// @title Export: relationships of a page of nodes
// @description Outgoing relationships of the nodes whose uri lies between first and last (inclusive), for the RDF export.
// @param first string https://w3id.org/eucan-security/id/actor/canada  First uri of the page.
// @param last string https://w3id.org/eucan-security/id/actor/canada  Last uri of the page.
// @returns source, type, target
// @internal
MATCH (a:Resource)-[r]->(b:Resource)
WHERE a.uri >= $first AND a.uri <= $last
RETURN a.uri AS source, type(r) AS type, b.uri AS target
