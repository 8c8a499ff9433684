// @title What an id names (API)
// @description The labels of the node(s) with this id; used to answer 404 for unknown ids and to check filter ids.
// @param id string canada  Any id.
// @returns labels
MATCH (n:Resource {id: $id})
RETURN labels(n) AS labels
