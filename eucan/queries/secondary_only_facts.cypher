// @title Facts with no primary source
// @description Records supported only by secondary sources (news, reference sites), with those sources: where to look for an official text.
// @returns record, kind, name, sources
// @example tenure-mcguinty-public-safety rests only on secondary sources (castanet-2025-03-14-carney-cabinet, cnw-2025-02-04-border-security, onlanka-2025-05-14-anandasangaree, politikinews-2024-12-20-ministry)
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
