// @title Node counts by label
// @description How many nodes carry each label (every node has Resource plus its class labels).
// @returns label, count
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY count DESC, label
