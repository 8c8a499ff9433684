"""A kept list's page is read in one engine round trip, and is of one graph even when the graph changed.

`kept_page` starts from the order kept for the graph this process saw last and keeps the page only if its
items query, which reads the graph's load token itself, read that same graph (eucan/api/kept.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from eucan.api import kept
from eucan.api.actor_service import list_actors
from eucan.api.events_service import list_events_json
from eucan.api.instrument_service import list_instruments
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.graph.store import LoadInfo, QueryResult


class CountingStore:
    """The real store, counting the engine round trips made through it."""

    def __init__(self, store: FalkorDBStore) -> None:
        self._store = store
        self.calls: list[str] = []

    def run(self, query: str, params: Mapping[str, Any] | None = None, **options: Any) -> QueryResult:
        self.calls.append(query)
        return self._store.run(query, params, **options)

    def load_generation(self) -> LoadInfo | None:
        self.calls.append("load_generation")
        return self._store.load_generation()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def test_a_kept_page_is_one_round_trip_once_the_graph_is_seen(store: FalkorDBStore) -> None:
    counting = CountingStore(store)
    first, total = list_actors(store=counting, type=None, limit=5, offset=3)
    assert "load_generation" in counting.calls  # the first page reads the token (and keeps the order)
    pages: list[Callable[[], object]] = [
        partial(list_actors, store=counting, type=None, limit=5, offset=3),
        partial(list_instruments, store=counting, type=None, domain=None, limit=5, offset=0),
        partial(
            list_events_json,
            store=counting,
            type=None,
            actor=None,
            instrument=None,
            date_from=None,
            date_to=None,
            limit=5,
            offset=0,
        ),
    ]
    for page in pages:
        page()  # kept now
        counting.calls.clear()
        page()
        assert len(counting.calls) == 1 and counting.calls[0] != "load_generation", counting.calls
    again, total_again = list_actors(store=counting, type=None, limit=5, offset=3)
    assert (again, total_again) == (first, total)


def test_a_page_from_an_order_kept_for_another_graph_is_read_again(store: FalkorDBStore) -> None:
    """The order kept for the graph seen last is a guess: here it is of a graph that is no longer there (another
    token, the ids in reverse). The page must be the live graph's, as if nothing had been kept."""
    expected = list_actors(store=store, type=None, limit=4, offset=0)
    live = kept.load_token(store)
    assert live is not None and expected[0]
    ids = kept.ordered_ids(store, "api_actor_ids", {"type": None})
    stale = "0" * len(live)
    kept.kept(store, "api_actor_ids", {"type": None}, lambda: list(reversed(ids)), token=stale)
    kept._SEEN[id(store)] = stale  # as if this process last saw a graph a load has since replaced
    try:
        assert list_actors(store=store, type=None, limit=4, offset=0) == expected
        assert kept._SEEN[id(store)] == live  # and the token seen is the live one again
        kept._SEEN[id(store)] = stale
        assert list_actors(store=store, type=None, limit=4, offset=len(ids) + 10) == ([], len(ids))
        # an order whose ids are none of the live graph's: the items query finds nothing, which proves nothing
        gone = "f" * len(live)
        kept.kept(store, "api_actor_ids", {"type": None}, lambda: [f"gone-{i}" for i in ids], token=gone)
        kept._SEEN[id(store)] = gone
        assert list_actors(store=store, type=None, limit=4, offset=0) == expected
    finally:
        kept._SEEN[id(store)] = live
