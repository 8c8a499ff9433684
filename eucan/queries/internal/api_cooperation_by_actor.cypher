// @title Cooperation of one actor (API)
// @description One row per participation of the actor: its role and sources, the instrument (with its sources), its domains, the period and the other participants (partners, each with role, period and the number of its sources; the first partners_max by actor id, then record, and their number). Starts from the actor (index lookup); no row at all when there is no actor with this id.
// @param actor string canada  The actor's id.
// @param partner? string germany  Only instruments shared with this actor id (whose participation also held on as_of).
// @param domain? string maritime-security  Only instruments covering this cooperation domain id.
// @param instrument_type? string PescoProject  Only instruments of this type (Partnership, Agreement, PescoProject, CsdpMission, CsdpOperation, Dialogue, FinancingInstrument, LegalAct, Framework).
// @param as_of? date 2024-01-01  Only participations that held on this day (YYYY-MM-DD; startDateFirst <= as_of <= endDateLast: the derived bounds, a participation's own or, where it states none, its instrument's, a start no earlier than its legal acts; a bound still unknown is open, so undated participations are kept within their instrument's period).
// @param offset int 0  Rows to skip.
// @param limit int 50  Rows to return.
// @param partners_max int 50  At most this many partners per row (by actor id, then record): the API's LIST_ITEMS.
// @returns total, item
// A partner's role and the number of its sources are read with the partners (one expansion of them all, not a
// pattern comprehension per partner: FalkorDB runs those one partner at a time, a quarter of the page's engine time
// at 1 M facts), and its sources are counted by its EVIDENCE relationships alone: each leads to an excerpt with a
// quote of a document with a URL (the loader refuses anything else: SHACL shapes), so the number is that of the
// sources its record shows (/id/participation/{record}), without reading them (that read was half the page's
// engine time).
// The actor is matched on its own first, so a known actor always gives one row (total 0 and item null when
// nothing matches) and no row at all means "no such actor": the API needs no separate existence query.
// The domain and partner filters cost nothing when not asked for (FalkorDB evaluates a pattern comprehension for
// every row even where `$x IS NULL OR ...` needs none: an eighth of the page's engine time at 1 M facts): the
// domain is a pattern predicate after `$domain IS NULL OR` (FalkorDB skips it when the left side holds), and the
// partner is looked up by the id index (`coalesce`: a null id would make FalkorDB scan every actor instead; no id
// is empty) and its participations are expanded from it, so without a partner there is nothing to expand.
MATCH (a:Actor {id: $actor})
OPTIONAL MATCH (fb:Actor {id: coalesce($partner, '')})
OPTIONAL MATCH (a)<-[:PARTICIPANT]-(p:Participation)-[:INSTRUMENT]->(i:Instrument)
WHERE ($as_of IS NULL OR ((p.startDateFirst IS NULL OR p.startDateFirst <= $as_of) AND (p.endDateLast IS NULL OR p.endDateLast >= $as_of)))
  AND ($instrument_type IS NULL OR $instrument_type IN labels(i))
  AND ($domain IS NULL OR (i)-[:COVERS_DOMAIN]->(:CooperationDomain {id: $domain}))
