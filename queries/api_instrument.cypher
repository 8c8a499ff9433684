// @title One instrument with participants, domains and legal basis (API)
// @description An instrument with its sources, dates, status, domains, participants (each participation with its sources), legal basis, parent and parts, locations and events about it.
// @param id string sdp-2025  The instrument's id.
// @returns instrument
// @internal
MATCH (i:Instrument {id: $id})
RETURN {
  record: i.id, id: i.id, name: i.name, name_fr: i.name_fr, altNames: i.altNames, acronym: i.acronym, labels: labels(i),
  description: i.description, note: i.note, uncertainty: i.uncertainty, uri: i.uri, url: i.url, celex: i.celex,
  status: i.status, signedDate: i.signedDate, signedDatePrecision: i.signedDatePrecision, place: i.place,
  entryIntoForceDate: i.entryIntoForceDate, provisionalApplicationDate: i.provisionalApplicationDate, startDate: i.startDate, startDatePrecision: i.startDatePrecision, endDate: i.endDate, endDatePrecision: i.endDatePrecision,
  domains: [(i)-[:COVERS_DOMAIN]->(d:CooperationDomain) | {id: d.id, name: d.name}],
  participants: [(i)<-[:INSTRUMENT]-(p:Participation)-[:PARTICIPANT]->(a:Actor) | {
    record: p.id, actor: {id: a.id, name: a.name, labels: labels(a)},
    startDate: p.startDate, startDatePrecision: p.startDatePrecision, endDate: p.endDate, endDatePrecision: p.endDatePrecision, contribution: p.contribution, personnel: p.personnel, nationalOperation: p.nationalOperation,
    uncertainty: p.uncertainty}],
  legalBasis: [(i)-[:LEGAL_BASIS]->(l:Instrument) | {record: l.id, id: l.id, name: l.name, labels: labels(l), celex: l.celex, signedDate: l.signedDate}],
  partOf: [(i)-[:PART_OF]->(o:Instrument) | {id: o.id, name: o.name, labels: labels(o)}],
  parts: [(i)<-[:PART_OF]-(o:Instrument) | {id: o.id, name: o.name, labels: labels(o)}],
  locations: [(i)-[:LOCATION]->(o:Actor) | {id: o.id, name: o.name, labels: labels(o)}],
  events: [(i)<-[:ABOUT_INSTRUMENT]-(e:Event) | {record: e.id, id: e.id, name: e.name, labels: labels(e), date: e.date, datePrecision: e.datePrecision}]
} AS instrument
