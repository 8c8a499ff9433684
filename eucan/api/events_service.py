"""Events: summits, dialogue meetings, signatures, announcements, negotiations and meetings, with their sources."""

from __future__ import annotations

import bisect
from typing import Any, cast, get_args

from eucan.api import models as m
from eucan.api import rows as r
from eucan.api.kept import FULL_PASS_TIMEOUT_MS, kept
from eucan.api.provenance import (
    Provenance,
    check_date,
    kept_page,
    page,
    ref_json,
    require,
    sources_json,
    text_of,
    type_of,
)
from eucan.errors import QueryParameterError
from eucan.graph.store import GraphStore
from eucan.loaders.records import EventType
from eucan.queries.runner import run_named

__all__ = ["EVENT_TYPES", "get_event", "list_events_json"]

EVENT_TYPES: tuple[str, ...] = get_args(EventType)


def _refs(raw: list[r.RefRow] | None) -> list[dict[str, Any]]:
    """References as `m.Ref` serialises them, by id."""
    return sorted((ref_json(x) for x in raw or [] if x and x.get("id") is not None), key=lambda x: x["id"])


def _summary(raw: r.EventRow, sources: list[dict[str, Any]], *, listed: bool) -> dict[str, Any]:
    """An event as `m.EventSummary` serialises it (plain JSON values), with all its `sources` (`sources_json`);
    `listed` (a list answer): at most `m.LIST_ITEMS` participants and `m.LIST_SOURCES` sources."""
    instruments = _refs(raw.get("instruments"))
    participants = _refs(raw.get("participants"))
    return {
        "id": raw["id"],
        "name": raw.get("name"),
        "type": type_of(raw.get("labels")),
        "date": raw.get("date"),
        "date_precision": raw.get("datePrecision"),
        "place": text_of(raw.get("place")),
        "instrument": instruments[0] if instruments else None,
        "participants": participants[: m.LIST_ITEMS] if listed else participants,
        "participant_count": len(participants),
        "sources": sources[: m.LIST_SOURCES] if listed else sources,
        "source_count": len(sources),
    }


def list_events_json(
    *,
    store: GraphStore,
    type: str | None,
    actor: str | None,
    instrument: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
    offset: int,
) -> tuple[list[dict[str, Any]], int]:
    """Events oldest first; `date_from`/`date_to` inclusive, on the event's date as stored; as plain JSON values
    in `m.EventSummary`'s shape (a page of 50 events built as models cost about as much as the engine's work; a
    test checks they are exactly what the models serialise)."""
    if type is not None and type not in EVENT_TYPES:
        raise QueryParameterError(f"type must be one of {', '.join(EVENT_TYPES)} (got {type!r})")
    date_from = check_date("from", date_from)
    date_to = check_date("to", date_to)
    if actor:
        require(store, actor, "Actor", "actor", "actor")
    if instrument:
        require(store, instrument, "Instrument", "instrument", "instrument")
    if date_from and date_to and date_from > date_to:
        return [], 0  # an empty range (from after to) holds no events, as in SQL's BETWEEN
    params = {"type": type, "actor": actor, "instrument": instrument, "date_from": date_from, "date_to": date_to}
    # With an actor or an instrument, the query starts from it (index lookup) instead of reading every event.
    if actor or instrument:
        items, total = page(store, "api_events_anchored", {**params, "anchor": actor or instrument}, limit, offset)
    elif date_from or date_to:
        items, total = _dated_page(store, type, date_from, date_to, limit, offset)
    else:
        items, total = kept_page(store, "api_event_ids", "api_events_by_ids", {"type": type}, limit, offset)
    # Each list query brings the events' sources itself (one engine round trip a page).
    return [
        _summary(cast(r.EventRow, raw), sources_json(raw.get("sources") or []), listed=True) for raw in items
    ], total


class _Dated:
    """The dated events of one type in list order (date, then id), with their dates for bisection."""

    def __init__(self, pairs: list[list[str]]) -> None:
        self.dates = [str(date) for date, _ in pairs]
        self.ids = [str(event) for _, event in pairs]

    def window(self, date_from: str | None, date_to: str | None) -> list[str]:
        """The ids dated from `date_from` to `date_to`, both included (as stored: a partial date's first day)."""
        lo = bisect.bisect_left(self.dates, date_from) if date_from else 0
        hi = bisect.bisect_right(self.dates, date_to) if date_to else len(self.dates)
        return self.ids[lo:hi]


def _dated_page(
    store: GraphStore, type: str | None, date_from: str | None, date_to: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """A page of the events dated within a window: cut by bisection from the dated events kept per loaded graph
    and type (one pass per load, not one per request), the page's items read by id."""

    def compute() -> _Dated:
        rows = run_named(store=store, name="api_event_dates", params={"type": type}, timeout_ms=FULL_PASS_TIMEOUT_MS)
        return _Dated(list(rows.rows[0][0] or []) if rows.rows else [])

    ids = kept(store, "api_event_dates", {"type": type}, compute).window(date_from, date_to)
    chunk = ids[offset : offset + limit]
    if not chunk:
        return [], len(ids)
    by_id = {
        row["item"]["id"]: row["item"]
        for row in run_named(store=store, name="api_events_by_ids", params={"ids": chunk}).records()
    }
    return [by_id[i] for i in chunk if i in by_id], len(ids)


def get_event(*, store: GraphStore, event_id: str) -> m.EventDetail:
    rows = run_named(store=store, name="api_event", params={"id": event_id}).rows
    if not rows:
        require(store, event_id, "Event", "event")
    raw = cast(r.EventRow, rows[0][0])
    prov = Provenance(store, raw)
    return m.EventDetail(
        **_summary(raw, prov.sources_json(raw["id"]), listed=False),
        uri=raw.get("uri"),
        description=text_of(raw.get("description")),
        note=text_of(raw.get("note")),
        uncertainty=text_of(raw.get("uncertainty")),
        domains=sorted(
            (m.DomainRef(id=d["id"], name=d.get("name")) for d in raw.get("domains") or []), key=lambda d: d.id
        ),
    )
