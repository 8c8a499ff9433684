// @title Memberships of an actor
// @description The organisations an actor is or was a member of, with the period of each membership record.
// @param actor string united-kingdom  The member's id.
// @returns organisation, organisation_name, since, since_precision, until, until_precision, record
// @example united-kingdom: eu from 1973-01-01 until 2020-01-31; nato from 1949-04-04
MATCH (m:Membership)-[:MEMBER]->(:Actor {id: $actor})
MATCH (m)-[:ORGANISATION]->(o:Actor)
RETURN o.id AS organisation, o.name AS organisation_name, m.startDate AS since, m.startDatePrecision AS since_precision, m.endDate AS until, m.endDatePrecision AS until_precision, m.id AS record
ORDER BY organisation, since, record
