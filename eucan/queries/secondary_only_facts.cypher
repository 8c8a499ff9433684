// @title Facts with no primary source
// @description Records supported only by secondary sources (news, reference sites), with those sources: where to look for an official text.
// @returns record, kind, name, sources
// @example tenure-rutte-nato-secretary-general rests only on secondary sources (chichue-2024-rutte, miragenews-2024-rutte)
MATCH (f:Resource)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(d:SourceDocument)
WITH f, d
ORDER BY d.id
WITH f, collect(DISTINCT d.id) AS sources, max(CASE WHEN d.primarySource THEN 1 ELSE 0 END) AS has_primary
WHERE has_primary = 0
WITH f, sources, [l IN labels(f) WHERE NOT l IN ['Resource', 'Fact', 'Actor', 'Instrument', 'Event', 'Concept', 'Organisation']] AS specific
RETURN f.id AS record,
       coalesce(head(specific), head([l IN labels(f) WHERE NOT l IN ['Resource', 'Fact']])) AS kind,
       f.name AS name,
       sources
ORDER BY kind, record
