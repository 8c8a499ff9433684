// @title Partners of an actor and the instruments they share
// @description Every actor that takes part in at least one instrument with the given actor (as party, signatory, participant, contributor, coordinator, chair...), with the instruments they share, most shared first. With `as_of`, only participations that held on that day count on both sides (startDateFirst <= as_of <= endDateLast: the derived bounds, a participation's own or, where it states none, its instrument's, a start no earlier than its legal acts; a bound still unknown is open; undated participations count within their instrument's period).
// @param actor string canada  The actor's id (e.g. canada, eu, germany, nato).
// @param as_of? date 2024-01-01  Only participations that held on that day (YYYY-MM-DD).
// @returns partner, partner_name, shared, instruments
// @example canada's partners include eu, sharing sdp-2025, eu-canada-fpa and the PNR agreements; norway shares pesco-military-mobility
MATCH (a:Actor {id: $actor})<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(i:Instrument)<-[:INSTRUMENT]-(q:Participation)-[:PARTICIPANT]->(b:Actor)
WHERE b <> a
  AND ($as_of IS NULL OR ((p.startDateFirst IS NULL OR p.startDateFirst <= $as_of) AND (p.endDateLast IS NULL OR p.endDateLast >= $as_of)))
  AND ($as_of IS NULL OR ((q.startDateFirst IS NULL OR q.startDateFirst <= $as_of) AND (q.endDateLast IS NULL OR q.endDateLast >= $as_of)))
WITH b, i
ORDER BY i.id
WITH b, collect(DISTINCT i.id) AS instruments
RETURN b.id AS partner, b.name AS partner_name, size(instruments) AS shared, instruments
ORDER BY shared DESC, partner
