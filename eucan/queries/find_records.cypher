// @title Find records by name
// @description Look up the ids of actors, instruments, cooperation domains and posts by a piece of their name, French name, other names, acronym or id (case-insensitive); use the id in the other queries.
// @param text string althea  Part of a name, acronym or id.
// @returns id, kind, name, acronym
// @example althea finds eufor-althea; pnr finds the three PNR agreements
MATCH (n:Resource)
WHERE (n:Actor OR n:Instrument OR n:CooperationDomain OR n:Post)
  AND (toLower(n.id) CONTAINS toLower($text)
       OR toLower(coalesce(n.name, '')) CONTAINS toLower($text)
       OR toLower(coalesce(n.name_fr, '')) CONTAINS toLower($text)
       OR any(acr IN coalesce(n.acronym, []) WHERE toLower(acr) CONTAINS toLower($text))
       OR any(alt IN coalesce(n.altNames, []) WHERE toLower(alt) CONTAINS toLower($text)))
WITH n, [l IN labels(n) WHERE NOT l IN ['Resource', 'Actor', 'Instrument', 'Concept', 'Organisation']] AS specific
RETURN n.id AS id,
       coalesce(head(specific), head([l IN labels(n) WHERE l <> 'Resource'])) AS kind,
       n.name AS name,
       n.acronym AS acronym
ORDER BY kind, id
LIMIT 100
