// @title One actor's id, name and labels (explorer network)
// @description The centre of an actor's network: its id, name and labels (no row for an unknown id).
// @param actor string canada  The actor's id.
// @returns id, name, labels
MATCH (a:Actor {id: $actor})
RETURN a.id AS id, a.name AS name, labels(a) AS labels
