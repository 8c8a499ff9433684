"""Who cooperates with whom on what, since when: cooperation rows, partners, timelines."""

from __future__ import annotations

import bisect
import threading
from collections import OrderedDict
from typing import Any, cast, get_args

from pydantic import TypeAdapter

from eucan.api import models as m
from eucan.api import rows as r
from eucan.api.kept import FULL_PASS_TIMEOUT_MS, kept
from eucan.api.provenance import (
    Provenance,
    check_date,
    listed_own,
    page,
    paged,
    period_json,
    ref,
    ref_json,
    require,
    text_of,
    type_of,
)
from eucan.dates import PeriodCounts
from eucan.echo import clip
from eucan.errors import QueryParameterError
from eucan.graph.store import GraphStore
from eucan.loaders.records import InstrumentType
from eucan.queries.runner import run_named

__all__ = ["RowCounts", "cooperation", "cooperation_json", "partners", "partners_json", "row_counts", "timeline"]


# -- cooperation and partners ------------------------------------------------------------------


def cooperation(
    *,
    store: GraphStore,
    actor: str | None,
    partner: str | None,
    domain: str | None,
    instrument_type: str | None,
    as_of: str | None,
    limit: int,
    offset: int,
) -> tuple[list[m.CooperationRow], int]:
    """`cooperation_json`'s rows as models (the explorer's pages use them)."""
    rows, total = cooperation_json(
        store=store,
        actor=actor,
        partner=partner,
        domain=domain,
        instrument_type=instrument_type,
        as_of=as_of,
        limit=limit,
        offset=offset,
    )
    return _COOPERATION_ROWS.validate_python(rows), total


_COOPERATION_ROWS = TypeAdapter(list[m.CooperationRow])


def cooperation_json(
    *,
    store: GraphStore,
    actor: str | None,
    partner: str | None,
    domain: str | None,
    instrument_type: str | None,
    as_of: str | None,
    limit: int,
    offset: int,
) -> tuple[list[dict[str, Any]], int]:
    """Who cooperates with whom on what: one row per participation, with partners, domains, period, sources,
    as plain JSON values in `m.CooperationRow`'s shape.

    The hot path of the API, so it does the least work that gives the same answer: with `actor`, the page query
    itself tells an unknown actor (no row at all), so the existence check runs only to word the 404; with
    `partner`, the query starts from the partner; without either, per-actor row counts kept for the loaded
    graph say which actors a page needs; the page query brings the roles and sources of its rows itself (one
    engine round trip per page; a list answer shows at most `m.LIST_ITEMS` partners and `m.LIST_SOURCES`
    sources of the row and of its instrument, with their counts, and each partner's number of sources, not the
    sources themselves: a partner's sources are its record's, /id/participation/{record}); and the rows are plain dicts, not models (a page holds ~2,000 nested objects: building a pydantic model for
    each cost more than the engine's work); a test checks they are exactly what the models serialise.
    """
    as_of = check_date("as_of", as_of)
    if instrument_type is not None and instrument_type not in get_args(InstrumentType):
        raise QueryParameterError(
            f"instrument_type must be one of {', '.join(get_args(InstrumentType))} (got {clip(instrument_type)})"
        )
    filters = {"domain": domain, "instrument_type": instrument_type, "as_of": as_of}
    paging = {"limit": limit, "offset": offset, "partners_max": m.LIST_ITEMS}
    records: list[dict[str, Any]] = []
    if actor:
        records = run_named(
            store=store,
            name="api_cooperation_by_actor",
            params={**filters, **paging, "partner": partner, "actor": actor},
        ).records()
        if not records:
            require(store, actor, "Actor", "actor", "actor")
    for value, label, what, param in (
        (partner, "Actor", "actor", "partner"),
        (domain, "CooperationDomain", "cooperation domain", "domain"),
    ):
        if value:
            require(store, value, label, what, param)
    if not actor and partner:
        records = run_named(
            store=store, name="api_cooperation_by_partner", params={**filters, **paging, "partner": partner}
        ).records()
    elif not actor:
        records = _whole_list_page(store, filters, paging)
    items, total = paged(records)
    return [_row_json(raw) for raw in items], total


def _role(raw: dict[str, Any]) -> str | None:
    roles = raw.get("roles") or []
    return str(roles[0]) if roles else None


