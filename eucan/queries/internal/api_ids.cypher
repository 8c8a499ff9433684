// @title Ids of a kind (API)
// @description Every id of the nodes with a label, to suggest a close one when a request names an unknown id.
// @param label string Actor  A label of the ontology (Actor, Instrument, CooperationDomain...).
// @returns id
MATCH (n:Resource)
WHERE $label IN labels(n) AND n.id IS NOT NULL
RETURN n.id AS id
ORDER BY id
