"""What the web API answers, as keyword-only functions over a store (callable from the CLI and tests too).

Each function runs named queries (`queries/internal/api_*.cypher`) through `run_named` and shapes the rows into
the response models. Provenance is attached in one place (`_provenance`): the queries return record
ids, and one `api_records` query fetches every record's sources (and role) for the whole response.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, get_args

from eucan.api import models as m
from eucan.echo import clip
from eucan.errors import NotFound, QueryParameterError
from eucan.graph.fulltext import fold
from eucan.graph.store import GraphStore
from eucan.loaders.records import ActorType, InstrumentType
from eucan.queries.runner import run_named

__all__ = [
    "ActorType",
    "InstrumentType",
    "cooperation",
    "get_actor",
    "get_domain",
    "get_instrument",
    "list_actors",
    "list_domains",
    "list_instruments",
    "normalise",
    "partners",
    "timeline",
]

_GENERIC = ("Resource", "Fact", "Actor", "Instrument", "Concept", "Organisation", "Event")
_KINDS = (
    ("Actor", "actor"),
    ("Instrument", "instrument"),
    ("CooperationDomain", "domain"),
    ("Post", "post"),
    ("Event", "event"),
)
_ID_BATCH = 400


# -- small helpers -----------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Lowercase, accents removed: the form search compares words in (`graph.fulltext.fold`)."""
    return fold(text)


def type_of(labels: Iterable[str] | None) -> str | None:
    """The most specific class among a node's labels (GovernmentDepartment rather than Organisation)."""
    names = list(labels or [])
    specific = sorted(n for n in names if n not in _GENERIC)
    if specific:
        return specific[0]
    for generic in ("Organisation", "Event", "Instrument", "Actor"):
        if generic in names:
            return generic
    return None


def _ref(raw: dict[str, Any] | None) -> m.Ref | None:
    if not raw or raw.get("id") is None:
        return None
    return m.Ref(id=raw["id"], name=raw.get("name"), type=type_of(raw.get("labels")))


def _must_ref(raw: dict[str, Any]) -> m.Ref:
    ref = _ref(raw)
    assert ref is not None
    return ref


def _period(raw: dict[str, Any]) -> m.Period:
    start, end = raw.get("startDate"), raw.get("endDate")
    return m.Period(
        start=start,
        start_precision=raw.get("startDatePrecision"),
        end=end,
        end_precision=raw.get("endDatePrecision"),
        end_last=raw.get("endDateLast"),
        undated=start is None and end is None,
    )


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _text(value: Any) -> str | None:
    """A free-text property; several values (a multi-valued property) are joined with '; '."""
    if value is None:
        return None
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) or None
    return str(value)


