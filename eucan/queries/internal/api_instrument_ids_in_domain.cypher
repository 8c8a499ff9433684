// @title Ids of the instruments covering a domain, in list order (API list)
// @description The ids of the instruments covering one cooperation domain, ordered by name (case ignored), then id, optionally of one type. Starts from the domain (index lookup). The API keeps this order for the loaded graph, domain and type (eucan/api/kept.py) and reads each page's items with api_instruments_by_ids.
// @param domain string maritime-security  The cooperation domain's id.
// @param type? string PescoProject  Only instruments of this type.
// @returns ids
MATCH (d:CooperationDomain {id: $domain})
MATCH (d)<-[:COVERS_DOMAIN]-(i:Instrument)
WHERE $type IS NULL OR $type IN labels(i)
WITH DISTINCT i
WITH i ORDER BY toLower(i.name), i.id
RETURN collect(i.id) AS ids
