// @title Provenance summary
// @description Sourced records (facts), how many rest on at least one primary source, and the number of distinct source documents.
// @returns facts, primary_facts, sources, primary_sources
MATCH (f:Resource)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(d:SourceDocument)
WITH f, max(CASE WHEN d.primarySource THEN 1 ELSE 0 END) AS primary
WITH count(f) AS facts, sum(primary) AS primary_facts
MATCH (d:SourceDocument)
RETURN facts, primary_facts, count(d) AS sources, sum(CASE WHEN d.primarySource THEN 1 ELSE 0 END) AS primary_sources
