// @title Events (API list)
// @description Dated events (summits, dialogue meetings, signatures, announcements, negotiations, meetings), oldest first, optionally of one type, with one participant, about one instrument, or dated within a window (`date_from`/`date_to` inclusive, compared with the event's date as stored: the first day of its month or year when only that is known).
// @param type? string Summit  Optional: only events of this type.
// @param actor? string canada  Optional: only events this actor took part in.
// @param instrument? string pesco-military-mobility  Optional: only events about this instrument.
// @param date_from? date 2021-01-01  Optional: earliest date (YYYY-MM-DD).
// @param date_to? date 2025-12-31  Optional: latest date (YYYY-MM-DD).
// @param offset int 0  Rows to skip.
// @param limit int 50  Rows to return.
// @returns total, item
MATCH (e:Event)
WHERE ($type IS NULL OR $type IN labels(e))
  AND ($date_from IS NULL OR e.date >= $date_from)
  AND ($date_to IS NULL OR e.date <= $date_to)
WITH e, [(e)-[:EVENT_PARTICIPANT]->(a:Actor) | {id: a.id, name: a.name, labels: labels(a)}] AS participants,
  [(e)-[:ABOUT_INSTRUMENT]->(i:Instrument) | {id: i.id, name: i.name, labels: labels(i)}] AS instruments
WHERE ($actor IS NULL OR $actor IN [p IN participants | p.id])
  AND ($instrument IS NULL OR $instrument IN [i IN instruments | i.id])
WITH e, participants, instruments ORDER BY e.date, e.id
WITH collect([e, participants, instruments]) AS rows
WITH size(rows) AS total, rows[$offset..($offset + $limit)] AS page
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS row
WITH total, row[0] AS e, row[1] AS participants, row[2] AS instruments
RETURN total, CASE WHEN e IS NULL THEN null ELSE {
  record: e.id, id: e.id, name: e.name, labels: labels(e), date: e.date, datePrecision: e.datePrecision, place: e.place,
  instruments: instruments, participants: participants
} END AS item
