// @title Legal basis of an instrument and of its participations
// @description The legal acts (Council decisions, regulations) that an instrument rests on, and those behind each participation in it (for instance the Council decision admitting a third state to a PESCO project), with CELEX numbers and dates.
// @param id string pesco-military-mobility  An instrument's id (or a participation's id).
// @returns record, actor, legal_act, name, celex, date, date_precision
// @example pesco-military-mobility rests on cd-2018-340; canada's participation on cd-2021-748 (and cd-2020-1639, the general conditions for third states)
MATCH (x:Resource {id: $id})
OPTIONAL MATCH (p:Participation)-[:INSTRUMENT]->(x)
WITH x, collect(p) AS participations
UNWIND [x] + participations AS holder
MATCH (holder)-[:LEGAL_BASIS]->(l:LegalAct)
OPTIONAL MATCH (holder)-[:PARTICIPANT]->(a:Actor)
RETURN holder.id AS record,
       a.id AS actor,
       l.id AS legal_act,
       l.name AS name,
       l.celex AS celex,
       coalesce(l.signedDate, l.entryIntoForceDate, l.startDate) AS date,
       coalesce(l.signedDatePrecision, l.entryIntoForceDatePrecision, l.startDatePrecision) AS date_precision
ORDER BY record, legal_act
