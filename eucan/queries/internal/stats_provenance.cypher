// @title Provenance summary
// @description Sourced records (facts), how many rest on at least one primary source, and the number of distinct source documents. Counted with `count(DISTINCT ...)` rather than grouped by record: a group per record needed more than the engine's per-query memory at a million facts.
// @returns facts, primary_facts, sources, primary_sources
MATCH (f:Resource)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(d:SourceDocument)
WITH count(DISTINCT f) AS facts, count(DISTINCT CASE WHEN d.primarySource THEN f END) AS primary_facts
MATCH (d:SourceDocument)
RETURN facts, primary_facts, count(d) AS sources, sum(CASE WHEN d.primarySource THEN 1 ELSE 0 END) AS primary_sources
