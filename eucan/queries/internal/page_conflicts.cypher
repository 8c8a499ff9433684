// @title Conflicts of some records (explorer pages)
// @description The recorded conflicts (CONFLICTS_WITH, either direction) that involve one of the given records: each pair once, with both periods in their precision, the source documents of each side and the curators' note. The same pairs as the catalog's `conflicting_facts`, for one page's records.
// @param ids string[] nato-membership-canada,part-canada-artemis-archived  Record ids shown on the page.
// @returns record, other, record_period, other_period, record_sources, other_sources, uncertainty
UNWIND $ids AS rid
MATCH (x:Resource {id: rid})-[:CONFLICTS_WITH]-(y:Resource)
WITH DISTINCT CASE WHEN x.id < y.id THEN x ELSE y END AS a, CASE WHEN x.id < y.id THEN y ELSE x END AS b
OPTIONAL MATCH (a)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(da:SourceDocument)
WITH a, b, da
ORDER BY da.id
WITH a, b, collect(DISTINCT da.id) AS record_sources
OPTIONAL MATCH (b)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(db:SourceDocument)
WITH a, b, record_sources, db
ORDER BY db.id
WITH a, b, record_sources, collect(DISTINCT db.id) AS other_sources
RETURN a.id AS record,
       b.id AS other,
       coalesce(left(a.startDate, CASE a.startDatePrecision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END), left(a.date, CASE a.datePrecision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END), '?') + ' .. ' + coalesce(left(a.endDate, CASE a.endDatePrecision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END), '') AS record_period,
       coalesce(left(b.startDate, CASE b.startDatePrecision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END), left(b.date, CASE b.datePrecision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END), '?') + ' .. ' + coalesce(left(b.endDate, CASE b.endDatePrecision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END), '') AS other_period,
       record_sources,
       other_sources,
       coalesce(a.uncertainty, b.uncertainty, a.note, b.note) AS uncertainty
ORDER BY record, other
