// @title Ids and names of a kind (API)
// @description Every id of the nodes with a label, with the names a reader may type instead (name, French name, acronyms, alternative names), to suggest the right record when a request names an unknown id: one row, a list of [id, names] pairs in id order (one row, so no row cap cuts it).
// @param label string Actor  A label of the ontology (Actor, Instrument, CooperationDomain...).
// @returns ids
MATCH (n:Resource)
WHERE $label IN labels(n) AND n.id IS NOT NULL
WITH n ORDER BY n.id
RETURN collect([n.id, [x IN [n.name, n.name_fr] + coalesce(n.acronym, []) + coalesce(n.altNames, []) WHERE x IS NOT NULL]]) AS ids