def _row_json(raw: dict[str, Any]) -> dict[str, Any]:
    """One cooperation row as `m.CooperationRow` serialises it, from a page query's item (roles and sources
    included: one engine round trip per page)."""
    instrument = raw["instrument"]
    partners = [
        {
            **ref_json(b),
            "record": b["record"],
            "role": _role(b),
            "period": period_json(b),
            "source_count": int(b.get("sourceCount") or 0),
        }
        for b in raw.get("partners") or []
    ]
    return {
        "record": raw["record"],
        "actor": ref_json(raw["actor"]),
        "role": _role(raw),
        "instrument": {**ref_json(instrument), **listed_own(instrument)},
        "domains": sorted(
            ({"id": d["id"], "name": d.get("name")} for d in raw.get("domains") or []), key=lambda d: d["id"]
        ),
        "period": period_json(cast(r.DatedRow, raw)),
        "contribution": text_of(raw.get("contribution")),
        "personnel": raw.get("personnel"),
        "national_operation": text_of(raw.get("nationalOperation")),
        "uncertainty": text_of(raw.get("uncertainty")),
        "partners": sorted(partners, key=lambda p: (p["id"], p["record"]))[: m.LIST_ITEMS],
        "partner_count": int(raw.get("partnerCount") or len(partners)),
        **listed_own(raw),
    }


class RowCounts:
    """How many cooperation rows each actor has under some filters (actor ids in id order), and their running
    totals: which actors a page of the whole list holds, found by bisection."""

    def __init__(self, pairs: list[list[Any]]) -> None:
        self.actors = [str(actor) for actor, _ in pairs]
        self.ends: list[int] = []  # ends[k]: rows of the actors before and including actors[k]
        total = 0
        for _, n in pairs:
            total += int(n)
            self.ends.append(total)

    @property
    def total(self) -> int:
        return self.ends[-1] if self.ends else 0

    def window(self, offset: int, limit: int) -> tuple[list[str], int]:
        """The actors whose rows hold rows offset .. offset + limit - 1, and the rows of theirs to skip."""
        first = bisect.bisect_right(self.ends, offset)
        if first >= len(self.actors):
            return [], 0
        last = bisect.bisect_left(self.ends, offset + limit, lo=first)
        before = self.ends[first - 1] if first else 0
        return self.actors[first : last + 1], offset - before


class ActorPeriods:
    """The periods of each actor's cooperation rows under some filters (actor ids in id order), read in one
    pass per loaded graph: the `RowCounts` of any as_of day come from them without another pass."""

    DAYS_KEPT = 16
    """The RowCounts of this many as_of days stay ready (each costs a bisection per actor to make)."""

    def __init__(self, rows: list[list[Any]]) -> None:
        days: dict[str, str] = {}  # each day once (a million periods hold a few thousand distinct days)

        def one(values: list[Any] | None) -> list[str]:
            return [days.setdefault(str(v), str(v)) for v in values or []]

        self.actors = [(str(actor), PeriodCounts(one(starts), one(ends), int(n))) for actor, n, starts, ends in rows]
        self._days: OrderedDict[str | None, RowCounts] = OrderedDict()
        self._lock = threading.Lock()

    def counts(self, as_of: str | None) -> RowCounts:
        """The rows per actor that hold on `as_of` (all rows when None); actors without any are left out."""
        with self._lock:
            if as_of in self._days:
                self._days.move_to_end(as_of)
                return self._days[as_of]
        pairs: list[list[Any]] = []
        for actor, periods in self.actors:
            n = periods.holding_on(as_of)
            if n:
                pairs.append([actor, n])
        found = RowCounts(pairs)
        with self._lock:
            self._days[as_of] = found
            while len(self._days) > self.DAYS_KEPT:
                self._days.popitem(last=False)
        return found


PERIODS_CHUNK = 5_000
"""Actors per chunk of the periods pass (~1-2 MB of dates at a million facts; an engine answer may be 8 MB)."""


def row_counts(store: GraphStore, filters: dict[str, Any]) -> RowCounts:
    """The rows per actor of the whole cooperation list under `filters`, from one pass per loaded graph, domain
    and instrument type (`kept`; about 0.1-0.5 s per 100,000 facts). With an as_of day, the pass reads every
    row's period instead (`api_cooperation_periods`, once for all days) and the rows holding on the day are
    counted from it (`ActorPeriods`): a flood of distinct days costs no pass each. A page then reads only
    its actors."""
    shape = {"domain": filters.get("domain"), "instrument_type": filters.get("instrument_type")}
    as_of = filters.get("as_of")
    if as_of is None:
        # With a domain, the pass starts from it (its instruments only) instead of testing every participation.
        name = "api_cooperation_counts_in_domain" if shape["domain"] else "api_cooperation_counts"

        def counts() -> RowCounts:
            rows = run_named(store=store, name=name, params=shape, timeout_ms=FULL_PASS_TIMEOUT_MS).rows
            return RowCounts(list(rows[0][0] or []) if rows else [])

        return kept(store, "api_cooperation_counts", shape, counts)

    def periods() -> ActorPeriods:
        found: list[list[Any]] = []
        after: str | None = None
        while True:  # in chunks of actors: a million facts' periods are larger than one engine answer may be
            rows = run_named(
                store=store,
                name="api_cooperation_periods",
                params={**shape, "after": after, "size": PERIODS_CHUNK},
                timeout_ms=FULL_PASS_TIMEOUT_MS,
            ).rows
            if not rows or rows[0][0] is None:
                return ActorPeriods(found)
            last, actors, chunk = rows[0]
            found.extend(chunk or [])
            if int(actors) < PERIODS_CHUNK:
                return ActorPeriods(found)
            after = str(last)

    return kept(store, "api_cooperation_periods", shape, periods).counts(as_of)


