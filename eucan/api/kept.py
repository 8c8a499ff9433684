"""What the API keeps for one loaded graph: figures that cost a pass over the whole graph to compute.

A graph changes only when a load (full or incremental) writes a new one, and every load writes a new
token in its `LoadInfo` node. A list without a selective filter (all actors by name, the whole
cooperation list) must know the order of every item, and sorting or counting them all again for each
page costs more than the page itself at a million facts. So such an order (or the per-actor periods
of the cooperation list, or the table of former ids) is computed once per store, loaded graph and
filters, kept here (the 128 most recently used), and a page then reads only its own items. A request
reads the token first (`store.load_generation()`, one small query), so the request after a load already
uses the new graph; a list page whose own query returns the graph's token with its items (`kept_page`)
instead starts from the figure kept for the graph this process saw last (`peek`) and keeps the page only
if its query read that same token: one engine round trip, and a page made of one graph's order and the
same graph's items even when a load replaces the graph meanwhile. A graph without a token (none loaded
by `eucan load`) is never kept: every request computes afresh.

Only filters that name something in the graph (a type, a domain) key a kept figure; a value a request
can vary freely (an `as_of` day) never does, or a flood of distinct values would cost a full pass each.
"""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from eucan.graph.store import GraphStore
from eucan.queries.runner import run_named

__all__ = ["FREEZE", "FULL_PASS_TIMEOUT_MS", "KEPT", "kept", "load_token", "ordered_ids", "peek"]

T = TypeVar("T")

KEPT = 128
"""How many kept figures stay in memory (most are a list of ids or counts, ~0.1-5 MB at a million facts; the
list endpoints' filters that name a type or a domain, a few dozen, each keep their own)."""
FULL_PASS_TIMEOUT_MS = 60_000
"""A pass over the whole graph may take longer than a page query's time limit (a few s at a million facts)."""

FREEZE = False
"""Set by a server (`eucan serve`): each kept figure, once built, is moved out of the collector's sight
(`gc.freeze()`). At a million facts the kept figures hold lists of ~100,000 ids, periods of 60,000 actors:
a full collection that walks them costs ~50 ms per 100,000 facts (measured: 56 ms at 100 k), and lands, under
the interpreter lock, on whichever requests are running. Kept figures hold no reference cycles, so freed
ones (a new load's) are still released by reference counting. Tests leave it off."""

_KEPT: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_LOCK = threading.Lock()
_COMPUTING: dict[tuple[Any, ...], threading.Lock] = {}


_SEEN: dict[int, str] = {}
"""The token of the graph each store (by `id`) held when this process last read it: a guess that lets a page
whose query reads the token itself skip the separate read (`peek`, `kept_page`); never trusted unchecked."""


def load_token(store: GraphStore) -> str | None:
    """The token of the load that wrote the live graph; None when there is none (nothing is kept then)."""
    info = store.load_generation()
    token = info.token if info is not None and info.token else None
    if token is not None:
        _SEEN[id(store)] = token
    return token


def _key(store: GraphStore, token: str | None, what: str, params: dict[str, Any]) -> tuple[Any, ...]:
    return (id(store), token, what, tuple(sorted(params.items())))


def peek(store: GraphStore, what: str, params: dict[str, Any]) -> tuple[str, Any] | None:
    """The figure kept for `what` and `params` on the graph this process last saw loaded, with that graph's
    token, without asking the engine; None when none is kept. The caller must check the token against the one
    its own query reads (the graph may have been replaced since), and fall back to `kept` when they differ."""
    token = _SEEN.get(id(store))
    if token is None:
        return None
    key = _key(store, token, what, params)
    with _LOCK:
        if key not in _KEPT:
            return None
        _KEPT.move_to_end(key)
        return token, _KEPT[key]


def kept(
    store: GraphStore, what: str, params: dict[str, Any], compute: Callable[[], T], *, token: str | None = None
) -> T:
    """`compute()` for this store, loaded graph, `what` and `params`, computed once and kept (`token`: the
    graph's, when the caller has just read it; else it is read here)."""
    token = token or load_token(store)
    key = _key(store, token, what, params)
    if token is None:
        return compute()
    with _LOCK:
        if key in _KEPT:
            _KEPT.move_to_end(key)
            found: T = _KEPT[key]
            return found
        computing = _COMPUTING.setdefault(key, threading.Lock())
    try:
        with computing:  # concurrent first requests for one key wait for one pass rather than each making it
            with _LOCK:
                if key in _KEPT:
                    again: T = _KEPT[key]
                    return again
            value = compute()
            with _LOCK:
                _KEPT[key] = value
                while len(_KEPT) > KEPT:
                    _KEPT.popitem(last=False)
            if FREEZE:
                gc.freeze()
            return value
    finally:
        with _LOCK:  # kept or failed, the key's lock goes (a pass that raised is tried again by the next request)
            if _COMPUTING.get(key) is computing:
                del _COMPUTING[key]


def ordered_ids(store: GraphStore, name: str, params: dict[str, Any], *, token: str | None = None) -> list[str]:
    """The ids a list query `name` (returning one row, `ids`) gives, in its order, kept per loaded graph."""

    def compute() -> list[str]:
        rows = run_named(store=store, name=name, params=params, timeout_ms=FULL_PASS_TIMEOUT_MS).rows
        return [str(i) for i in (rows[0][0] or [])] if rows else []

    return kept(store, name, params, compute, token=token)
