// @title Cooperation across all actors (API)
// @description One row per participation: the actor, the instrument, its domains, the period, the other participants (partners) and the sources of each. The whole list sorted and sliced in the engine: the API answers from api_cooperation_by_actor, api_cooperation_by_partner, or api_cooperation_counts + api_cooperation_page (a page whatever its offset costs the same), and tests check those against this query.
// @param partner? string germany  Only instruments shared with this actor id (whose participation also held on as_of).
// @param domain? string maritime-security  Only instruments covering this cooperation domain id.
// @param instrument_type? string PescoProject  Only instruments of this type (Partnership, Agreement, PescoProject, CsdpMission, CsdpOperation, Dialogue, FinancingInstrument, LegalAct, Framework).
// @param as_of? date 2024-01-01  Only participations that held on this day (YYYY-MM-DD; startDateFirst <= as_of <= endDateLast: the derived bounds, a participation's own or, where it states none, its instrument's, a start no earlier than its legal acts; a bound still unknown is open, so undated participations are kept within their instrument's period).
// @param offset int 0  Rows to skip.
// @param limit int 50  Rows to return.
// @returns total, item
MATCH (a:Actor)<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(i:Instrument)
WHERE ($as_of IS NULL OR ((p.startDateFirst IS NULL OR p.startDateFirst <= $as_of) AND (p.endDateLast IS NULL OR p.endDateLast >= $as_of)))
  AND ($instrument_type IS NULL OR $instrument_type IN labels(i))
WITH a, p, i,
  CASE WHEN $domain IS NULL THEN true
       ELSE $domain IN [(i)-[:COVERS_DOMAIN]->(fd:CooperationDomain) | fd.id] END AS in_domain,
  CASE WHEN $partner IS NULL THEN true
       ELSE $partner IN [(i)<-[:INSTRUMENT]-(fq:Participation)-[:PARTICIPANT]->(fb:Actor)
         WHERE fb.id <> a.id AND ($as_of IS NULL OR ((fq.startDateFirst IS NULL OR fq.startDateFirst <= $as_of) AND (fq.endDateLast IS NULL OR fq.endDateLast >= $as_of))) | fb.id] END AS with_partner
WHERE in_domain AND with_partner
WITH a, p, i ORDER BY a.id, i.id, p.id
WITH collect([a, p, i]) AS rows
WITH size(rows) AS total, rows[$offset..($offset + $limit)] AS page
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS row
WITH total, row[0] AS a, row[1] AS p, row[2] AS i
OPTIONAL MATCH (i)<-[:INSTRUMENT]-(q:Participation)-[:PARTICIPANT]->(b:Actor)
WHERE b.id <> a.id AND ($as_of IS NULL OR ((q.startDateFirst IS NULL OR q.startDateFirst <= $as_of) AND (q.endDateLast IS NULL OR q.endDateLast >= $as_of)))
WITH total, a, p, i, collect(CASE WHEN q IS NULL THEN null ELSE {
  record: q.id, id: b.id, name: b.name, labels: labels(b), startDate: q.startDate, startDatePrecision: q.startDatePrecision, endDate: q.endDate, endDatePrecision: q.endDatePrecision, startDateFirst: q.startDateFirst, endDateLast: q.endDateLast, startDateFirstPrecision: q.startDateFirstPrecision, startDateBasis: q.startDateBasis, endDateBasis: q.endDateBasis} END) AS partners
OPTIONAL MATCH (i)-[:COVERS_DOMAIN]->(d:CooperationDomain)
WITH total, a, p, i, partners, collect(CASE WHEN d IS NULL THEN null ELSE {id: d.id, name: d.name} END) AS domains
RETURN total, CASE WHEN p IS NULL THEN null ELSE {
  record: p.id,
  actor: {id: a.id, name: a.name, labels: labels(a)},
  instrument: {record: i.id, id: i.id, name: i.name, labels: labels(i)},
  domains: domains,
  startDate: p.startDate, startDatePrecision: p.startDatePrecision, endDate: p.endDate, endDatePrecision: p.endDatePrecision, startDateFirst: p.startDateFirst, endDateLast: p.endDateLast, startDateFirstPrecision: p.startDateFirstPrecision, startDateBasis: p.startDateBasis, endDateBasis: p.endDateBasis,
  contribution: p.contribution, personnel: p.personnel, nationalOperation: p.nationalOperation, uncertainty: p.uncertainty,
  partners: partners
} END AS item
ORDER BY a.id, i.id, p.id
