// @title Conflicting facts
// @description Pairs of records whose sources disagree (for instance two different start dates for the same membership), each with its period, the sources it rests on, and the curators' note on what is uncertain.
// @returns record, other, kind, record_period, other_period, record_sources, other_sources, uncertainty
// @example nato-membership-canada (from 1949-04-04) conflicts with nato-membership-canada-1949-04-30; part-canada-artemis-archived conflicts with part-canada-artemis-dhh
MATCH (a:Resource)-[:CONFLICTS_WITH]-(b:Resource)
WHERE a.id < b.id
WITH DISTINCT a, b
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
       head([l IN labels(a) WHERE NOT l IN ['Resource', 'Fact', 'Event', 'Actor', 'Instrument']]) AS kind,
       coalesce(left(a.startDate, CASE a.startDatePrecision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END), left(a.date, CASE a.datePrecision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END), '?') + ' .. ' + coalesce(left(a.endDate, CASE a.endDatePrecision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END), '') AS record_period,
       coalesce(left(b.startDate, CASE b.startDatePrecision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END), left(b.date, CASE b.datePrecision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END), '?') + ' .. ' + coalesce(left(b.endDate, CASE b.endDatePrecision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END), '') AS other_period,
       record_sources,
       other_sources,
       coalesce(a.uncertainty, b.uncertainty, a.note, b.note) AS uncertainty
ORDER BY kind, record, other
