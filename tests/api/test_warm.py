"""A server warms the kept orders of its lists before readers ask (and again after each load): warmed, the
first request of a list under any type or domain filter makes no pass over the graph. Counted, not timed."""

from __future__ import annotations

import dataclasses
import gc
import time
from collections.abc import Iterator
from typing import Any, cast

import pytest
from fastapi.testclient import TestClient

from eucan.api import kept as kept_module
from eucan.api.main import create_app
from eucan.api.warm import Warmer, warm
from eucan.graph.store import GraphStore
from eucan.queries.runner import run_named
from eucan.settings import Settings
from tests.api.test_hostile_input import CountingStore

V1 = "/api/v1"
LOCAL = "http://localhost"
PASSES = (
    "api_actor_ids",
    "api_instrument_ids",
    "api_instrument_ids_in_domain",
    "api_event_ids",
    "api_event_dates",
    "api_cooperation_counts",
    "api_cooperation_counts_in_domain",
    "api_cooperation_periods",
    "api_moved",
)
REQUESTS = (
    "/actors?type=State",
    "/actors?offset=50",
    "/instruments?type=PescoProject",
    "/instruments?domain=maritime-security&offset=50",
    "/events?offset=5",
    "/events?from=2020-01-01&to=2020-12-31",
    "/cooperation?offset=100",
    "/cooperation?domain=crisis-management",
    "/cooperation?instrument_type=CsdpMission",
    "/cooperation?as_of=2016-06-30",
    "/actors/no-such-actor",
)


class NewLoadStore(CountingStore):
    """A real store that reports another load token after `new_load()` (as after an `eucan load`)."""

    def __init__(self, store: GraphStore) -> None:
        super().__init__(store)
        self.loads = 0

    def new_load(self) -> None:
        self.loads += 1

    def load_generation(self) -> Any:
        info = self._store.load_generation()
        return dataclasses.replace(info, token=f"{info.token}-{self.loads}") if info else None


@pytest.fixture(autouse=True)
def nothing_kept() -> Iterator[None]:
    """Each test starts with nothing kept (a wrapper's id may be an earlier, freed wrapper's)."""
    with kept_module._LOCK:
        kept_module._KEPT.clear()
    yield


def _passes(counting: CountingStore) -> dict[str, int]:
    return {name: counting.count(name) for name in PASSES}


def test_warmed_lists_make_no_pass(store: GraphStore, settings: Settings) -> None:
    counting = CountingStore(store)
    assert warm(counting) > 40  # type: ignore[arg-type]
    warmed = _passes(counting)
    assert all(warmed.values()), warmed  # each kind of pass was made while warming
    with TestClient(create_app(settings, store=cast(GraphStore, counting), warm=False), base_url=LOCAL) as client:
        for path in REQUESTS:
            assert client.get(V1 + path).status_code in (200, 404), path
    assert _passes(counting) == warmed  # no request paid a pass


def test_a_server_warms_again_after_a_new_load(store: GraphStore, settings: Settings) -> None:
    counting = NewLoadStore(store)
    warmer = Warmer(counting, poll_s=0.05).start()  # type: ignore[arg-type]
    try:
        assert warmer.ready.wait(60)
        first = _passes(counting)
        counting.new_load()  # the next poll sees the new token, warms again, then says ready
        deadline = time.monotonic() + 60
        while not (warmer.warmed == counting.load_generation().token and warmer.ready.is_set()):
            assert time.monotonic() < deadline, "the new load was not warmed within 60 s"
            time.sleep(0.05)
        again = _passes(counting)
        assert all(again[name] == 2 * first[name] for name in PASSES), (first, again)
    finally:
        warmer.stop()
    with TestClient(create_app(settings, store=cast(GraphStore, counting), warm=False), base_url=LOCAL) as client:
        for path in REQUESTS:
            client.get(V1 + path)
    assert _passes(counting) == again  # the new load's figures were all warmed


def test_a_warming_server_says_so_in_health(store: GraphStore, settings: Settings) -> None:
    with TestClient(create_app(settings, store=store, warm=True), base_url=LOCAL) as client:
        warmer = client.app.state.warmer
        assert warmer.ready.wait(60)
        assert client.get(f"{V1}/health").json()["warm"] is True
    with TestClient(create_app(settings, store=store), base_url=LOCAL) as client:
        assert "warm" not in client.get(f"{V1}/health").json()  # an app given a store (tests) does not warm


@pytest.mark.parametrize("instrument_type", [None, "PescoProject"])
def test_domain_counts_start_from_the_domain_and_agree(store: GraphStore, instrument_type: str | None) -> None:
    domains = [str(r[0]) for r in store.run("MATCH (d:CooperationDomain) RETURN d.id ORDER BY d.id").rows]
    assert len(domains) >= 10
    for domain in domains:
        params = {"domain": domain, "instrument_type": instrument_type}
        everywhere = run_named(store=store, name="api_cooperation_counts", params=params).rows
        from_domain = run_named(store=store, name="api_cooperation_counts_in_domain", params=params).rows
        assert from_domain == everywhere, domain


def test_a_servers_kept_figures_are_out_of_the_collectors_sight(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server freezes each kept figure once built: a full collection does not walk it (no pause per request)."""
    monkeypatch.setattr(kept_module, "FREEZE", False)
    loose = kept_module.kept(store, "test_loose_figure", {}, lambda: [["a", 1]])
    assert any(o is loose for o in gc.get_objects())
    monkeypatch.setattr(kept_module, "FREEZE", True)
    try:
        frozen = kept_module.kept(store, "test_frozen_figure", {}, lambda: [["b", 2]])
        assert gc.get_freeze_count() > 0
        assert not any(o is frozen for o in gc.get_objects())
    finally:
        gc.unfreeze()  # the test process goes on collecting as before
