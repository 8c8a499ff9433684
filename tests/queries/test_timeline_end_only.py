"""A fact whose sources give only its end is one dated row in every timeline, not also an undated start.

The curated data has no such fact left undated (each end-only participation there takes its start from its
instrument), so the case is built here: a participation in an instrument with no dates, a membership and a
post held, each with an end and no start. The catalog's `actor_timeline` and `instrument_timeline` and the
API's `api_timeline` must each show the end and nothing undated for them (before 2026-12-03 the catalog
added a "(dates not stated)" row with date null beside the end).
"""

from __future__ import annotations

from eucan.graph.falkordb_store import FalkorDBStore
from eucan.queries.runner import run_named

GRAPH = """
CREATE (a:Resource:Actor:State {id: 'ruritania', name: 'Ruritania'}),
       (o:Resource:Actor:Organisation {id: 'league', name: 'League'}),
       (i:Resource:Instrument:Agreement {id: 'old-pact', name: 'Old Pact'}),
       (r:Resource:ParticipantRole {id: 'party'}),
       (post:Resource:Post {id: 'envoy', name: 'Envoy'}),
       (p:Resource:Fact:Participation {id: 'part-ruritania-old-pact', endDate: '2010-05-31', endDatePrecision: 'day',
                                       endDateLast: '2010-05-31'}),
       (m:Resource:Fact:Membership {id: 'mem-ruritania-league', endDate: '2012', endDatePrecision: 'year'}),
       (t:Resource:Fact:Tenure {id: 'ten-ruritania-envoy', endDate: '2014-02-01', endDatePrecision: 'day'}),
       (p)-[:PARTICIPANT]->(a), (p)-[:INSTRUMENT]->(i), (p)-[:ROLE]->(r),
       (m)-[:MEMBER]->(a), (m)-[:ORGANISATION]->(o),
       (t)-[:HOLDER]->(a), (t)-[:POST]->(post)
"""
RECORDS = {"part-ruritania-old-pact": "2010-05-31", "mem-ruritania-league": "2012", "ten-ruritania-envoy": "2014-02-01"}


def test_end_only_facts_have_their_end_and_no_undated_row(fresh_store: FalkorDBStore) -> None:
    fresh_store.run(GRAPH, read_only=False)
    actor = run_named(store=fresh_store, name="actor_timeline", params={"actor": "ruritania"}).records()
    assert sorted(((r["record"], r["date"]) for r in actor), key=repr) == sorted(RECORDS.items())
    instrument = run_named(store=fresh_store, name="instrument_timeline", params={"instrument": "old-pact"}).records()
    assert [(r["record"], r["date"]) for r in instrument if r["actor"]] == [("part-ruritania-old-pact", "2010-05-31")]
    api = run_named(
        store=fresh_store,
        name="api_timeline",
        params={"actor": "ruritania", "date_from": None, "date_to": None, "offset": 0, "limit": 50},
    ).records()
    items = [r["item"] for r in api]
    assert sorted(((x["record"], x["date"]) for x in items), key=repr) == sorted(RECORDS.items())
