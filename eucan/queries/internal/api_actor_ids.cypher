// @title Actor ids in list order (API list)
// @description The ids of the actors ordered by name (case ignored), then id, optionally of one type. The API keeps this order for the loaded graph (eucan/api/kept.py) and reads each page's items with api_actors_by_ids.
// @param type? string State  Only actors of this type (State, InternationalOrganisation, EUInstitution, EUBody, GovernmentDepartment, Organisation, Person).
// @returns ids
MATCH (a:Actor)
WHERE $type IS NULL OR $type IN labels(a)
WITH a ORDER BY toLower(a.name), a.id
RETURN collect(a.id) AS ids
