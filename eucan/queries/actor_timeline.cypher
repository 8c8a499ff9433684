// @title Timeline of an actor
// @description Everything dated about an actor in one chronological list: its participations in instruments (start and end), memberships of organisations, posts a person held, and events it took part in. Undated entries come last.
// @param actor string canada  The actor's id (a state, organisation or person).
// @returns date, date_precision, event, related, related_name, role, record
// @example canada: 1949-04-04 joins nato; 2005-11-24 becomes party to eu-canada-fpa; 2025-06-23 party to sdp-2025 and present at summit-2025
MATCH (a:Actor {id: $actor})
OPTIONAL MATCH (p:Participation)-[:PARTICIPANT]->(a)
OPTIONAL MATCH (p)-[:INSTRUMENT]->(i:Instrument)
OPTIONAL MATCH (p)-[:ROLE]->(r:ParticipantRole)
WITH a,
     collect(CASE WHEN p IS NULL THEN null ELSE {date: p.startDate, precision: p.startDatePrecision, event: CASE WHEN p.startDate IS NULL THEN 'takes part in (dates not stated)' ELSE 'starts taking part in' END, related: i.id, related_name: i.name, role: r.id, record: p.id} END) AS starts,
     collect(CASE WHEN p.endDate IS NULL THEN null ELSE {date: p.endDate, precision: p.endDatePrecision, event: 'last day taking part in', related: i.id, related_name: i.name, role: r.id, record: p.id} END) AS ends
WITH a, starts + ends AS rows
OPTIONAL MATCH (m:Membership)-[:MEMBER]->(a)
OPTIONAL MATCH (m)-[:ORGANISATION]->(o:Actor)
WITH a, rows,
     collect(CASE WHEN m IS NULL THEN null ELSE {date: m.startDate, precision: m.startDatePrecision, event: 'becomes a member of', related: o.id, related_name: o.name, role: 'member', record: m.id} END) AS starts,
     collect(CASE WHEN m.endDate IS NULL THEN null ELSE {date: m.endDate, precision: m.endDatePrecision, event: 'last day as a member of', related: o.id, related_name: o.name, role: 'member', record: m.id} END) AS ends
WITH a, rows + starts + ends AS rows
OPTIONAL MATCH (t:Tenure)-[:HOLDER]->(a)
OPTIONAL MATCH (t)-[:POST]->(post:Post)
WITH a, rows,
     collect(CASE WHEN t IS NULL THEN null ELSE {date: t.startDate, precision: t.startDatePrecision, event: 'takes up post', related: post.id, related_name: post.name, role: 'holder', record: t.id} END) AS starts,
     collect(CASE WHEN t.endDate IS NULL THEN null ELSE {date: t.endDate, precision: t.endDatePrecision, event: 'last day in post', related: post.id, related_name: post.name, role: 'holder', record: t.id} END) AS ends
WITH a, rows + starts + ends AS rows
OPTIONAL MATCH (e:Event)-[:EVENT_PARTICIPANT]->(a)
WITH rows, collect(CASE WHEN e IS NULL THEN null ELSE {date: e.date, precision: e.datePrecision, event: 'takes part in event', related: e.id, related_name: e.name, role: 'participant', record: e.id} END) AS events
UNWIND rows + events AS row
RETURN row.date AS date, row.precision AS date_precision, row.event AS event, row.related AS related, row.related_name AS related_name, row.role AS role, row.record AS record
ORDER BY date, related, event, record
