// @title Events of one actor or about one instrument (API list)
// @description Starts from the actor (or, without one, the instrument): index lookup. Dated events (summits, dialogue meetings, signatures, announcements, negotiations, meetings), oldest first, optionally of one type, with one participant, about one instrument, or dated within a window (`date_from`/`date_to` inclusive, compared with the event's date as stored: the first day of its month or year when only that is known).
// @param type? string Summit  Optional: only events of this type.
// @param actor? string canada  Optional: only events this actor took part in.
// @param instrument? string pesco-military-mobility  Optional: only events about this instrument.
// @param date_from? date 2021-01-01  Optional: earliest date (YYYY-MM-DD).
// @param date_to? date 2025-12-31  Optional: latest date (YYYY-MM-DD).
// @param anchor string canada  The actor's id if given, else the instrument's: where the query starts.
// @param offset int 0  Rows to skip.
// @param limit int 50  Rows to return.
// @param end int 50  offset + limit: how many sorted rows the engine keeps.
// @returns total, item
// Paging: the engine sorts with a LIMIT of `end` (= offset + limit; it keeps only that many rows) and the
// page is cut from those; the total is counted apart, so no request collects and sorts the whole list.
OPTIONAL MATCH (x:Resource {id: $anchor})
OPTIONAL MATCH (x)<-[:EVENT_PARTICIPANT|ABOUT_INSTRUMENT]-(c:Event)
WHERE ($type IS NULL OR $type IN labels(c))
  AND ($date_from IS NULL OR c.date >= $date_from)
  AND ($date_to IS NULL OR c.date <= $date_to)
  AND ($actor IS NULL OR (c)-[:EVENT_PARTICIPANT]->(:Actor {id: $actor}))
  AND ($instrument IS NULL OR (c)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $instrument}))
WITH count(DISTINCT c) AS total
OPTIONAL MATCH (x:Resource {id: $anchor})
OPTIONAL MATCH (x)<-[:EVENT_PARTICIPANT|ABOUT_INSTRUMENT]-(e:Event)
WHERE ($type IS NULL OR $type IN labels(e))
  AND ($date_from IS NULL OR e.date >= $date_from)
  AND ($date_to IS NULL OR e.date <= $date_to)
  AND ($actor IS NULL OR (e)-[:EVENT_PARTICIPANT]->(:Actor {id: $actor}))
  AND ($instrument IS NULL OR (e)-[:ABOUT_INSTRUMENT]->(:Instrument {id: $instrument}))
WITH DISTINCT total, e ORDER BY e.date, e.id LIMIT $end
WITH total, collect(e) AS top
UNWIND (CASE WHEN size(top) <= $offset THEN [null] ELSE top[$offset..] END) AS e
RETURN total, CASE WHEN e IS NULL THEN null ELSE {
  record: e.id, id: e.id, name: e.name, labels: labels(e), date: e.date, datePrecision: e.datePrecision, place: e.place,
  instruments: [(e)-[:ABOUT_INSTRUMENT]->(i:Instrument) | {id: i.id, name: i.name, labels: labels(i)}],
  participants: [(e)-[:EVENT_PARTICIPANT]->(a:Actor) | {id: a.id, name: a.name, labels: labels(a)}],
  sources: [(e)-[:EVIDENCE]->(xs:SourceExcerpt)-[:EXCERPT_OF]->(ds:SourceDocument) | {url: ds.sourceUrl, quote: coalesce(xs.quote, head([k IN keys(xs) WHERE k STARTS WITH 'quote_' | xs[k]])), lang: CASE WHEN xs.quote IS NULL THEN head([k IN keys(xs) WHERE k STARTS WITH 'quote_' | substring(k, 6)]) ELSE 'en' END, retrieved: coalesce(xs.retrievedDate, ds.retrievedDate), title: ds.title, primary: ds.primarySource}]
} END AS item
