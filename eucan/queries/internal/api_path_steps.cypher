// @title The records behind each step of a path (API)
// @description For each step `left|relation|right|forward` (forward = left is the subject as stored), both ends named and the records that make the step: the participations (PARTICIPATES_IN), memberships (MEMBER_OF) or tenures (HOLDS) linking the two, the actor record naming its parent (SUB_ORGANISATION_OF), the post record naming its organisation (POST_IN), or the event record (EVENT_PARTICIPANT, ABOUT_INSTRUMENT), each with its dates.
// @param steps string[] canada|MEMBER_OF|nato|true,nato|MEMBER_OF|estonia|false  Steps.
// @returns step, left, rel, right, via
UNWIND range(0, size($steps) - 1) AS k
WITH k, split($steps[k], '|') AS s
MATCH (l:Resource {id: s[0]})
MATCH (r:Resource {id: s[2]})
WITH k, s[1] AS rel, l, r, CASE WHEN s[3] = 'true' THEN l ELSE r END AS u, CASE WHEN s[3] = 'true' THEN r ELSE l END AS w
WITH k, rel, l, r, u, w, CASE WHEN 'Event' IN labels(u) THEN u ELSE w END AS ev
RETURN k AS step,
  {id: l.id, name: l.name, labels: labels(l)} AS left,
  rel,
  {id: r.id, name: r.name, labels: labels(r)} AS right,
  CASE rel
    WHEN 'PARTICIPATES_IN' THEN [(u)<-[:PARTICIPANT]-(rec:Participation)-[:INSTRUMENT]->(w) | {
      record: rec.id, startDate: rec.startDate, startDatePrecision: rec.startDatePrecision, endDate: rec.endDate, endDatePrecision: rec.endDatePrecision, startDateFirst: rec.startDateFirst, endDateLast: rec.endDateLast, startDateFirstPrecision: rec.startDateFirstPrecision, startDateBasis: rec.startDateBasis, endDateBasis: rec.endDateBasis}]
    WHEN 'MEMBER_OF' THEN [(u)<-[:MEMBER]-(rec:Membership)-[:ORGANISATION]->(w) | {
      record: rec.id, startDate: rec.startDate, startDatePrecision: rec.startDatePrecision, endDate: rec.endDate, endDatePrecision: rec.endDatePrecision, startDateFirst: rec.startDateFirst, endDateLast: rec.endDateLast}]
    WHEN 'HOLDS' THEN [(u)<-[:HOLDER]-(rec:Tenure)-[:POST]->(w) | {
      record: rec.id, role: 'holder', startDate: rec.startDate, startDatePrecision: rec.startDatePrecision, endDate: rec.endDate, endDatePrecision: rec.endDatePrecision, startDateFirst: rec.startDateFirst, endDateLast: rec.endDateLast}]
    WHEN 'SUB_ORGANISATION_OF' THEN [{record: u.id, role: 'part-of', startDate: u.startDate, startDatePrecision: u.startDatePrecision, endDate: u.endDate, endDatePrecision: u.endDatePrecision, startDateFirst: u.startDateFirst, endDateLast: u.endDateLast}]
    WHEN 'POST_IN' THEN [{record: u.id, role: 'post-in'}]
    ELSE [{record: ev.id, role: CASE rel WHEN 'EVENT_PARTICIPANT' THEN 'event-participant' ELSE 'event-about' END,
      startDate: ev.date, startDatePrecision: ev.datePrecision, endDate: ev.date, endDatePrecision: ev.datePrecision}]
  END AS via
ORDER BY step
