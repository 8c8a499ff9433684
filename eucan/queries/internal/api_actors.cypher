// @title Actors (API list)
// @description Actors ordered by name, optionally of one type, with their sources.
// @param type? string State  Only actors of this type (State, InternationalOrganisation, EUInstitution, EUBody, GovernmentDepartment, Organisation, Person).
// @param offset int 0  Rows to skip.
// @param limit int 50  Rows to return.
// @param end int 50  offset + limit: how many sorted rows the engine keeps.
// @returns total, item
// Paging: the engine sorts with a LIMIT of `end` (= offset + limit; it keeps only that many rows) and the
// page is cut from those; the total is counted apart, so no request collects and sorts the whole list.
OPTIONAL MATCH (c:Actor)
WHERE $type IS NULL OR $type IN labels(c)
WITH count(c) AS total
OPTIONAL MATCH (a:Actor)
WHERE $type IS NULL OR $type IN labels(a)
WITH total, a ORDER BY toLower(a.name), a.id LIMIT $end
WITH total, collect(a) AS top
UNWIND (CASE WHEN size(top) <= $offset THEN [null] ELSE top[$offset..] END) AS a
RETURN total, CASE WHEN a IS NULL THEN null ELSE {
  record: a.id, id: a.id, name: a.name, name_fr: a.name_fr, altNames: a.altNames, acronym: a.acronym, labels: labels(a)
} END AS item
