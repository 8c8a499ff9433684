// @title PESCO projects with third-state participation, and their coordinators
// @description One row per PESCO project and participating state that was not an EU member state (on `as_of`, or today's memberships when it is left out), with the project's coordinators, the date of admission and the Council decision(s) behind it. With `as_of`, a participation counts when it held on that day (startDateFirst <= as_of <= endDateLast: the derived bounds, a participation's own or, where it states none, its instrument's, a start no earlier than its legal acts); one with no dates at all is kept and flagged `undated` (nothing says it did not hold).
// @param as_of? date 2024-01-01  Judge EU membership (and participation) on this day (YYYY-MM-DD).
// @returns project, project_name, coordinators, third_state, since, since_precision, undated, legal_basis
// @example pesco-military-mobility (coordinator netherlands) has third states canada, norway and united-states since 2021-12-14, and united-kingdom; pesco-netloghubs has canada
MATCH (proj:PescoProject)
OPTIONAL MATCH (c:Participation)-[:INSTRUMENT]->(proj), (c)-[:ROLE]->(:ParticipantRole {id: 'coordinator'}), (c)-[:PARTICIPANT]->(ca:Actor)
WITH proj, ca
ORDER BY ca.id
WITH proj, collect(DISTINCT ca.id) AS coordinators
MATCH (p:Participation)-[:INSTRUMENT]->(proj)
MATCH (p)-[:PARTICIPANT]->(s:State)
WHERE $as_of IS NULL OR ((p.startDateFirst IS NULL OR p.startDateFirst <= $as_of) AND (p.endDateLast IS NULL OR p.endDateLast >= $as_of))
OPTIONAL MATCH (m:Membership)-[:MEMBER]->(s), (m)-[:ORGANISATION]->(:Actor {id: 'eu'})
WITH proj, coordinators, p, s,
     sum(CASE WHEN m IS NOT NULL
                   AND ($as_of IS NOT NULL OR m.endDate IS NULL)
                   AND ($as_of IS NULL OR ((m.startDateFirst IS NULL OR m.startDateFirst <= $as_of) AND (m.endDateLast IS NULL OR m.endDateLast >= $as_of)))
              THEN 1 ELSE 0 END) AS eu_memberships
WHERE eu_memberships = 0
OPTIONAL MATCH (p)-[:LEGAL_BASIS]->(l:LegalAct)
WITH proj, coordinators, p, s, l
ORDER BY l.id
WITH proj, coordinators, p, s, collect(DISTINCT l.id) AS legal_basis
RETURN proj.id AS project, proj.name AS project_name, coordinators, s.id AS third_state, p.startDate AS since, p.startDatePrecision AS since_precision,
       p.startDate IS NULL AND p.endDate IS NULL AS undated, legal_basis
ORDER BY project, third_state