def _paged(result_records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    total = int(result_records[0]["total"]) if result_records else 0
    return [r["item"] for r in result_records if r.get("item") is not None], total


def _walk_records(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "record" and isinstance(item, str):
                yield item
            elif key == "sourcedBy" and isinstance(item, list):
                yield from (str(i) for i in item)
            else:
                yield from _walk_records(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk_records(item)


class _Provenance:
    """Sources, roles and related refs of every record in a response, fetched in one or a few queries."""

    def __init__(self, store: GraphStore, raw: Any, *, ids: Iterable[str] | None = None) -> None:
        """The records named anywhere in `raw` (keys `record` and `sourcedBy`), or exactly `ids` if given."""
        ids = sorted(set(_walk_records(raw) if ids is None else ids))
        self._info: dict[str, dict[str, Any]] = {}
        for start in range(0, len(ids), _ID_BATCH):
            chunk = ids[start : start + _ID_BATCH]
            for row in run_named(store=store, name="api_records", params={"ids": chunk}).records():
                self._info[row["id"]] = row

    def sources(self, record: str | None) -> list[m.Source]:
        info = self._info.get(record or "")
        # model_construct: every field is already turned into its type here (this runs for every source shown).
        return [
            m.Source.model_construct(
                url=str(s["url"]),
                quote=str(_text(s["quote"])),
                lang=str(s.get("lang") or "en"),
                retrieved=_text(s.get("retrieved")),
                title=_text(s.get("title")),
                primary=None if s.get("primary") is None else bool(s["primary"]),
            )
            for s in (info or {}).get("sources") or []
            if _text(s.get("url")) and s.get("quote")
        ]

    def sources_of(self, records: Iterable[str]) -> list[m.Source]:
        out: list[m.Source] = []
        for record in records:
            out.extend(s for s in self.sources(record) if s not in out)
        return out

    def role(self, record: str | None) -> str | None:
        roles = (self._info.get(record or "") or {}).get("roles") or []
        return str(roles[0]) if roles else None

    def on_behalf_of(self, record: str | None) -> m.Ref | None:
        refs = (self._info.get(record or "") or {}).get("onBehalfOf") or []
        return _ref(refs[0]) if refs else None

    def about(self, record: str | None) -> m.Ref | None:
        refs = (self._info.get(record or "") or {}).get("about") or []
        return _ref(refs[0]) if refs else None


def _labels_of(store: GraphStore, node_id: str) -> list[list[str]]:
    return [list(row[0]) for row in run_named(store=store, name="api_kind", params={"id": node_id}).rows]


def _require(store: GraphStore, node_id: str, label: str, what: str, param: str | None = None) -> None:
    """Raise NotFound naming the id (and the parameter) unless a node with this id has this label."""
    found = _labels_of(store, node_id)
    if any(label in labels for labels in found):
        return
    where = f" (parameter {param})" if param else ""
    if found:
        raise NotFound(
            f"no {what} with id {clip(node_id)}{where}; {clip(node_id)} is a {type_of(found[0])}, not a {what}"
        )
    from eucan.api.suggest import suggest

    rows = run_named(store=store, name="api_ids", params={"label": label}).rows
    close = suggest(node_id, [(str(row[0]), [str(n) for n in row[1] or []]) for row in rows])
    hint = f" (did you mean {close!r}?)" if close else ""
    raise NotFound(f"no {what} with id {clip(node_id)}{where}{hint}")


def check_date(name: str, value: str | None) -> str | None:
    """A YYYY-MM-DD day, or a 422 naming the parameter and the accepted form."""
    import datetime as dt

    if value is None or value == "":
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise QueryParameterError(f"{name} must be a date YYYY-MM-DD (got {clip(value)})") from None


def _page(
    store: GraphStore, name: str, params: dict[str, Any], limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    return _paged(run_named(store=store, name=name, params={**params, "limit": limit, "offset": offset}).records())


# -- actors ------------------------------------------------------------------------------------


def _actor_summary(raw: dict[str, Any], prov: _Provenance) -> m.ActorSummary:
    return m.ActorSummary(
        id=raw["id"],
        name=raw.get("name"),
        type=type_of(raw.get("labels")),
        name_fr=_text(raw.get("name_fr")),
        acronym=_list(raw.get("acronym")),
        alt_names=_list(raw.get("altNames")),
        sources=prov.sources(raw["id"]),
    )


def list_actors(*, store: GraphStore, type: str | None, limit: int, offset: int) -> tuple[list[m.ActorSummary], int]:
    items, total = _page(store, "api_actors", {"type": type}, limit, offset)
    prov = _Provenance(store, items)
    return [_actor_summary(raw, prov) for raw in items], total


def _membership(raw: dict[str, Any], prov: _Provenance, side: str) -> m.Membership:
    return m.Membership(
        record=raw["record"], period=_period(raw), sources=prov.sources(raw["record"]), **{side: _ref(raw.get("other"))}
    )


def _participation(raw: dict[str, Any], prov: _Provenance) -> m.Participation:
    record = raw["record"]
    return m.Participation(
        record=record,
        instrument=_must_ref(raw["instrument"]),
        role=prov.role(record),
        on_behalf_of=prov.on_behalf_of(record),
        period=_period(raw),
        contribution=_text(raw.get("contribution")),
        personnel=raw.get("personnel"),
        national_operation=_text(raw.get("nationalOperation")),
        uncertainty=_text(raw.get("uncertainty")),
        sources=prov.sources(record),
    )


def get_actor(*, store: GraphStore, actor_id: str) -> m.ActorDetail:
    rows = run_named(store=store, name="api_actor", params={"id": actor_id}).rows
    if not rows:
        _require(store, actor_id, "Actor", "actor")
    raw: dict[str, Any] = rows[0][0]
    prov = _Provenance(store, raw)
    posts = []
    for post in raw.get("posts") or []:
        tenures = [
            m.Tenure(
                record=t["record"], holder=_ref(t.get("holder")), period=_period(t), sources=prov.sources(t["record"])
            )
            for t in raw.get("postTenures") or []
            if t.get("post") == post["id"]
        ]
        tenures.sort(key=lambda t: t.period.start or "")
        posts.append(
            m.Post(
                id=post["id"],
                name=post.get("name"),
                name_fr=_text(post.get("name_fr")),
                sources=prov.sources(post["id"]),
                tenures=tenures,
            )
        )
    tenures = [
        m.Tenure(
            record=t["record"],
            post=_ref(t["post"]),
            organisation=_ref(t["post"].get("organisation")),
            period=_period(t),
            sources=prov.sources(t["record"]),
        )
        for t in raw.get("tenures") or []
    ]
    summary = _actor_summary(raw, prov)
    return m.ActorDetail(
        **summary.model_dump(),
        uri=raw.get("uri"),
        description=_text(raw.get("description")),
        note=_text(raw.get("note")),
        uncertainty=_text(raw.get("uncertainty")),
        same_as=_list(raw.get("exactMatch")),
        part_of=[r for r in map(_ref, raw.get("partOf") or []) if r],
        parts=[r for r in map(_ref, raw.get("parts") or []) if r],
        memberships=sorted(
            (_membership(x, prov, "organisation") for x in raw.get("memberships") or []), key=lambda x: x.record
        ),
        members=sorted((_membership(x, prov, "member") for x in raw.get("members") or []), key=lambda x: x.record),
        posts=sorted(posts, key=lambda p: p.id),
        tenures=sorted(tenures, key=lambda t: t.period.start or ""),
        participations=sorted(
            (_participation(x, prov) for x in raw.get("participations") or []), key=lambda p: p.instrument.id
        ),
    )


# -- instruments -------------------------------------------------------------------------------


def _instrument_summary(raw: dict[str, Any], prov: _Provenance) -> m.InstrumentSummary:
    return m.InstrumentSummary(
        id=raw["id"],
        name=raw.get("name"),
        type=type_of(raw.get("labels")),
        name_fr=_text(raw.get("name_fr")),
        acronym=_list(raw.get("acronym")),
        alt_names=_list(raw.get("altNames")),
        status=raw.get("status"),
        signed=raw.get("signedDate"),
        signed_precision=raw.get("signedDatePrecision"),
        entry_into_force=raw.get("entryIntoForceDate"),
        entry_into_force_precision=raw.get("entryIntoForceDatePrecision"),
        period=_period(raw),
        sources=prov.sources(raw["id"]),
    )


def list_instruments(
    *, store: GraphStore, type: str | None, domain: str | None, limit: int, offset: int
) -> tuple[list[m.InstrumentSummary], int]:
    if domain:
        _require(store, domain, "CooperationDomain", "cooperation domain", "domain")
    items, total = _page(store, "api_instruments", {"type": type, "domain": domain}, limit, offset)
    prov = _Provenance(store, items)
    return [_instrument_summary(raw, prov) for raw in items], total


def get_instrument(*, store: GraphStore, instrument_id: str) -> m.InstrumentDetail:
    rows = run_named(store=store, name="api_instrument", params={"id": instrument_id}).rows
    if not rows:
        _require(store, instrument_id, "Instrument", "instrument")
    raw: dict[str, Any] = rows[0][0]
    prov = _Provenance(store, raw)
    participants = [
        m.Participant(
            record=p["record"],
            actor=_must_ref(p["actor"]),
            role=prov.role(p["record"]),
            on_behalf_of=prov.on_behalf_of(p["record"]),
            period=_period(p),
            contribution=_text(p.get("contribution")),
            personnel=p.get("personnel"),
            national_operation=_text(p.get("nationalOperation")),
            uncertainty=_text(p.get("uncertainty")),
            sources=prov.sources(p["record"]),
        )
        for p in raw.get("participants") or []
    ]
    return m.InstrumentDetail(
        **_instrument_summary(raw, prov).model_dump(),
        uri=raw.get("uri"),
        url=_text(raw.get("url")),
        description=_text(raw.get("description")),
        note=_text(raw.get("note")),
        uncertainty=_text(raw.get("uncertainty")),
        celex=raw.get("celex"),
        place=_text(raw.get("place")),
        provisional_application=raw.get("provisionalApplicationDate"),
        provisional_application_precision=raw.get("provisionalApplicationDatePrecision"),
        domains=sorted(
            (m.DomainRef(id=d["id"], name=d.get("name")) for d in raw.get("domains") or []), key=lambda d: d.id
        ),
        participants=sorted(participants, key=lambda p: (p.actor.id, p.record)),
        legal_basis=sorted(
            (
                m.LegalActRef(
                    **_must_ref(x).model_dump(),
                    celex=x.get("celex"),
                    signed=x.get("signedDate"),
                    sources=prov.sources(x["record"]),
                )
                for x in raw.get("legalBasis") or []
            ),
            key=lambda x: x.id,
        ),
        part_of=[r for r in map(_ref, raw.get("partOf") or []) if r],
        parts=sorted((r for r in map(_ref, raw.get("parts") or []) if r), key=lambda r: r.id),
        locations=[r for r in map(_ref, raw.get("locations") or []) if r],
        events=sorted(
            (
                m.EventRef(
                    **_must_ref(e).model_dump(),
                    date=e.get("date"),
                    date_precision=e.get("datePrecision"),
                    place=_text(e.get("place")),
                    sources=prov.sources(e["record"]),
                )
                for e in raw.get("events") or []
            ),
            key=lambda e: (e.date or "", e.id),
        ),
    )


# -- domains -----------------------------------------------------------------------------------


def _domain_summary(raw: dict[str, Any], prov: _Provenance) -> dict[str, Any]:
    return {
        "id": raw["id"],
        "name": raw.get("name"),
        "name_fr": _text(raw.get("name_fr")),
        "alt_names": _list(raw.get("altNames")),
        "notation": raw.get("notation"),
        "uri": raw.get("uri"),
        "instrument_count": int(raw.get("instrumentCount") or 0),
        "sources": prov.sources_of(raw.get("sourcedBy") or []),
    }


def list_domains(*, store: GraphStore, limit: int, offset: int) -> tuple[list[m.DomainSummary], int]:
    items, total = _page(store, "api_domains", {}, limit, offset)
    prov = _Provenance(store, items)
    return [m.DomainSummary(**_domain_summary(raw, prov)) for raw in items], total


def get_domain(*, store: GraphStore, domain_id: str) -> m.DomainDetail:
    rows = run_named(store=store, name="api_domain", params={"id": domain_id}).rows
    if not rows:
        _require(store, domain_id, "CooperationDomain", "cooperation domain")
    raw: dict[str, Any] = rows[0][0]
    prov = _Provenance(store, raw)
    instruments = sorted((_instrument_summary(i, prov) for i in raw.get("instruments") or []), key=lambda i: i.id)
    return m.DomainDetail(**_domain_summary(raw, prov), instruments=instruments)


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
    """Who cooperates with whom on what: one row per participation, with partners, domains, period, sources.

    The hot path of the API, so it does the least work that gives the same answer: with `actor`, the page query
    itself tells an unknown actor (no row at all), so the existence check runs only to word the 404; the
    provenance query gets exactly the record ids of the page; and the response models are built with
    `model_construct`, as the values come from the loaded (already validated) graph.
    """
    as_of = check_date("as_of", as_of)
    if instrument_type is not None and instrument_type not in get_args(InstrumentType):
        raise QueryParameterError(
            f"instrument_type must be one of {', '.join(get_args(InstrumentType))} (got {clip(instrument_type)})"
        )
    params = {"partner": partner, "domain": domain, "instrument_type": instrument_type, "as_of": as_of}
    page = {"limit": limit, "offset": offset}
    records: list[dict[str, Any]] = []
    if actor:
        records = run_named(
            store=store, name="api_cooperation_by_actor", params={**params, **page, "actor": actor}
        ).records()
        if not records:
            _require(store, actor, "Actor", "actor", "actor")
    for value, label, what, param in (
        (partner, "Actor", "actor", "partner"),
        (domain, "CooperationDomain", "cooperation domain", "domain"),
    ):
        if value:
            _require(store, value, label, what, param)
    if not actor:
        records = run_named(store=store, name="api_cooperation", params={**params, **page}).records()
    items, total = _paged(records)
    ids = [raw["record"] for raw in items]
    ids += [raw["instrument"]["record"] for raw in items]
    ids += [b["record"] for raw in items for b in raw.get("partners") or []]
    prov = _Provenance(store, items, ids=ids)
    rows = []
    for raw in items:
        instrument = raw["instrument"]
        partners = [
            m.PartnerInRow.model_construct(
                id=b["id"],
                name=b.get("name"),
                type=type_of(b.get("labels")),
                record=b["record"],
                role=prov.role(b["record"]),
                period=_period(b),
                sources=prov.sources(b["record"]),
            )
            for b in raw.get("partners") or []
        ]
        rows.append(
            m.CooperationRow.model_construct(
                record=raw["record"],
                actor=_must_ref(raw["actor"]),
                role=prov.role(raw["record"]),
                instrument=m.InstrumentRef.model_construct(
                    id=instrument["id"],
                    name=instrument.get("name"),
                    type=type_of(instrument.get("labels")),
                    sources=prov.sources(instrument["record"]),
                ),
                domains=sorted(
                    (m.DomainRef.model_construct(id=d["id"], name=d.get("name")) for d in raw.get("domains") or []),
                    key=lambda d: d.id,
                ),
                period=_period(raw),
                contribution=_text(raw.get("contribution")),
                personnel=raw.get("personnel"),
                national_operation=_text(raw.get("nationalOperation")),
                uncertainty=_text(raw.get("uncertainty")),
                partners=sorted(partners, key=lambda p: (p.id, p.record)),
                sources=prov.sources(raw["record"]),
            )
        )
    return rows, total


def _side(raw: dict[str, Any], prov: _Provenance) -> m.SideOfShare:
    return m.SideOfShare(
        record=raw["record"], role=prov.role(raw["record"]), period=_period(raw), sources=prov.sources(raw["record"])
    )


def partners(
    *, store: GraphStore, actor: str, as_of: str | None, limit: int, offset: int
) -> tuple[list[m.Partner], int]:
    """The actors sharing an instrument with `actor` (on `as_of` if given), each with the instruments shared."""
    as_of = check_date("as_of", as_of)
    _require(store, actor, "Actor", "actor")
    items, total = _page(store, "api_partners", {"actor": actor, "as_of": as_of}, limit, offset)
    prov = _Provenance(store, items)
    out = []
    for raw in items:
        shared = [
            m.SharedInstrument(
                instrument=_must_ref(s["instrument"]),
                actor=_side(s["actorParticipation"], prov),
                partner=_side(s["partnerParticipation"], prov),
            )
            for s in raw.get("shared") or []
        ]
        shared.sort(key=lambda s: (s.instrument.id, s.actor.record, s.partner.record))
        out.append(m.Partner(partner=_must_ref(raw["partner"]), instruments=shared))
    return out, total


# -- timeline -------------------------------------------------------------------------


def timeline(
    *, store: GraphStore, actor: str, date_from: str | None, date_to: str | None, limit: int, offset: int
) -> tuple[list[m.TimelineEntry], int]:
    """Dated entries for an actor, oldest first; `date_from`/`date_to` inclusive."""
    date_from = check_date("from", date_from)
    date_to = check_date("to", date_to)
    if date_from and date_to and date_from > date_to:
        raise QueryParameterError(f"from ({date_from}) must be on or before to ({date_to})")
    _require(store, actor, "Actor", "actor", "actor")
    items, total = _page(
        store, "api_timeline", {"actor": actor, "date_from": date_from, "date_to": date_to}, limit, offset
    )
    prov = _Provenance(store, items)
    entries = [
        m.TimelineEntry(
            date=raw["date"],
            precision=raw.get("precision"),
            kind=raw["kind"],
            record=raw["record"],
            type=type_of(raw.get("labels")),
            title=raw.get("title"),
            instrument=_ref(raw.get("instrument")) or prov.about(raw["record"]),
            place=_text(raw.get("place")),
            sources=prov.sources(raw["record"]),
        )
        for raw in items
    ]
    return entries, total
