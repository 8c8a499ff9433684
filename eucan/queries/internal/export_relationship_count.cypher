// @title Export: relationship count
// @description How many relationships the graph has (the other half of the fingerprint; kept apart from the node count so each stays a constant-time count).
// @returns relationships
MATCH ()-[r]->()
RETURN count(r) AS relationships
