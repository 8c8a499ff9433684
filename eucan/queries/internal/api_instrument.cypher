// @title One instrument with participants, domains and legal basis (API)
// @description An instrument with its sources, its authority links (each with its sources), dates, status, place of signature, domains, participants (each participation with its sources), legal basis, parent and parts, locations and events about it (with their places).
// @param id string sdp-2025  The instrument's id.
// @returns instrument
MATCH (i:Instrument {id: $id})
RETURN {
  record: i.id, id: i.id, name: i.name, name_fr: i.name_fr, altNames: i.altNames, acronym: i.acronym, labels: labels(i),
  description: i.description, note: i.note, uncertainty: i.uncertainty, uri: i.uri, url: i.url, celex: i.celex,
  authorityLinks: [(i)<-[:LINK_SUBJECT]-(l0:AuthorityLink) | {record: l0.id, iri: l0.linkTarget, scheme: l0.authorityScheme}],
  status: i.status, signedDate: i.signedDate, signedDatePrecision: i.signedDatePrecision, place: i.signedAt, altIds: i.altId,
  adoptedDate: i.adoptedDate, adoptedDatePrecision: i.adoptedDatePrecision, publicationDate: i.publicationDate, publicationDatePrecision: i.publicationDatePrecision,
  entryIntoForceDate: i.entryIntoForceDate, entryIntoForceDatePrecision: i.entryIntoForceDatePrecision, provisionalApplicationDate: i.provisionalApplicationDate, provisionalApplicationDatePrecision: i.provisionalApplicationDatePrecision, startDate: i.startDate, startDatePrecision: i.startDatePrecision, endDate: i.endDate, endDatePrecision: i.endDatePrecision, startDateFirst: i.startDateFirst, endDateLast: i.endDateLast,
  domains: [(i)-[:COVERS_DOMAIN]->(d:CooperationDomain) | {id: d.id, name: d.name}],
  participants: [(i)<-[:INSTRUMENT]-(p2:Participation)-[:PARTICIPANT]->(a:Actor) | {
    record: p2.id, actor: {id: a.id, name: a.name, labels: labels(a)},
    startDate: p2.startDate, startDatePrecision: p2.startDatePrecision, endDate: p2.endDate, endDatePrecision: p2.endDatePrecision, startDateFirst: p2.startDateFirst, endDateLast: p2.endDateLast, startDateFirstPrecision: p2.startDateFirstPrecision, startDateBasis: p2.startDateBasis, endDateBasis: p2.endDateBasis, contribution: p2.contribution, personnel: p2.personnel, nationalOperation: p2.nationalOperation,
    uncertainty: p2.uncertainty}],
  legalBasis: [(i)-[:LEGAL_BASIS]->(l3:Instrument) | {record: l3.id, id: l3.id, name: l3.name, labels: labels(l3), celex: l3.celex, signedDate: l3.signedDate, adoptedDate: l3.adoptedDate}],
  partOf: [(i)-[:PART_OF]->(o4:Instrument) | {id: o4.id, name: o4.name, labels: labels(o4)}],
  parts: [(i)<-[:PART_OF]-(o5:Instrument) | {id: o5.id, name: o5.name, labels: labels(o5)}],
  locations: [(i)-[:LOCATION]->(o6:Actor) | {id: o6.id, name: o6.name, labels: labels(o6)}],
  events: [(i)<-[:ABOUT_INSTRUMENT]-(e7:Event) | {record: e7.id, id: e7.id, name: e7.name, labels: labels(e7), date: e7.date, datePrecision: e7.datePrecision, place: e7.place}]
} AS instrument
