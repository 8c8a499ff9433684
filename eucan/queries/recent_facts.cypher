// @title Recently changed facts
// @description Records backed by a source published (or, with by=retrieved, read by the curators) on or after a date, newest first: what to review after an update, or what is new since a given day.
// @param since date 2025-09-01  The day from which to count (YYYY-MM-DD).
// @param by? string published  `published` (default: the source's publication date) or `retrieved` (the day the curators read it).
// @returns record, kind, name, changed, changed_precision, sources
// @example since 2025-09-01 by publication: safe-canada-signature-authorised-2026 (2026-02-11) and safe-canada-endorsement-2025 (2025-12-19) come first
MATCH (f:Resource)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(d:SourceDocument)
WITH f, d, CASE WHEN $by = 'retrieved' THEN d.retrievedDate ELSE d.publishedDate END AS changed,
     CASE WHEN $by = 'retrieved' THEN 'day' ELSE d.publishedDatePrecision END AS precision
WHERE changed IS NOT NULL AND changed >= $since
WITH f, d, changed, precision
ORDER BY d.id
WITH f, collect([changed, precision]) AS dates, collect(DISTINCT d.id) AS sources
WITH f, sources, reduce(best = null, x IN dates | CASE WHEN best IS NULL OR x[0] > best[0] THEN x ELSE best END) AS newest
WITH f, newest[0] AS changed, newest[1] AS changed_precision, sources, [l IN labels(f) WHERE NOT l IN ['Resource', 'Fact', 'Actor', 'Instrument', 'Event', 'Concept', 'Organisation']] AS specific
RETURN f.id AS record,
       coalesce(head(specific), head([l IN labels(f) WHERE NOT l IN ['Resource', 'Fact']])) AS kind,
       f.name AS name,
       changed,
       changed_precision,
       sources
ORDER BY changed DESC, record
