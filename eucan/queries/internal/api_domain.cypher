// @title One cooperation domain with its instruments (API)
// @description A cooperation domain, the instruments covering it (with their sources), and the sources of the partnership that lists it.
// @param id string maritime-security  The domain's id.
// @returns domain
MATCH (d:CooperationDomain {id: $id})
RETURN {
  id: d.id, name: d.name, name_fr: d.name_fr, altNames: d.altNames, notation: d.notation, uri: d.uri,
  instrumentCount: size([(d)<-[:COVERS_DOMAIN]-(ic:Instrument) | ic]),
  sourcedBy: [(d)<-[:COVERS_DOMAIN]-(ip:Partnership) | ip.id],
  instruments: [(d)<-[:COVERS_DOMAIN]-(i:Instrument) | {record: i.id, id: i.id, name: i.name, labels: labels(i), status: i.status, startDate: i.startDate, startDatePrecision: i.startDatePrecision, endDate: i.endDate, endDatePrecision: i.endDatePrecision, endDateLast: i.endDateLast, signedDate: i.signedDate}]
} AS domain
