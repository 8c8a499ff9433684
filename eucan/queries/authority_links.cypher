// @title Identifiers in external authorities (skos:exactMatch)
// @description The authority links of the records: EU Publications Office country and corporate-body IRIs of states, institutions and bodies, CELEX and ELI IRIs of EU legal acts (derived from their CELEX number), Wikidata items; each with the sources that show it and whether one of them is primary. The same links are skos:exactMatch in RDF and SPARQL, and `exact_match` in the API.
// @param id? string canada  Only the links of this record (an actor or instrument id).
// @param scheme? string country  Only links of this scheme: celex, eli, corporate-body, country or wikidata.
// @returns record, name, kind, scheme, iri, link, sources, primary_source
// @example canada is http://publications.europa.eu/resource/authority/country/CAN in the EU country authority table
MATCH (l:AuthorityLink)-[:LINK_SUBJECT]->(r:Resource)
WHERE ($id IS NULL OR r.id = $id) AND ($scheme IS NULL OR l.authorityScheme = $scheme)
MATCH (l)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(d:SourceDocument)
WITH l, r, d
ORDER BY d.id
WITH l, r, collect(DISTINCT d.id) AS sources, max(CASE WHEN d.primarySource THEN 1 ELSE 0 END) AS has_primary
WITH l, r, sources, has_primary, [x IN labels(r) WHERE NOT x IN ['Resource', 'Fact', 'Actor', 'Instrument', 'Organisation']] AS specific
RETURN r.id AS record,
       r.name AS name,
       coalesce(head(specific), head([x IN labels(r) WHERE x <> 'Resource'])) AS kind,
       l.authorityScheme AS scheme,
       l.linkTarget AS iri,
       l.id AS link,
       sources,
       has_primary = 1 AS primary_source
ORDER BY scheme, record
