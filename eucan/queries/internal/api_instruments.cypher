// @title Instruments (API list)
// @description Instruments ordered by name, optionally of one type or covering one domain, with their sources.
// @param type? string PescoProject  Only instruments of this type.
// @param domain? string maritime-security  Only instruments covering this cooperation domain id.
// @param offset int 0  Rows to skip.
// @param limit int 50  Rows to return.
// @returns total, item
MATCH (i:Instrument)
WHERE $type IS NULL OR $type IN labels(i)
WITH i, CASE WHEN $domain IS NULL THEN true ELSE $domain IN [(i)-[:COVERS_DOMAIN]->(d:CooperationDomain) | d.id] END AS keep
WHERE keep
WITH i ORDER BY toLower(i.name), i.id
WITH collect(i) AS rows
WITH size(rows) AS total, rows[$offset..($offset + $limit)] AS page
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS i
RETURN total, CASE WHEN i IS NULL THEN null ELSE {
  record: i.id, id: i.id, name: i.name, name_fr: i.name_fr, altNames: i.altNames, acronym: i.acronym, labels: labels(i),
  status: i.status, signedDate: i.signedDate, signedDatePrecision: i.signedDatePrecision, adoptedDate: i.adoptedDate, adoptedDatePrecision: i.adoptedDatePrecision, publicationDate: i.publicationDate, publicationDatePrecision: i.publicationDatePrecision, entryIntoForceDate: i.entryIntoForceDate, entryIntoForceDatePrecision: i.entryIntoForceDatePrecision, startDate: i.startDate, startDatePrecision: i.startDatePrecision, endDate: i.endDate, endDatePrecision: i.endDatePrecision, endDateLast: i.endDateLast
} END AS item
