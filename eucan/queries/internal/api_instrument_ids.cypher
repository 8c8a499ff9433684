// @title Instrument ids in list order (API list)
// @description The ids of the instruments ordered by name (case ignored), then id, optionally of one type and covering one cooperation domain. The API keeps this order for the loaded graph, type and domain (eucan/api/kept.py) and reads each page's items with api_instruments_by_ids.
// @param type? string PescoProject  Only instruments of this type.
// @param domain? string maritime-security  Only instruments covering this cooperation domain id.
// @returns ids
MATCH (i:Instrument)
WHERE ($type IS NULL OR $type IN labels(i))
  AND ($domain IS NULL OR (i)-[:COVERS_DOMAIN]->(:CooperationDomain {id: $domain}))
WITH i ORDER BY toLower(i.name), i.id
RETURN collect(i.id) AS ids
