// @title Cooperation domains, names and counts only (explorer pages)
// @description The cooperation domains with id, notation, names and the number of instruments covering each (as `api_domains`), without their sources: what the home page, the filters and the matrix show.
// @returns id, notation, name, name_fr, instrument_count
MATCH (d:CooperationDomain)
RETURN d.id AS id, d.notation AS notation, d.name AS name, d.name_fr AS name_fr,
       size([(d)<-[:COVERS_DOMAIN]-(i:Instrument) | i]) AS instrument_count
ORDER BY id
