// @title Events, sorted in the engine (API reference)
// @description The reference the API's /events answers are tested against (it answers from api_event_ids, api_event_dates and api_events_anchored, kept or anchored): dated events (summits, dialogue meetings, signatures, announcements, negotiations, meetings), oldest first, optionally of one type, with one participant, about one instrument, or dated within a window (`date_from`/`date_to` inclusive, compared with the event's date as stored: the first day of its month or year when only that is known).
// @param type? string Summit  Optional: only events of this type.
// @param actor? string canada  Optional: only events this actor took part in.
// @param instrument? string pesco-military-mobility  Optional: only events about this instrument.
// @param date_from? date 2021-01-01  Optional: earliest date (YYYY-MM-DD).
// @param date_to? date 2025-12-31  Optional: latest date (YYYY-MM-DD).
// @param offset int 0  Rows to skip.
// @param limit int 50  Rows to return.
// @param end int 50  offset + limit: how many sorted rows the engine keeps.
// @returns total, item
// Paging: the engine sorts with a LIMIT of `end` (= offset + limit; it keeps only that many rows) and the
// page is cut from those; the total is counted apart, so no request collects and sorts the whole list.
OPTIONAL MATCH (c:Event)
WHERE ($type IS NULL OR $type IN labels(c))
  AND ($date_from IS NULL OR c.date >= $date_from)
  AND ($date_to IS NULL OR c.date <= $date_to)
  AND ($actor IS NULL OR (c)-[:EVENT_PARTICIPANT]->(:Actor {id: $actor}))
  AND ($instrument IS NULL OR (c)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $instrument}))
WITH count(c) AS total
OPTIONAL MATCH (e:Event)
WHERE ($type IS NULL OR $type IN labels(e))
  AND ($date_from IS NULL OR e.date >= $date_from)
  AND ($date_to IS NULL OR e.date <= $date_to)
  AND ($actor IS NULL OR (e)-[:EVENT_PARTICIPANT]->(:Actor {id: $actor}))
  AND ($instrument IS NULL OR (e)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $instrument}))
WITH total, e ORDER BY e.date, e.id LIMIT $end
WITH total, collect(e) AS top
UNWIND (CASE WHEN size(top) <= $offset THEN [null] ELSE top[$offset..] END) AS e
RETURN total, CASE WHEN e IS NULL THEN null ELSE {
  record: e.id, id: e.id, name: e.name, labels: labels(e), date: e.date, datePrecision: e.datePrecision, place: e.place,
  instruments: [(e)-[:ABOUT_INSTRUMENT]->(i:Instrument) | {id: i.id, name: i.name, labels: labels(i)}],
  participants: [(e)-[:EVENT_PARTICIPANT]->(a:Actor) | {id: a.id, name: a.name, labels: labels(a)}]
} END AS item
