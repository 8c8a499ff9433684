// @title Recorded conflicts
// @description Pairs of records whose sources disagree (CONFLICTS_WITH in either direction), each with the URLs of its sources.
// @returns record, other, record_sources, other_sources
MATCH (a:Resource)-[:CONFLICTS_WITH]-(b:Resource)
WHERE a.id < b.id
WITH DISTINCT a, b
MATCH (a)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(da:SourceDocument)
WITH a, b, collect(DISTINCT da.sourceUrl) AS record_sources
MATCH (b)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(db:SourceDocument)
RETURN a.id AS record, b.id AS other, record_sources, collect(DISTINCT db.sourceUrl) AS other_sources
ORDER BY record, other
