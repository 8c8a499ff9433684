// @title Cooperation domains (API list)
// @description The cooperation domains (the 16 areas of the 2025 Security and Defence Partnership) with the number of instruments covering each; sources are those of the partnership that lists the areas.
// @param offset int 0  Rows to skip.
// @param limit int 50  Rows to return.
// @returns total, item
MATCH (d:CooperationDomain)
WITH d ORDER BY d.id
WITH collect(d) AS rows
WITH size(rows) AS total, rows[$offset..($offset + $limit)] AS page
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS d
RETURN total, CASE WHEN d IS NULL THEN null ELSE {
  id: d.id, name: d.name, name_fr: d.name_fr, altNames: d.altNames, notation: d.notation, uri: d.uri,
  instrumentCount: size([(d)<-[:COVERS_DOMAIN]-(ic:Instrument) | ic]),
  sourcedBy: [(d)<-[:COVERS_DOMAIN]-(ip:Partnership) | ip.id]
} END AS item
