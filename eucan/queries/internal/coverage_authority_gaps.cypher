// @title Records that lack their authority link (coverage report)
// @description Every legal act without a CELEX link, every state without a country link, every EU institution or body without a corporate-body link, with the legal act's CELEX number when it has one (then the gap is a missing EUR-Lex or Publications Office source).
// @returns record, kind, wanted, celex
MATCH (r:Resource)
WHERE r:LegalAct OR r:State OR r:EUInstitution OR r:EUBody
OPTIONAL MATCH (l:AuthorityLink)-[:LINK_SUBJECT]->(r)
WITH r, collect(l.authorityScheme) AS schemes,
     CASE WHEN r:LegalAct THEN 'LegalAct' WHEN r:State THEN 'State' WHEN r:EUInstitution THEN 'EUInstitution' ELSE 'EUBody' END AS kind
WITH r, schemes, kind, CASE kind WHEN 'LegalAct' THEN 'celex' WHEN 'State' THEN 'country' ELSE 'corporate-body' END AS wanted
WHERE NOT wanted IN schemes
RETURN r.id AS record, kind, wanted, r.celex AS celex
ORDER BY kind, record
