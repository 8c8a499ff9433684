// @title Actors (API list)
// @description Actors ordered by name, optionally of one type, with their sources.
// @param type? string State  Only actors of this type (State, InternationalOrganisation, EUInstitution, EUBody, GovernmentDepartment, Organisation, Person).
// @param offset int 0  Rows to skip.
// @param limit int 50  Rows to return.
// @returns total, item
MATCH (a:Actor)
WHERE $type IS NULL OR $type IN labels(a)
WITH a ORDER BY toLower(a.name), a.id
WITH collect(a) AS rows
WITH size(rows) AS total, rows[$offset..($offset + $limit)] AS page
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS a
RETURN total, CASE WHEN a IS NULL THEN null ELSE {
  record: a.id, id: a.id, name: a.name, name_fr: a.name_fr, altNames: a.altNames, acronym: a.acronym, labels: labels(a)
} END AS item
