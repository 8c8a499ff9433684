// @title Uncertain records
// @description Records whose curators noted what the sources leave unsure.
// @returns record, uncertainty
MATCH (r:Resource)
WHERE r.uncertainty IS NOT NULL
RETURN r.id AS record, r.uncertainty AS uncertainty
ORDER BY record
