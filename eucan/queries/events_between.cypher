// @title Events in a period
// @description Summits, dialogue meetings, signatures, negotiations and announcements between two days, with the instrument they concern, the place and the participants; optionally only those an actor took part in (it is a participant of them: the same events as the API's /events?actor= and the actor's timeline; events about its instruments are not included unless it took part).
// @param from_date date 2025-01-01  First day (YYYY-MM-DD).
// @param to_date date 2025-12-31  Last day (YYYY-MM-DD).
// @param actor? string canada  Only events this actor took part in.
// @returns date, date_precision, event, kind, name, place, instrument, participants
// @example in 2025: summit-2025 and signature-sdp-2025 on 2025-06-23, jmc-2025-11-11, safe-canada-negotiations-concluded-2025 on 2025-12-01
MATCH (e:Event)
WHERE e.date >= $from_date AND e.date <= $to_date
OPTIONAL MATCH (e)-[:ABOUT_INSTRUMENT]->(i:Instrument)
OPTIONAL MATCH (e)-[:EVENT_PARTICIPANT]->(a:Actor)
WITH e, i, a
ORDER BY a.id
WITH e, i, collect(DISTINCT a.id) AS participants
WHERE $actor IS NULL OR $actor IN participants
RETURN e.date AS date,
       e.datePrecision AS date_precision,
       e.id AS event,
       head([l IN labels(e) WHERE NOT l IN ['Resource', 'Fact', 'Event']]) AS kind,
       e.name AS name,
       e.place AS place,
       i.id AS instrument,
       participants
ORDER BY date, event
