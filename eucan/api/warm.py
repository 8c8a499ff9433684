"""Warm the kept figures of the loaded graph before readers ask, so no request pays a pass over the graph.

The list endpoints page from orders and counts `kept` per loaded graph and filter (`eucan/api/kept.py`).
Without warming, the first request for each filter that names a type or a domain (a few dozen of them)
pays the pass that builds its figure: seconds at a million facts, which lands in the p99 of every list.
A server (`eucan serve`) therefore starts a `Warmer` thread: it builds every such figure once the
server is up, then reads the load token every few seconds and builds them again for a new load (an
`eucan load` while the server runs), so the first readers of the new graph do not pay either.

Warming goes through the same service functions the routes call (the first page of each list under
each filter), so it keeps exactly the figures a request would keep, under the same keys, and computes
nothing a request would not. An `as_of` day keys no figure (see `kept.py`), so only the periods pass of
the whole cooperation list is warmed for it. A graph without a load token keeps nothing: there is
nothing to warm. A warming pass that fails is logged and left to the next request, as before.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import partial
from typing import Any, get_args

from eucan.api.actor_service import list_actors
from eucan.api.cooperation_service import cooperation_json
from eucan.api.events_service import EVENT_TYPES, list_events_json
from eucan.api.instrument_service import MAX_DOMAINS, list_domains_json, list_instruments
from eucan.api.kept import load_token
from eucan.api.moved import former_ids
from eucan.api.provenance import HINTED_LABELS, candidates
from eucan.errors import EucanError
from eucan.graph.store import GraphStore
from eucan.loaders.records import ActorType, InstrumentType

__all__ = ["POLL_S", "Warmer", "warm"]

log = logging.getLogger(__name__)

POLL_S = 5.0
"""How often (seconds) a warmer reads the load token to find a new load."""

_WARM_DAY = "2000-01-01"
"""Any day: the whole cooperation list's periods pass (kept for every as_of day) is made by the first one."""


def _steps(store: GraphStore) -> list[tuple[str, Callable[[], object]]]:
    """Each figure to warm, as the first page of the list that keeps it (cheapest and most asked first)."""
    first: dict[str, Any] = {"limit": 1, "offset": 0}
    no_anchor: dict[str, Any] = {"actor": None, "instrument": None, "date_to": None}
    whole = partial(cooperation_json, store=store, actor=None, partner=None, **first)
    steps: list[tuple[str, Callable[[], object]]] = [
        ("former ids", partial(former_ids, store)),
        ("domains", partial(list_domains_json, store=store, **first)),
    ]
    # a 404's hint reads every id and name of a kind (`provenance.candidates`): seconds at a million facts
    steps += [(f"ids of {label}", partial(candidates, store, label)) for label in HINTED_LABELS]
    steps += [
        (f"actors type={t}", partial(list_actors, store=store, type=t, **first)) for t in (None, *get_args(ActorType))
    ]
    steps += [
        (f"events type={t}", partial(list_events_json, store=store, type=t, date_from=None, **no_anchor, **first))
        for t in (None, *EVENT_TYPES)
    ]
    steps.append(
        ("events dated", partial(list_events_json, store=store, type=None, date_from=_WARM_DAY, **no_anchor, **first))
    )
    steps += [
        (f"instruments type={t}", partial(list_instruments, store=store, type=t, domain=None, **first))
        for t in (None, *get_args(InstrumentType))
    ]
    domains = [str(d["id"]) for d in list_domains_json(store=store, limit=MAX_DOMAINS, offset=0)[0]]
    steps += [
        (f"instruments domain={d}", partial(list_instruments, store=store, type=None, domain=d, **first))
        for d in domains
    ]
    steps.append(("cooperation", partial(whole, domain=None, instrument_type=None, as_of=None)))
    steps.append(("cooperation as_of", partial(whole, domain=None, instrument_type=None, as_of=_WARM_DAY)))
    steps += [
        (f"cooperation instrument_type={t}", partial(whole, domain=None, instrument_type=t, as_of=None))
        for t in get_args(InstrumentType)
    ]
    steps += [(f"cooperation domain={d}", partial(whole, domain=d, instrument_type=None, as_of=None)) for d in domains]
    return steps


def warm(store: GraphStore, stop: threading.Event | None = None) -> int:
    """Build every kept figure of the live graph (each once per load: `kept`); return how many steps ran."""
    if load_token(store) is None:
        return 0  # nothing is kept for a graph without a token
    done = 0
    for what, step in _steps(store):
        if stop is not None and stop.is_set():
            break
        try:
            step()
        except EucanError as exc:  # e.g. a pass past its time limit: the next request for it tries again
            log.warning("warming the kept %s failed: %s", what, exc)
        done += 1
    return done


class Warmer:
    """A daemon thread that warms the live graph's kept figures now and again after each new load."""

    def __init__(self, store: GraphStore, poll_s: float = POLL_S) -> None:
        self.store = store
        self.poll_s = poll_s
        self.warmed: str | None = None
        """The load token whose figures are all built (None until the first warming ends)."""
        self.ready = threading.Event()
        """Set while the live load's figures are all built (cleared while a new load's are being built)."""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="eucan-warm", daemon=True)

    def start(self) -> Warmer:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                token = load_token(self.store)
                if token != self.warmed:
                    self.ready.clear()
                    warm(self.store, self._stop)  # each figure is frozen as `kept` builds it (kept.FREEZE)
                    self.warmed = token
                self.ready.set()
            except EucanError as exc:  # engine away or graph not loaded yet: try again at the next poll
                log.debug("warming skipped: %s", exc)
            except Exception as exc:  # noqa: BLE001 - e.g. the store closed under a pass at shutdown: no traceback
                log.warning("warming stopped for this poll: %s: %s", type(exc).__name__, exc)
            self._stop.wait(self.poll_s)