def _whole_list_page(store: GraphStore, filters: dict[str, Any], page: dict[str, Any]) -> list[dict[str, Any]]:
    """A page of the cooperation list without an actor or partner: the counts say which actors it needs."""
    counts = row_counts(store, filters)
    actors, skip = counts.window(page["offset"], page["limit"])
    if not actors:
        return [{"total": counts.total, "item": None}]
    records = run_named(
        store=store,
        name="api_cooperation_page",
        params={**filters, **page, "actors": actors, "offset": skip},
    ).records()
    return [{"total": counts.total, "item": raw["item"]} for raw in records]


def _side(raw: r.DatedRow, prov: Provenance) -> dict[str, Any]:
    """One side of a shared instrument as `m.SideOfShare` serialises it (at most `m.LIST_SOURCES` sources)."""
    return {
        "record": raw["record"],
        "role": prov.role(raw["record"]),
        "period": period_json(raw),
        **prov.listed_json(raw["record"]),
    }


def partners(
    *, store: GraphStore, actor: str, as_of: str | None, limit: int, offset: int
) -> tuple[list[m.Partner], int]:
    """`partners_json`'s partners as models (the explorer's pages use them)."""
    items, total = partners_json(store=store, actor=actor, as_of=as_of, limit=limit, offset=offset)
    return _PARTNERS.validate_python(items), total


_PARTNERS = TypeAdapter(list[m.Partner])


def partners_json(
    *, store: GraphStore, actor: str, as_of: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """The actors sharing an instrument with `actor` (on `as_of` if given), each with the instruments shared,
    as plain JSON values in `m.Partner`'s shape."""
    as_of = check_date("as_of", as_of)
    items, total = page(store, "api_partners", {"actor": actor, "as_of": as_of}, limit, offset)
    if not total:  # no partner at all: an unknown actor (404) or one that shares nothing (an empty page)
        require(store, actor, "Actor", "actor")
    prov = Provenance(store, items)
    out = []
    for raw in items:
        shared = [
            {
                "instrument": ref_json(s["instrument"]),
                "actor": _side(s["actorParticipation"], prov),
                "partner": _side(s["partnerParticipation"], prov),
            }
            for s in raw.get("shared") or []
        ]
        shared.sort(key=lambda s: (s["instrument"]["id"], s["actor"]["record"], s["partner"]["record"]))
        out.append(
            {
                "partner": ref_json(raw["partner"]),
                "instruments": shared[: m.LIST_ITEMS],
                "instrument_count": len(shared),
            }
        )
    return out, total


# -- timeline -------------------------------------------------------------------------


def timeline(
    *, store: GraphStore, actor: str, date_from: str | None, date_to: str | None, limit: int, offset: int
) -> tuple[list[m.TimelineEntry], int]:
    """Dated entries for an actor, oldest first; `date_from`/`date_to` inclusive."""
    date_from = check_date("from", date_from)
    date_to = check_date("to", date_to)
    require(store, actor, "Actor", "actor", "actor")
    if date_from and date_to and date_from > date_to:
        return [], 0  # an empty range (from after to) holds no entries, as in SQL's BETWEEN
    items, total = page(
        store, "api_timeline", {"actor": actor, "date_from": date_from, "date_to": date_to}, limit, offset
    )
    prov = Provenance(store, items)
    entries = [
        m.TimelineEntry(
            date=raw.get("date"),
            precision=raw.get("precision"),
            kind=raw["kind"],
            record=raw["record"],
            type=type_of(raw.get("labels")),
            title=raw.get("title"),
            instrument=ref(raw.get("instrument")) or prov.about(raw["record"]),
            place=text_of(raw.get("place")),
            date_basis=cast("m.DateBasis | None", raw.get("basis")),
            derived_from=ref(raw.get("derivedFrom")),
            **prov.listed(raw["record"]),
        )
        for raw in items
    ]
    return entries, total
