// @title One actor with memberships, posts and participations (API)
// @description An actor with its sources, its authority links (each with its sources), the organisations it belongs to, its members, its parent and parts, the posts in it and their holders, the posts a person held, and its participations in instruments; every record with its sources.
// @param id string canada  The actor's id.
// @returns actor
MATCH (a:Actor {id: $id})
RETURN {
  record: a.id, id: a.id, name: a.name, name_fr: a.name_fr, altNames: a.altNames, acronym: a.acronym, labels: labels(a),
  description: a.description, note: a.note, uncertainty: a.uncertainty, exactMatch: a.exactMatch, uri: a.uri,
  authorityLinks: [(a)<-[:LINK_SUBJECT]-(l0:AuthorityLink) | {record: l0.id, iri: l0.linkTarget, scheme: l0.authorityScheme}],
  partOf: [(a)-[:SUB_ORGANISATION_OF]->(o1:Actor) | {id: o1.id, name: o1.name, labels: labels(o1)}],
  parts: [(a)<-[:SUB_ORGANISATION_OF]-(o2:Actor) | {id: o2.id, name: o2.name, labels: labels(o2)}],
  memberships: [(a)<-[:MEMBER]-(m3:Membership)-[:ORGANISATION]->(o3:Actor) | {
    record: m3.id, other: {id: o3.id, name: o3.name, labels: labels(o3)}, startDate: m3.startDate, startDatePrecision: m3.startDatePrecision, endDate: m3.endDate, endDatePrecision: m3.endDatePrecision, startDateFirst: m3.startDateFirst, endDateLast: m3.endDateLast}],
  members: [(a)<-[:ORGANISATION]-(m4:Membership)-[:MEMBER]->(o4:Actor) | {
    record: m4.id, other: {id: o4.id, name: o4.name, labels: labels(o4)}, startDate: m4.startDate, startDatePrecision: m4.startDatePrecision, endDate: m4.endDate, endDatePrecision: m4.endDatePrecision, startDateFirst: m4.startDateFirst, endDateLast: m4.endDateLast}],
  posts: [(a)<-[:POST_IN]-(po5:Post) | {record: po5.id, id: po5.id, name: po5.name, name_fr: po5.name_fr}],
  postTenures: [(a)<-[:POST_IN]-(po6:Post)<-[:POST]-(t6:Tenure)-[:HOLDER]->(h6:Actor) | {
    post: po6.id, record: t6.id, holder: {id: h6.id, name: h6.name, labels: labels(h6)}, startDate: t6.startDate, startDatePrecision: t6.startDatePrecision, endDate: t6.endDate, endDatePrecision: t6.endDatePrecision, startDateFirst: t6.startDateFirst, endDateLast: t6.endDateLast}],
  tenures: [(a)<-[:HOLDER]-(t7:Tenure)-[:POST]->(po7:Post)-[:POST_IN]->(o7:Actor) | {
    record: t7.id, post: {id: po7.id, name: po7.name, organisation: {id: o7.id, name: o7.name, labels: labels(o7)}}, startDate: t7.startDate, startDatePrecision: t7.startDatePrecision, endDate: t7.endDate, endDatePrecision: t7.endDatePrecision, startDateFirst: t7.startDateFirst, endDateLast: t7.endDateLast}],
  participations: [(a)<-[:PARTICIPANT]-(p8:Participation)-[:INSTRUMENT]->(i:Instrument) | {
    record: p8.id, instrument: {id: i.id, name: i.name, labels: labels(i)},
    startDate: p8.startDate, startDatePrecision: p8.startDatePrecision, endDate: p8.endDate, endDatePrecision: p8.endDatePrecision, startDateFirst: p8.startDateFirst, endDateLast: p8.endDateLast, startDateFirstPrecision: p8.startDateFirstPrecision, startDateBasis: p8.startDateBasis, endDateBasis: p8.endDateBasis, contribution: p8.contribution, personnel: p8.personnel, nationalOperation: p8.nationalOperation,
    uncertainty: p8.uncertainty}]
} AS actor
