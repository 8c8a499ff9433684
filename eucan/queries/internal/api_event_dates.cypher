// @title Dated event ids with their dates, in list order (API list)
// @description The ids and dates of the events that have a date, oldest first (then by id), optionally of one type, as one list of [date, id] pairs. The API keeps it for the loaded graph and type (eucan/api/kept.py) and answers /events?from=&to= by bisection in it (dates compared as stored: the first day of a month or year when only that is known), reading each page's items with api_events_by_ids.
// @param type? string Summit  Optional: only events of this type.
// @returns pairs
MATCH (e:Event)
WHERE e.date IS NOT NULL AND ($type IS NULL OR $type IN labels(e))
WITH e ORDER BY e.date, e.id
RETURN collect([e.date, e.id]) AS pairs
