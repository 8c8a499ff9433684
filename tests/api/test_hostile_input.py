"""A tiny request must not stall the engine: what a request can vary freely (an as_of day, an unknown id)
costs no pass over the whole graph, and a failed pass leaves nothing behind.

These tests count the engine's queries (a real store, wrapped to count), not time.
"""

from __future__ import annotations

import threading
from typing import Any, cast

import pytest
from fastapi.testclient import TestClient

from eucan.api import kept as kept_module
from eucan.api.cooperation_service import cooperation_json
from eucan.api.main import create_app
from eucan.api.moved import former_ids
from eucan.graph.store import GraphStore, QueryResult
from eucan.queries.catalog import get_query
from eucan.queries.runner import run_named
from eucan.settings import Settings


class CountingStore:
    """A real store whose `run` calls are counted by query text (everything else is the store's own)."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self.texts: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def run(self, text: str, params: dict[str, Any] | None = None, **options: Any) -> QueryResult:
        self.texts.append(text)
        return self._store.run(text, params, **options)

    def count(self, name: str) -> int:
        text = get_query(name, backend=self._store.backend).text
        return sum(t == text for t in self.texts)


def _total(store: Any, **filters: str | None) -> int:
    params: dict[str, Any] = {"actor": None, "partner": None, "domain": None, "instrument_type": None, "as_of": None}
    _, total = cooperation_json(store=store, **{**params, **filters}, limit=3, offset=0)
    return total


def test_a_flood_of_as_of_days_costs_one_pass(store: GraphStore) -> None:
    counting = CountingStore(store)
    days = [f"{year}-{month:02d}-15" for year in range(1990, 2030, 2) for month in (1, 6, 12)]
    totals = {day: _total(counting, as_of=day) for day in days}
    assert counting.count("api_cooperation_periods") == 1  # one pass for every day
    assert _total(counting) > max(totals.values()) > min(totals.values())  # the days do filter
    for day in ("1995-01-01", "2016-12-31", "2024-01-01"):  # each day's count is the engine's own as-of rule
        reference = run_named(
            store=store,
            name="api_cooperation",
            params={"partner": None, "domain": None, "instrument_type": None, "as_of": day, "offset": 0, "limit": 1},
        ).records()
        assert _total(counting, as_of=day) == reference[0]["total"]
    assert counting.count("api_cooperation_periods") == 1


def test_the_periods_pass_reads_actors_in_chunks_with_the_same_counts(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At a million facts the periods are larger than one engine answer: they are read in chunks of actors."""
    from eucan.api import cooperation_service

    actors = int(store.run("MATCH (a:Actor) RETURN count(a)").rows[0][0])
    monkeypatch.setattr(cooperation_service, "PERIODS_CHUNK", 7)
    counting = CountingStore(store)
    for day in ("1995-01-01", "2016-12-31", "2024-01-01"):
        reference = run_named(
            store=store,
            name="api_cooperation",
            params={"partner": None, "domain": None, "instrument_type": None, "as_of": day, "offset": 0, "limit": 1},
        ).records()
        assert _total(counting, as_of=day) == reference[0]["total"]
        page, _ = cooperation_json(
            store=counting,  # type: ignore[arg-type]
            actor=None,
            partner=None,
            domain=None,
            instrument_type=None,
            as_of=day,
            limit=500,
            offset=0,
        )
        assert [row["record"] for row in page] == [
            r["item"]["record"]
            for r in run_named(
                store=store,
                name="api_cooperation",
                params={
                    "partner": None,
                    "domain": None,
                    "instrument_type": None,
                    "as_of": day,
                    "offset": 0,
                    "limit": 500,
                },
            ).records()
            if r["item"]
        ]
    assert counting.count("api_cooperation_periods") == actors // 7 + 1  # one pass, chunk by chunk


def test_as_of_days_with_a_type_share_that_types_pass(store: GraphStore) -> None:
    counting = CountingStore(store)
    for day in ("2005-01-01", "2010-01-01", "2020-01-01", "2021-01-01"):
        _total(counting, instrument_type="CsdpMission", as_of=day)
    assert counting.count("api_cooperation_periods") == 1


