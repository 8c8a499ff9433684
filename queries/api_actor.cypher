// @title One actor with memberships, posts and participations (API)
// @description An actor with its sources, the organisations it belongs to, its members, its parent and parts, the posts in it and their holders, the posts a person held, and its participations in instruments; every record with its sources.
// @param id string canada  The actor's id.
// @returns actor
// @internal
MATCH (a:Actor {id: $id})
RETURN {
  record: a.id, id: a.id, name: a.name, name_fr: a.name_fr, altNames: a.altNames, acronym: a.acronym, labels: labels(a),
  description: a.description, note: a.note, uncertainty: a.uncertainty, exactMatch: a.exactMatch, uri: a.uri,
  partOf: [(a)-[:SUB_ORGANISATION_OF]->(o:Actor) | {id: o.id, name: o.name, labels: labels(o)}],
  parts: [(a)<-[:SUB_ORGANISATION_OF]-(o:Actor) | {id: o.id, name: o.name, labels: labels(o)}],
  memberships: [(a)<-[:MEMBER]-(m:Membership)-[:ORGANISATION]->(o:Actor) | {
    record: m.id, other: {id: o.id, name: o.name, labels: labels(o)}, startDate: m.startDate, startDatePrecision: m.startDatePrecision, endDate: m.endDate, endDatePrecision: m.endDatePrecision}],
  members: [(a)<-[:ORGANISATION]-(m:Membership)-[:MEMBER]->(o:Actor) | {
    record: m.id, other: {id: o.id, name: o.name, labels: labels(o)}, startDate: m.startDate, startDatePrecision: m.startDatePrecision, endDate: m.endDate, endDatePrecision: m.endDatePrecision}],
  posts: [(a)<-[:POST_IN]-(po:Post) | {record: po.id, id: po.id, name: po.name, name_fr: po.name_fr}],
  postTenures: [(a)<-[:POST_IN]-(po:Post)<-[:POST]-(t:Tenure)-[:HOLDER]->(h:Actor) | {
    post: po.id, record: t.id, holder: {id: h.id, name: h.name, labels: labels(h)}, startDate: t.startDate, startDatePrecision: t.startDatePrecision, endDate: t.endDate, endDatePrecision: t.endDatePrecision}],
  tenures: [(a)<-[:HOLDER]-(t:Tenure)-[:POST]->(po:Post)-[:POST_IN]->(o:Actor) | {
    record: t.id, post: {id: po.id, name: po.name, organisation: {id: o.id, name: o.name, labels: labels(o)}}, startDate: t.startDate, startDatePrecision: t.startDatePrecision, endDate: t.endDate, endDatePrecision: t.endDatePrecision}],
  participations: [(a)<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(i:Instrument) | {
    record: p.id, instrument: {id: i.id, name: i.name, labels: labels(i)},
    startDate: p.startDate, startDatePrecision: p.startDatePrecision, endDate: p.endDate, endDatePrecision: p.endDatePrecision, contribution: p.contribution, personnel: p.personnel, nationalOperation: p.nationalOperation,
    uncertainty: p.uncertainty}]
} AS actor
