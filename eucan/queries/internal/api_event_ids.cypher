// @title Event ids in list order (API list)
// @description The ids of the dated events, oldest first (then by id), optionally of one type; with an actor, an instrument or dates the API uses api_events_anchored or api_events. The API keeps this order for the loaded graph (eucan/api/kept.py) and reads each page's items with api_events_by_ids.
// @param type? string Summit  Optional: only events of this type.
// @returns ids
MATCH (e:Event)
WHERE $type IS NULL OR $type IN labels(e)
WITH e ORDER BY e.date, e.id
RETURN collect(e.id) AS ids
