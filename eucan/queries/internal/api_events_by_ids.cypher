// @title Events by id (API list)
// @description One page of the event list: the events with these ids (api_event_ids gives their order), with their instruments and participants.
// @param ids string[] summit-2025  Event ids.
// @returns item
UNWIND $ids AS eid
MATCH (e:Resource {id: eid})
WHERE e:Event
RETURN {
  record: e.id, id: e.id, name: e.name, labels: labels(e), date: e.date, datePrecision: e.datePrecision, place: e.place,
  instruments: [(e)-[:ABOUT_INSTRUMENT]->(i:Instrument) | {id: i.id, name: i.name, labels: labels(i)}],
  participants: [(e)-[:EVENT_PARTICIPANT]->(a:Actor) | {id: a.id, name: a.name, labels: labels(a)}]
} AS item
