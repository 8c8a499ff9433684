// @title Legal basis of an instrument and of its participations
// @description The legal acts (Council decisions, regulations) that an instrument rests on, and those behind each participation in it (for instance the Council decision admitting a third state to a PESCO project), with CELEX numbers and dates (a legal act's adoption day, else its entry into force or publication).
// @param id string pesco-military-mobility  An instrument's id (or a participation's id).
// @returns record, actor, legal_act, name, celex, date, date_precision
// @example pesco-military-mobility rests on la-2018-340-cfsp; canada's participation on la-2021-748-cfsp (and la-2020-1639-cfsp, the general conditions for third states)
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
       coalesce(l.adoptedDate, l.entryIntoForceDate, l.publicationDate) AS date,
       coalesce(l.adoptedDatePrecision, l.entryIntoForceDatePrecision, l.publicationDatePrecision) AS date_precision
ORDER BY record, legal_act
