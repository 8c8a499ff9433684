// @title Instruments covering one domain (API list)
// @description The instruments covering one cooperation domain, ordered by name, optionally of one type, with their sources. Starts from the domain (index lookup); api_instruments lists them all.
// @param type? string PescoProject  Only instruments of this type.
// @param domain string maritime-security  Only instruments covering this cooperation domain id.
// @param offset int 0  Rows to skip.
// @param limit int 50  Rows to return.
// @param end int 50  offset + limit: how many sorted rows the engine keeps.
// @returns total, item
// Paging: the engine sorts with a LIMIT of `end` (= offset + limit; it keeps only that many rows) and the
// page is cut from those; the total is counted apart, so no request collects and sorts the whole list.
OPTIONAL MATCH (d:CooperationDomain {id: $domain})
OPTIONAL MATCH (d)<-[:COVERS_DOMAIN]-(c:Instrument)
WHERE $type IS NULL OR $type IN labels(c)
WITH count(DISTINCT c) AS total
OPTIONAL MATCH (d:CooperationDomain {id: $domain})
OPTIONAL MATCH (d)<-[:COVERS_DOMAIN]-(i:Instrument)
WHERE $type IS NULL OR $type IN labels(i)
WITH DISTINCT total, i ORDER BY toLower(i.name), i.id LIMIT $end
WITH total, collect(i) AS top
UNWIND (CASE WHEN size(top) <= $offset THEN [null] ELSE top[$offset..] END) AS i
RETURN total, CASE WHEN i IS NULL THEN null ELSE {
  record: i.id, id: i.id, name: i.name, name_fr: i.name_fr, altNames: i.altNames, acronym: i.acronym, labels: labels(i),
  status: i.status, signedDate: i.signedDate, signedDatePrecision: i.signedDatePrecision, adoptedDate: i.adoptedDate, adoptedDatePrecision: i.adoptedDatePrecision, publicationDate: i.publicationDate, publicationDatePrecision: i.publicationDatePrecision, entryIntoForceDate: i.entryIntoForceDate, entryIntoForceDatePrecision: i.entryIntoForceDatePrecision, startDate: i.startDate, startDatePrecision: i.startDatePrecision, endDate: i.endDate, endDatePrecision: i.endDatePrecision, endDateLast: i.endDateLast
} END AS item