def test_unknown_ids_are_looked_up_not_scanned(store: GraphStore, settings: Settings) -> None:
    counting = CountingStore(store)
    with TestClient(create_app(settings, store=counting)) as own:  # type: ignore[arg-type]
        for k in range(20):
            assert own.get(f"/api/v1/actors/nobody-{k}", follow_redirects=False).status_code == 404
            assert own.get(f"/id/tenure/nobody-{k}", follow_redirects=False).status_code == 404
        moved = own.get("/api/v1/actors/canada-hybrid-coe", follow_redirects=False)
        assert moved.status_code == 301
    assert counting.count("api_moved") == 1  # the former ids are read once per loaded graph, whatever the 404s
    assert former_ids(cast(GraphStore, counting))["canada-hybrid-coe"].id == "hybrid-coe-membership-canada"
    assert counting.count("api_moved") == 1


@pytest.mark.parametrize(
    ("path", "location"),
    [
        # a former membership id under the actors' route goes to the membership, which answers
        ("/api/v1/actors/canada-hybrid-coe", "/id/membership/hybrid-coe-membership-canada"),
        ("/api/v1/actors/canada-hybrid-coe/partners", "/id/membership/hybrid-coe-membership-canada"),
        ("/api/v1/instruments/pesco-member-austria", "/id/participation/part-austria-pesco"),
        ("/id/actor/canada-hybrid-coe", "/id/membership/hybrid-coe-membership-canada"),
        ("/page/actor/canada-hybrid-coe", "/page/membership/hybrid-coe-membership-canada"),
        ("/data/actor/pesco-member-austria.ttl", "/data/participation/part-austria-pesco.ttl"),
        # the right kind keeps its route
        ("/api/v1/instruments/cd-2021-748", "/api/v1/instruments/la-2021-748-cfsp"),
        ("/id/membership/canada-hybrid-coe", "/id/membership/hybrid-coe-membership-canada"),
    ],
)
def test_a_former_id_goes_to_its_kinds_route(client: TestClient, path: str, location: str) -> None:
    moved = client.get(path, follow_redirects=False)
    assert moved.status_code == 301, path
    assert moved.headers["location"] == location
    final = client.get(location, headers={"Accept": "text/turtle"}, follow_redirects=False)
    assert final.status_code in (200, 303), location


def test_a_failed_pass_leaves_no_lock_behind(store: GraphStore) -> None:
    calls = []

    def failing() -> int:
        calls.append(1)
        raise RuntimeError("the pass failed")

    for _ in range(2):  # the second request tries again: nothing was kept and no lock stays
        with pytest.raises(RuntimeError):
            kept_module.kept(store, "test_failing_pass", {"k": 1}, failing)
    assert len(calls) == 2
    assert not [key for key in kept_module._COMPUTING if "test_failing_pass" in key]
    assert kept_module.kept(store, "test_failing_pass", {"k": 1}, lambda: 7) == 7


def test_concurrent_first_requests_make_one_pass(store: GraphStore) -> None:
    calls = []
    gate = threading.Event()

    def slow() -> int:
        calls.append(1)
        gate.wait(5)
        return 42

    results: list[int] = []
    threads = [
        threading.Thread(target=lambda: results.append(kept_module.kept(store, "test_one_pass", {}, slow)))
        for _ in range(4)
    ]
    for t in threads:
        t.start()
    gate.set()
    for t in threads:
        t.join(10)
    assert results == [42] * 4 and len(calls) == 1
    assert not [key for key in kept_module._COMPUTING if "test_one_pass" in key]


def test_a_graph_without_a_token_has_none(store: GraphStore) -> None:
    from eucan.graph.loads import LoadInfo

    info = LoadInfo.from_row([1, "2026-01-01T00:00:00+00:00", "x", 1, 0, None])
    assert info.token == ""  # not the text "None", which would key kept figures like a real load
    assert kept_module.load_token(store) == store.load_generation().token  # type: ignore[union-attr]
