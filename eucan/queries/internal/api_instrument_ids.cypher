// @title Instrument ids in list order (API list)
// @description The ids of the instruments ordered by name (case ignored), then id, optionally of one type (api_instrument_ids_in_domain: those covering one domain). The API keeps this order for the loaded graph and type (eucan/api/kept.py) and reads each page's items with api_instruments_by_ids.
// @param type? string PescoProject  Only instruments of this type.
// @returns ids
MATCH (i:Instrument)
WHERE $type IS NULL OR $type IN labels(i)
WITH i ORDER BY toLower(i.name), i.id
RETURN collect(i.id) AS ids
