// @title One cooperation domain with its instruments (API)
// @description A cooperation domain, how many instruments cover it, and the partnerships that list it (their sources are the domain's). The API lists the first instruments from api_instrument_ids_in_domain's kept order.
// @param id string maritime-security  The domain's id.
// @returns domain
MATCH (d:CooperationDomain {id: $id})
RETURN {
  id: d.id, name: d.name, name_fr: d.name_fr, altNames: d.altNames, notation: d.notation, uri: d.uri,
  instrumentCount: size([(d)<-[:COVERS_DOMAIN]-(ic:Instrument) | ic]),
  sourcedBy: [(d)<-[:COVERS_DOMAIN]-(ip:Partnership) | ip.id]
} AS domain
