// @title One event (API)
// @description An event with its date and precision, place, description, the instrument it is about, its participants and cooperation domains.
// @param id string summit-2025  The event's id.
// @returns event
MATCH (e:Resource {id: $id})
WHERE e:Event
RETURN {
  record: e.id, id: e.id, name: e.name, labels: labels(e), uri: e.uri, date: e.date, datePrecision: e.datePrecision,
  place: e.place, description: e.description, note: e.note, uncertainty: e.uncertainty,
  instruments: [(e)-[:ABOUT_INSTRUMENT]->(i:Instrument) | {id: i.id, name: i.name, labels: labels(i)}],
  participants: [(e)-[:EVENT_PARTICIPANT]->(a:Actor) | {id: a.id, name: a.name, labels: labels(a)}],
  domains: [(e)-[:COVERS_DOMAIN]->(d:CooperationDomain) | {id: d.id, name: d.name}]
} AS event