OPTIONAL MATCH (fb)<-[:PARTICIPANT]-(fq:Participation)-[:INSTRUMENT]->(i)
WHERE fb.id <> a.id AND ($as_of IS NULL OR ((fq.startDateFirst IS NULL OR fq.startDateFirst <= $as_of) AND (fq.endDateLast IS NULL OR fq.endDateLast >= $as_of)))
WITH a, p, i, count(fq) AS shared ORDER BY i.id, p.id
WITH a, collect(CASE WHEN p IS NOT NULL AND ($partner IS NULL OR shared > 0) THEN [p, i] END) AS rows
WITH a, size(rows) AS total, rows[$offset..($offset + $limit)] AS page
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS row
WITH a, total, row[0] AS p, row[1] AS i
OPTIONAL MATCH (i)<-[:INSTRUMENT]-(q:Participation)-[:PARTICIPANT]->(b:Actor)
WHERE b.id <> a.id AND ($as_of IS NULL OR ((q.startDateFirst IS NULL OR q.startDateFirst <= $as_of) AND (q.endDateLast IS NULL OR q.endDateLast >= $as_of)))
OPTIONAL MATCH (q)-[:ROLE]->(rq)
WITH total, a, p, i, q, b, rq.id AS role
OPTIONAL MATCH (q)-[:EVIDENCE]->(xq)
WITH total, a, p, i, q, b, role, count(xq) AS sourceCount ORDER BY b.id, q.id
WITH total, a, p, i, collect(CASE WHEN q IS NULL THEN null ELSE [q, b, role, sourceCount] END) AS found
WITH total, a, p, i, size(found) AS partnerCount, found[0..$partners_max] AS shown
UNWIND (CASE WHEN size(shown) = 0 THEN [null] ELSE shown END) AS shown_row
WITH total, a, p, i, partnerCount, shown_row[0] AS q, shown_row[1] AS b, shown_row[2] AS role, shown_row[3] AS sourceCount
WITH total, a, p, i, partnerCount, collect(CASE WHEN q IS NULL THEN null ELSE {
  record: q.id, id: b.id, name: b.name, labels: labels(b), startDate: q.startDate, startDatePrecision: q.startDatePrecision, endDate: q.endDate, endDatePrecision: q.endDatePrecision, startDateFirst: q.startDateFirst, endDateLast: q.endDateLast, startDateFirstPrecision: q.startDateFirstPrecision, startDateBasis: q.startDateBasis, endDateBasis: q.endDateBasis,
  roles: [r IN [role] WHERE r IS NOT NULL],
  sourceCount: sourceCount} END) AS partners
RETURN total, CASE WHEN p IS NULL THEN null ELSE {
  record: p.id,
  roles: [(p)-[:ROLE]->(rp) | rp.id],
  sources: [(p)-[:EVIDENCE]->(xep:SourceExcerpt)-[:EXCERPT_OF]->(xdp:SourceDocument) | {url: xdp.sourceUrl, quote: coalesce(xep.quote, head([k IN keys(xep) WHERE k STARTS WITH 'quote_' | xep[k]])), lang: CASE WHEN xep.quote IS NULL THEN head([k IN keys(xep) WHERE k STARTS WITH 'quote_' | substring(k, 6)]) ELSE 'en' END, retrieved: coalesce(xep.retrievedDate, xdp.retrievedDate), title: xdp.title, primary: xdp.primarySource}],
  actor: {id: a.id, name: a.name, labels: labels(a)},
  instrument: {record: i.id, id: i.id, name: i.name, labels: labels(i),
    sources: [(i)-[:EVIDENCE]->(xei:SourceExcerpt)-[:EXCERPT_OF]->(xdi:SourceDocument) | {url: xdi.sourceUrl, quote: coalesce(xei.quote, head([k IN keys(xei) WHERE k STARTS WITH 'quote_' | xei[k]])), lang: CASE WHEN xei.quote IS NULL THEN head([k IN keys(xei) WHERE k STARTS WITH 'quote_' | substring(k, 6)]) ELSE 'en' END, retrieved: coalesce(xei.retrievedDate, xdi.retrievedDate), title: xdi.title, primary: xdi.primarySource}]},
  domains: [(i)-[:COVERS_DOMAIN]->(d:CooperationDomain) | {id: d.id, name: d.name}],
  startDate: p.startDate, startDatePrecision: p.startDatePrecision, endDate: p.endDate, endDatePrecision: p.endDatePrecision, startDateFirst: p.startDateFirst, endDateLast: p.endDateLast, startDateFirstPrecision: p.startDateFirstPrecision, startDateBasis: p.startDateBasis, endDateBasis: p.endDateBasis,
  contribution: p.contribution, personnel: p.personnel, nationalOperation: p.nationalOperation, uncertainty: p.uncertainty,
  partnerCount: partnerCount,
  partners: partners
} END AS item
ORDER BY i.id, p.id
