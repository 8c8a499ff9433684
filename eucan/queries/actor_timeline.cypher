// @title Timeline of an actor
// @description Everything dated about an actor in one chronological list: its participations in instruments (start and end), memberships of organisations, posts a person held, and events it took part in. A participation starts and ends on the days the as-of rule uses (its startDateFirst, and the end whose last day is its endDateLast), so `as_of` queries and this list agree on since when it held: its own dates, else its instrument's start or end, or the adoption of the most specific legal act it rests on; `date_basis` says which (stated, instrument, legal-basis) and `derived_from` names the instrument or act. Undated entries come last: one for a fact with neither start nor end (one with only an end has just its end).
// @param actor string canada  The actor's id (a state, organisation or person).
// @returns date, date_precision, event, related, related_name, role, record, date_basis, derived_from
// @example canada: 1949-04-04 joins nato; 2005-11-24 becomes party to eu-canada-fpa; 2025-06-23 party to sdp-2025 and present at summit-2025
MATCH (a:Actor {id: $actor})
OPTIONAL MATCH (p:Participation)-[:PARTICIPANT]->(a)
OPTIONAL MATCH (p)-[:INSTRUMENT]->(i:Instrument)
OPTIONAL MATCH (p)-[:ROLE]->(r:ParticipantRole)
// where a derived start or end comes from, as the loader wrote it (eucan.dates.participation_bounds)
OPTIONAL MATCH (p)-[:START_DATE_FROM]->(sf:Instrument)
OPTIONAL MATCH (p)-[:END_DATE_FROM]->(ef:Instrument)
WITH a,
     collect(CASE WHEN p IS NULL OR (p.startDateFirst IS NULL AND p.endDateLast IS NOT NULL) THEN null ELSE {date: p.startDateFirst, precision: p.startDateFirstPrecision,
       event: CASE p.startDateBasis WHEN 'stated' THEN 'starts taking part in'
                   WHEN 'instrument' THEN 'takes part in from the start of the instrument (own start not stated)'
                   WHEN 'legal-basis' THEN 'takes part in from the adoption of its legal basis (own start not stated)'
                   ELSE 'takes part in (dates not stated)' END,
       related: i.id, related_name: i.name, role: r.id, record: p.id, date_basis: p.startDateBasis, derived_from: sf.id} END) AS starts,
     collect(CASE WHEN p.endDateLast IS NULL THEN null ELSE {date: CASE WHEN ef IS NULL THEN p.endDate ELSE ef.endDate END, precision: CASE WHEN ef IS NULL THEN p.endDatePrecision ELSE ef.endDatePrecision END,
       event: CASE WHEN ef IS NULL THEN 'last day taking part in' ELSE 'last day taking part in: the end of the instrument (own end not stated)' END,
       related: i.id, related_name: i.name, role: r.id, record: p.id, date_basis: p.endDateBasis, derived_from: ef.id} END) AS ends
WITH a, starts + ends AS rows
OPTIONAL MATCH (m:Membership)-[:MEMBER]->(a)
OPTIONAL MATCH (m)-[:ORGANISATION]->(o:Actor)
WITH a, rows,
     collect(CASE WHEN m IS NULL OR (m.startDate IS NULL AND m.endDate IS NOT NULL) THEN null ELSE {date: m.startDate, precision: m.startDatePrecision, event: 'becomes a member of', related: o.id, related_name: o.name, role: 'member', record: m.id, date_basis: CASE WHEN m.startDate IS NULL THEN null ELSE 'stated' END} END) AS starts,
     collect(CASE WHEN m.endDate IS NULL THEN null ELSE {date: m.endDate, precision: m.endDatePrecision, event: 'last day as a member of', related: o.id, related_name: o.name, role: 'member', record: m.id, date_basis: 'stated'} END) AS ends
WITH a, rows + starts + ends AS rows
OPTIONAL MATCH (t:Tenure)-[:HOLDER]->(a)
OPTIONAL MATCH (t)-[:POST]->(post:Post)
WITH a, rows,
     collect(CASE WHEN t IS NULL OR (t.startDate IS NULL AND t.endDate IS NOT NULL) THEN null ELSE {date: t.startDate, precision: t.startDatePrecision, event: 'takes up post', related: post.id, related_name: post.name, role: 'holder', record: t.id, date_basis: CASE WHEN t.startDate IS NULL THEN null ELSE 'stated' END} END) AS starts,
     collect(CASE WHEN t.endDate IS NULL THEN null ELSE {date: t.endDate, precision: t.endDatePrecision, event: 'last day in post', related: post.id, related_name: post.name, role: 'holder', record: t.id, date_basis: 'stated'} END) AS ends
WITH a, rows + starts + ends AS rows
OPTIONAL MATCH (e:Event)-[:EVENT_PARTICIPANT]->(a)
WITH rows, collect(CASE WHEN e IS NULL THEN null ELSE {date: e.date, precision: e.datePrecision, event: 'takes part in event', related: e.id, related_name: e.name, role: 'participant', record: e.id, date_basis: 'stated'} END) AS events
UNWIND rows + events AS row
RETURN row.date AS date, row.precision AS date_precision, row.event AS event, row.related AS related, row.related_name AS related_name, row.role AS role, row.record AS record,
       row.date_basis AS date_basis, row.derived_from AS derived_from
ORDER BY date, date_precision DESC, related, event, record
