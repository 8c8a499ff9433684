// @title Facts resting on a single source
// @description Records whose evidence all comes from one source document, the first candidates for corroboration, with that source and whether it is primary. Secondary-only facts come first.
// @param kind? string Participation  Only records with this label (Participation, Membership, Tenure, Event, Instrument, Actor...).
// @returns record, kind, name, source, primary_source, url
// @example nato-membership-spain-1982-05-29 rests only on spectroom-spain-nato (secondary); cd-2021-2309 (Council Decision (CFSP) 2021/2309) only on eurlex-32021d2309 (primary)
MATCH (f:Resource)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(d:SourceDocument)
WHERE $kind IS NULL OR $kind IN labels(f)
WITH f, collect(DISTINCT d) AS docs
WHERE size(docs) = 1
WITH f, docs[0] AS d,
     [l IN labels(f) WHERE NOT l IN ['Resource', 'Fact', 'Actor', 'Instrument', 'Event', 'Concept', 'Organisation']] AS specific
RETURN f.id AS record,
       coalesce(head(specific), head([l IN labels(f) WHERE NOT l IN ['Resource', 'Fact']])) AS kind,
       f.name AS name,
       d.id AS source,
       d.primarySource AS primary_source,
       d.sourceUrl AS url
ORDER BY primary_source, kind, record
