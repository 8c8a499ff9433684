// @title Search names (API)
// @description Actors, instruments, cooperation domains, posts and events whose name, French name, acronym or alternative names contain the text, ignoring case and accents. The caller passes the text already lowercased and with accents removed (eucan.api.services.normalise); the names are folded the same way here.
// @param q string defense  The text, lowercased, accents removed.
// @param offset int 0  Rows to skip.
// @param limit int 50  Rows to return.
// @returns total, item
MATCH (n:Resource)
WHERE (n:Actor OR n:Instrument OR n:CooperationDomain OR n:Post OR n:Event) AND n.name IS NOT NULL
WITH n, [x IN [n.name, n.name_fr] + coalesce(n.acronym, []) + coalesce(n.altNames, []) WHERE x IS NOT NULL] AS names
WITH n, [x IN names WHERE reduce(folded = toLower(x), pr IN [['à', 'a'], ['á', 'a'], ['â', 'a'], ['ã', 'a'], ['ä', 'a'], ['å', 'a'], ['ā', 'a'], ['ą', 'a'], ['ă', 'a'], ['ç', 'c'], ['č', 'c'], ['ć', 'c'], ['ď', 'd'], ['đ', 'd'], ['è', 'e'], ['é', 'e'], ['ê', 'e'], ['ë', 'e'], ['ē', 'e'], ['ę', 'e'], ['ě', 'e'], ['ė', 'e'], ['ì', 'i'], ['í', 'i'], ['î', 'i'], ['ï', 'i'], ['ī', 'i'], ['į', 'i'], ['ł', 'l'], ['ľ', 'l'], ['ĺ', 'l'], ['ñ', 'n'], ['ń', 'n'], ['ň', 'n'], ['ņ', 'n'], ['ò', 'o'], ['ó', 'o'], ['ô', 'o'], ['õ', 'o'], ['ö', 'o'], ['ø', 'o'], ['ō', 'o'], ['ő', 'o'], ['ř', 'r'], ['ŕ', 'r'], ['š', 's'], ['ś', 's'], ['ş', 's'], ['ș', 's'], ['ß', 'ss'], ['ť', 't'], ['ţ', 't'], ['ț', 't'], ['ù', 'u'], ['ú', 'u'], ['û', 'u'], ['ü', 'u'], ['ū', 'u'], ['ů', 'u'], ['ű', 'u'], ['ų', 'u'], ['ý', 'y'], ['ÿ', 'y'], ['ž', 'z'], ['ź', 'z'], ['ż', 'z'], ['æ', 'ae'], ['œ', 'oe'], ['–', '-'], ['—', '-'], ['’', '\''], ['‘', '\''], ['«', '"'], ['»', '"'], ['“', '"'], ['”', '"']] | replace(folded, pr[0], pr[1])) CONTAINS $q] AS matched
WHERE size(matched) > 0
WITH n, matched ORDER BY CASE WHEN toLower(n.name) STARTS WITH $q THEN 0 ELSE 1 END, size(n.name), n.id
WITH collect([n, matched]) AS rows
WITH size(rows) AS total, rows[$offset..($offset + $limit)] AS page
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS row
WITH total, row[0] AS n, row[1] AS matched
RETURN total, CASE WHEN n IS NULL THEN null ELSE {
  record: n.id, id: n.id, name: n.name, name_fr: n.name_fr, acronym: n.acronym, altNames: n.altNames, labels: labels(n), matched: matched
} END AS item
