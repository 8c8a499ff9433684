// @title Holders of a post over time
// @description Everyone recorded as holding a post, in order, with the period of each tenure.
// @param post string hrvp  The post's id (hrvp, commission-president, european-council-president, nato-secretary-general, canada-prime-minister, canada-minister-foreign-affairs, canada-minister-national-defence).
// @returns person, name, since, since_precision, until, until_precision, record
// @example hrvp: federica-mogherini (2014-11-01 to 2019-11-30), josep-borrell (2019-12-01 to 2024-11-30), kaja-kallas (from 2024-12-01)
MATCH (t:Tenure)-[:POST]->(:Post {id: $post})
MATCH (t)-[:HOLDER]->(h:Person)
RETURN h.id AS person, h.name AS name, t.startDate AS since, t.startDatePrecision AS since_precision, t.endDate AS until, t.endDatePrecision AS until_precision, t.id AS record
ORDER BY since, person
