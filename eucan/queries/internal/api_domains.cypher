// @title Cooperation domains (API list)
// @description The cooperation domains (the 16 areas of the 2025 Security and Defence Partnership) with the number of instruments covering each; sources are those of the partnership that lists the areas.
// @param offset int 0  Rows to skip.
// @param limit int 50  Rows to return.
// @param end int 50  offset + limit: how many sorted rows the engine keeps.
// @returns total, item
OPTIONAL MATCH (c:CooperationDomain)
WITH count(c) AS total
OPTIONAL MATCH (d:CooperationDomain)
WITH total, d ORDER BY d.id LIMIT $end
WITH total, collect(d) AS top
UNWIND (CASE WHEN size(top) <= $offset THEN [null] ELSE top[$offset..] END) AS d
RETURN total, CASE WHEN d IS NULL THEN null ELSE {
  id: d.id, name: d.name, name_fr: d.name_fr, altNames: d.altNames, notation: d.notation, uri: d.uri,
  instrumentCount: size([(d)<-[:COVERS_DOMAIN]-(ic:Instrument) | ic]),
  sourcedBy: [(d)<-[:COVERS_DOMAIN]-(ip:Partnership) | ip.id]
} END AS item
