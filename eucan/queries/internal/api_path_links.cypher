// @title Links of nodes, for path finding (API)
// @description Every link of the given nodes that a connection between actors may pass through: an actor's participation in an instrument (PARTICIPATES_IN), membership (MEMBER_OF) and parent organisation (SUB_ORGANISATION_OF); a person's tenure of a post (HOLDS) and the post's organisation (POST_IN); an actor's part in an event (EVENT_PARTICIPANT) and the instrument the event is about (ABOUT_INSTRUMENT). One row per link, with its direction as stored (`forward`: the given node is the subject). The API's /path walks these level by level from both ends.
// @param ids string[] canada,josep-borrell  Node ids.
// @returns from, rel, forward, to
UNWIND $ids AS nid
MATCH (a:Resource {id: nid})-[r:PARTICIPATES_IN|MEMBER_OF|SUB_ORGANISATION_OF|POST_IN|EVENT_PARTICIPANT|ABOUT_INSTRUMENT]-(b:Resource)
WHERE b.id IS NOT NULL
RETURN a.id AS from, type(r) AS rel, startNode(r).id = a.id AS forward, b.id AS to
UNION ALL
UNWIND $ids AS nid
MATCH (a:Resource {id: nid})<-[:HOLDER]-(:Tenure)-[:POST]->(b:Post)
RETURN DISTINCT a.id AS from, 'HOLDS' AS rel, true AS forward, b.id AS to
UNION ALL
UNWIND $ids AS nid
MATCH (a:Post {id: nid})<-[:POST]-(:Tenure)-[:HOLDER]->(b:Resource)
RETURN DISTINCT a.id AS from, 'HOLDS' AS rel, false AS forward, b.id AS to
