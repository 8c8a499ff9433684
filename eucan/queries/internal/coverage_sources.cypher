// @title Source documents by use
// @description Source documents, whether each is primary, and how many records cite it.
// @returns primary, sources, citing_records
MATCH (d:SourceDocument)
OPTIONAL MATCH (r:Resource)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(d)
WITH d, count(DISTINCT r) AS uses
RETURN coalesce(d.primarySource, false) AS primary, count(d) AS sources, sum(uses) AS citing_records
ORDER BY primary DESC
