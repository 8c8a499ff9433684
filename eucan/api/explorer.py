"""What the explorer's pages show beyond the JSON API: the network of a day, the domain matrix, counts, conflicts.

Built on the same service functions as the JSON API (`services.partners`, `services.cooperation`,
`services.get_instrument`), so the pictures and the API agree: an actor's network on day D has exactly the
partners `GET /api/v1/actors/{id}/partners?as_of=D` lists. Keyword-only functions over a store, like services.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import BaseModel, Field

from eucan.api import models as m
from eucan.api import services
from eucan.dates import display, holds_on
from eucan.graph.store import GraphStore
from eucan.queries.runner import graph_stats, run_named

__all__ = [
    "Network",
    "NetworkEdge",
    "Timeline",
    "actor_timeline",
    "instrument_timeline",
    "NetworkNode",
    "conflicts_of",
    "counts",
    "describe",
    "domains",
    "domain_matrix",
    "network",
    "period_text",
]

_ALL = 100_000  # the services page their answers; a picture wants the whole answer at once
WHOLE_NETWORK_ROWS = 3_000  # participations drawn at most in the whole-graph view (past that: filter, or pick a day)
_PAGE = 500


class NetworkNode(BaseModel):
    id: str
    name: str | None = None
    type: str | None = None
    participations: int = Field(description="Instruments of this actor drawn in this network.")


class EdgeInstrument(BaseModel):
    id: str
    name: str | None = None
    type: str | None = None
    domains: list[m.DomainRef] = []
    sources: list[m.Source] = []


class NetworkEdge(BaseModel):
    source: str
    target: str
    domain: str | None = Field(default=None, description="Domain of the first instrument (colours the edge).")
    instruments: list[EdgeInstrument]


class Network(BaseModel):
    """Actors (nodes) linked by the instruments they share (edges) on `as_of`, or ever when it is null."""

    centre: str | None = None
    as_of: str | None = None
    domain: str | None = None
    instrument_type: str | None = None
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    truncated: bool = Field(
        default=False, description="True when the whole-graph view drew only the first participations (filter it)."
    )


def _holds(period: m.Period, day: str | None) -> bool:
    """The as-of rule of eucan.dates (`holds_on`); no day means no as-of filter."""
    return day is None or holds_on(period.start_first, period.end_last, day)


class _Builder:
    def __init__(self) -> None:
        self.nodes: dict[str, m.Ref] = {}
        self.edges: dict[tuple[str, str], dict[str, EdgeInstrument]] = defaultdict(dict)
        self.seen: dict[str, set[str]] = defaultdict(set)

    def link(self, a: m.Ref, b: m.Ref, instrument: EdgeInstrument) -> None:
        if a.id == b.id:
            return
        self.nodes.setdefault(a.id, a)
        self.nodes.setdefault(b.id, b)
        self.seen[a.id].add(instrument.id)
        self.seen[b.id].add(instrument.id)
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        known = self.edges[key].get(instrument.id)
        if known is None:
            self.edges[key][instrument.id] = instrument.model_copy(deep=True)
        else:
            known.sources.extend(s for s in instrument.sources if s not in known.sources)

    def build(self, **context: Any) -> Network:
        nodes = [
            NetworkNode(id=r.id, name=r.name, type=r.type, participations=len(self.seen[r.id]))
            for r in sorted(self.nodes.values(), key=lambda r: r.id)
        ]
        edges = []
        for (a, b), by_id in sorted(self.edges.items()):
            instruments = sorted(by_id.values(), key=lambda i: i.id)
            first = next((i.domains[0].id for i in instruments if i.domains), None)
            edges.append(NetworkEdge(source=a, target=b, domain=first, instruments=instruments))
        return Network(nodes=nodes, edges=edges, **context)


def _keep(instrument: EdgeInstrument, domain: str | None, instrument_type: str | None) -> bool:
    if instrument_type and instrument.type != instrument_type:
        return False
    return not domain or any(d.id == domain for d in instrument.domains)


def network(
    *,
    store: GraphStore,
    actor: str | None = None,
    instrument: str | None = None,
    domain: str | None = None,
    instrument_type: str | None = None,
    as_of: str | None = None,
) -> Network:
    """The cooperation network: around one actor (its partners), among one instrument's participants,
    around one actor within one instrument (both given), or all."""
    as_of = services.check_date("as_of", as_of)
    context: dict[str, Any] = {
        "centre": actor or instrument,
        "as_of": as_of,
        "domain": domain,
        "instrument_type": instrument_type,
    }
    builder = _Builder()
    if instrument:
        detail = services.get_instrument(store=store, instrument_id=instrument)  # 404 when unknown
    if instrument and not actor:
        edge = EdgeInstrument(
            id=detail.id, name=detail.name, type=detail.type, domains=detail.domains, sources=detail.sources
        )
        held = [p for p in detail.participants if _holds(p.period, as_of)]
        if _keep(edge, domain, instrument_type):
            for i, left in enumerate(held):
                for right in held[i + 1 :]:
                    builder.link(left.actor, right.actor, edge)
        return builder.build(**context)
    if actor:
        found = run_named(store=store, name="page_actor_ref", params={"actor": actor}).records()
        centre = m.Ref(id=actor)
        if found:
            centre = m.Ref(id=found[0]["id"], name=found[0].get("name"), type=services.type_of(found[0].get("labels")))
        shares: list[m.Partner] = []
        offset = 0
        while True:
            partners, total = services.partners(store=store, actor=actor, as_of=as_of, limit=_PAGE, offset=offset)
            shares.extend(partners)
            offset += _PAGE
            if offset >= total:
                break
        ids = sorted({s.instrument.id for p in shares for s in p.instruments})
        domains = {
            row["instrument"]: sorted(
                (m.DomainRef(id=d["id"], name=d.get("name")) for d in row["domains"] or []), key=lambda d: d.id
            )
            for row in run_named(store=store, name="page_instrument_domains", params={"ids": ids}).records()
        }
        for partner in shares:
            for shared in partner.instruments:
                item = EdgeInstrument(
                    id=shared.instrument.id,
                    name=shared.instrument.name,
                    type=shared.instrument.type,
                    domains=domains.get(shared.instrument.id, []),
                    sources=[*shared.actor.sources, *shared.partner.sources],
                )
                if _keep(item, domain, instrument_type) and (not instrument or item.id == instrument):
                    builder.link(centre, partner.partner, item)
        return builder.build(**context)
    rows, total = services.cooperation(
        store=store,
        actor=None,
        partner=None,
        domain=domain,
        instrument_type=instrument_type,
        as_of=as_of,
        limit=WHOLE_NETWORK_ROWS,
        offset=0,
    )
    context["truncated"] = total > len(rows)
    for row in rows:
        item = EdgeInstrument(
            id=row.instrument.id,
            name=row.instrument.name,
            type=row.instrument.type,
            domains=row.domains,
            sources=row.instrument.sources,
        )
        for other in row.partners:
            if _holds(other.period, as_of):
                builder.link(row.actor, m.Ref(id=other.id, name=other.name, type=other.type), item)
    return builder.build(**context)


class MatrixRow(BaseModel):
    actor: m.Ref
    cells: dict[str, int] = Field(description="Domain id -> number of instruments in that area.")
    total: int


class DomainMatrix(BaseModel):
    domains: list[m.DomainSummary]
    rows: list[MatrixRow]


def domains(*, store: GraphStore) -> list[m.DomainSummary]:
    """The cooperation areas in notation order, with their instrument counts (no sources: pages link to them)."""
    rows = run_named(store=store, name="page_domains", params={}).records()
    out = [
        m.DomainSummary(
            id=r["id"],
            name=r.get("name"),
            name_fr=r.get("name_fr"),
            notation=r.get("notation"),
            instrument_count=int(r.get("instrument_count") or 0),
        )
        for r in rows
    ]
    return sorted(out, key=lambda d: d.notation or d.id)


def domain_matrix(*, store: GraphStore) -> DomainMatrix:
    """Actors x the cooperation areas: each cell the number of instruments the actor takes part in there."""
    cells: dict[str, dict[str, int]] = defaultdict(dict)
    totals: dict[str, set[str]] = defaultdict(set)
    actors: dict[str, m.Ref] = {}
    for row in run_named(store=store, name="page_domain_matrix", params={}).records():
        actors[row["actor"]] = m.Ref(id=row["actor"], name=row.get("name"), type=services.type_of(row.get("labels")))
        cells[row["actor"]][row["domain"]] = int(row["instruments"])
    for row in run_named(store=store, name="page_matrix_totals", params={}).records():
        totals[row["actor"]] = set(row["instruments"])
    out = [MatrixRow(actor=actors[a], cells=c, total=len(totals[a])) for a, c in cells.items()]
    out.sort(key=lambda r: (-r.total, r.actor.id))
    return DomainMatrix(domains=domains(store=store), rows=out)


def counts(*, store: GraphStore) -> dict[str, int]:
    """What the graph holds, for the home page."""
    stats = graph_stats(store=store)
    labels = stats.labels
    return {
        "actors": labels.get("Actor", 0),
        "instruments": labels.get("Instrument", 0),
        "cooperation areas": labels.get("CooperationDomain", 0),
        "events": labels.get("Event", 0),
        "facts": stats.facts,
        "sources": stats.sources,
    }


def conflicts_of(*, store: GraphStore, records: set[str]) -> list[dict[str, Any]]:
    """The recorded conflicts (the catalog's `conflicting_facts`) that involve one of these records."""
    return run_named(store=store, name="page_conflicts", params={"ids": sorted(records)}).records()


def period_text(period: m.Period | None) -> str:
    """A period in its precision: "2005 – 2008-06", "from 2025-06-23", "undated"."""
    if period is None or period.undated:
        return "undated"
    start = display(period.start, period.start_precision)
    end = display(period.end, period.end_precision)
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"from {start}"
    return f"until {end}" if end else "undated"


# -- timelines -------------------------------------------------------------------------------------


class TimelineItem(BaseModel):
    label: str
    kind: str
    date: str = Field(description="The date in its precision: 2005, 2024-04, 2025-06-23.")
    precision: str
    left: float = Field(description="Where the date's first day sits on the axis, in percent.")
    width: float = Field(description="How much of the axis the date can mean (a year is a band), in percent.")
    href: str | None = None
    basis: str | None = Field(
        default=None,
        description="Where a participation's date comes from when it states none itself (the as-of rule's bounds): "
        "its instrument's start or end, or the legal act that admitted it; null for a date of its own.",
    )
    sources: list[m.Source] = []


class Timeline(BaseModel):
    first_year: int
    last_year: int
    years: list[int] = Field(description="Years to label on the axis.")
    items: list[TimelineItem]


def _day_number(day: str) -> int:
    import datetime as dt

    return dt.date.fromisoformat(day[:10]).toordinal()


_Raw = tuple[str, str, str | None, str | None, list[m.Source], str | None]
"""(label, kind, date, precision, sources, basis): `basis` says where a derived date comes from (None: stated)."""


def _timeline(raw: list[_Raw]) -> Timeline:
    """(label, kind, date, precision, sources, basis) entries drawn on one axis of whole years."""
    import datetime as dt

    from eucan.dates import last_day

    dated = [(label, kind, date, prec or "day", srcs, basis) for label, kind, date, prec, srcs, basis in raw if date]
    if not dated:
        return Timeline(first_year=0, last_year=0, years=[], items=[])
    first = min(int(d[2][:4]) for d in dated)
    last = max(int(d[2][:4]) for d in dated)
    start, end = dt.date(first, 1, 1).toordinal(), dt.date(last, 12, 31).toordinal() + 1
    span = end - start
    items = []
    for label, kind, date, prec, srcs, basis in sorted(dated, key=lambda d: (d[2], d[1], d[0])):
        begin = _day_number(date)
        until = last_day(dt.date.fromordinal(begin), prec).toordinal() + 1
        items.append(
            TimelineItem(
                label=label,
                kind=kind,
                date=display(date, prec) or date,
                precision=prec,
                left=round(100 * (begin - start) / span, 3),
                width=round(max(100 * (until - begin) / span, 0.25), 3),
                basis=basis,
                sources=srcs,
            )
        )
    step = max(1, (last - first + 1) // 10)
    return Timeline(first_year=first, last_year=last, years=list(range(first, last + 1, step)), items=items)


def _basis(entry: m.TimelineEntry) -> str | None:
    """Where a timeline entry's derived date comes from, in words (None: a date of its own)."""
    if entry.date_basis in (None, "stated") or entry.derived_from is None:
        return None
    what = entry.derived_from.name or entry.derived_from.id
    bound = "end" if entry.kind.endswith("-end") else "start"
    if entry.date_basis == "legal-basis":
        return f"own start not stated: adoption of {what}"
    return f"own {bound} not stated: the instrument's {bound}"


def actor_timeline(entries: list[m.TimelineEntry]) -> Timeline:
    """An actor's dated entries (the API's /actors/{id}/timeline) on an axis; a participation's start and end
    are the API's, the as-of rule's bounds (`TimelineEntry.date_basis`)."""
    raw: list[_Raw] = []
    for e in entries:
        what = e.title or (e.instrument.name if e.instrument else None) or e.record
        raw.append((what, e.kind, e.date, e.precision, e.sources, _basis(e)))
    timeline = _timeline(raw)
    by_label = {e.title or (e.instrument.name if e.instrument else None) or e.record: e for e in entries}
    for item in timeline.items:
        entry = by_label.get(item.label)
        if entry is not None and entry.instrument is not None:
            item.href = f"/page/instrument/{entry.instrument.id}"
    return timeline


def instrument_timeline(detail: m.InstrumentDetail) -> Timeline:
    """Signature, provisional application, entry into force, participations and events of an instrument."""
    raw: list[_Raw] = [
        ("signed", "signature", detail.signed, detail.signed_precision, detail.sources, None),
        (
            "provisional application",
            "provisional-application",
            detail.provisional_application,
            detail.provisional_application_precision,
            detail.sources,
            None,
        ),
        (
            "entry into force",
            "entry-into-force",
            detail.entry_into_force,
            detail.entry_into_force_precision,
            detail.sources,
            None,
        ),
    ]
    own = detail.period
    for p in detail.participants:
        name = p.actor.name or p.actor.id
        # a participant joins and leaves on its derived bounds, in the precision of the date each was taken
        # from (its own, its instrument's or its legal act's: `Period.start_basis`, `end_basis`)
        joins = (p.period.start_first, p.period.start_first_precision)
        raw.append(
            (f"{name} joins", "participation-start", *joins, p.sources, _DERIVED_START.get(p.period.start_basis))
        )
        leaves: tuple[str | None, str | None, str | None]
        if p.period.end_basis == "instrument":
            leaves = (own.end, own.end_precision, "own end not stated: the instrument's end")
        else:
            leaves = (p.period.end, p.period.end_precision, None)
        raw.append((f"{name} leaves", "participation-end", *leaves[:2], p.sources, leaves[2]))
    for e in detail.events:
        raw.append((e.name or e.id, "event", e.date, e.date_precision, e.sources, None))
    return _timeline(raw)


_DERIVED_START: dict[str | None, str] = {
    "instrument": "own start not stated: the instrument's start",
    "legal-basis": "own start not stated: adoption of its legal basis",
}
"""What the explorer says of a derived start, by `Period.start_basis`."""


# -- other resources (events): their statements and sources from the RDF description ----------------------------


class Statement(BaseModel):
    name: str
    text: str
    href: str | None = None
    lang: str | None = None
    date: bool = False


class Described(BaseModel):
    """A resource the JSON API has no model for (events, until GET /api/v1/events lands): its RDF statements."""

    title: str
    iri: str
    type: str | None = None
    statements: list[Statement]
    sources: list[m.Source]
    referenced_by: list[Statement]


def _page_of(iri: str) -> str | None:
    from eucan.ontology.iris import SCHEME_KINDS, local_path

    path = local_path(iri)
    if path is None:
        return None
    if path.startswith("/id/"):
        return "/page/" + path[4:]
    kind, _, slug = path[1:].partition("/")
    return f"/page/{kind}/{slug}" if kind in SCHEME_KINDS and slug and "/" not in slug else None


def _name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def describe(*, store: GraphStore, iri: str) -> Described | None:
    """Statements (dates in their precision), sources (each evidence excerpt) and incoming links of a resource."""
    from pyoxigraph import Literal, NamedNode

    from eucan.linked.export import resource_triples

    own, incoming = resource_triples(store=store, uri=iri)
    if not own:
        return None
    precisions = {
        t.predicate.value.removesuffix("Precision"): t.object.value
        for t in own
        if t.predicate.value.endswith("Precision") and isinstance(t.object, Literal)
    }
    statements, sources, title, kind = [], [], None, None
    for t in own:
        name, value = _name(t.predicate.value), t.object
        if name.endswith("Precision"):
            continue
        if name == "evidence" and isinstance(value, NamedNode):
            excerpt, _ = resource_triples(store=store, uri=value.value, incoming_limit=0)
            fields = {_name(x.predicate.value): x.object for x in excerpt}
            document = fields.get("excerptOf")
            doc: dict[str, Any] = {}
            if isinstance(document, NamedNode):
                doc_triples, _ = resource_triples(store=store, uri=document.value, incoming_limit=0)
                doc = {_name(x.predicate.value): x.object.value for x in doc_triples if isinstance(x.object, Literal)}
            quote = next((x.object for x in excerpt if _name(x.predicate.value) == "quote"), None)
            own_url = fields.get("sourceUrl")
            url = doc.get("sourceUrl") or (own_url.value if isinstance(own_url, (Literal, NamedNode)) else None)
            if url and isinstance(quote, Literal):
                retrieved = fields.get("retrievedDate")
                sources.append(
                    m.Source(
                        url=str(url),
                        quote=quote.value,
                        lang=quote.language or "en",
                        retrieved=retrieved.value if isinstance(retrieved, Literal) else doc.get("retrievedDate"),
                        title=doc.get("title"),
                        primary=None if "primarySource" not in doc else doc["primarySource"] == "true",
                    )
                )
            continue
        if name == "type" and isinstance(value, NamedNode):
            kind = kind or _name(value.value)
            continue
        if name == "prefLabel" and isinstance(value, Literal) and title is None:
            title = value.value
        if isinstance(value, NamedNode):
            statements.append(Statement(name=name, text=_name(value.value), href=_page_of(value.value) or value.value))
        elif isinstance(value, Literal):
            precision = precisions.get(t.predicate.value)
            text = display(value.value, precision) if precision else value.value
            statements.append(Statement(name=name, text=text or value.value, lang=value.language, date=bool(precision)))
    referenced = [
        Statement(name=_name(t.predicate.value), text=_name(t.subject.value), href=_page_of(t.subject.value))
        for t in incoming
        if isinstance(t.subject, NamedNode)
    ]
    return Described(
        title=title or _name(iri),
        iri=iri,
        type=kind,
        statements=statements,
        sources=sources,
        referenced_by=referenced,
    )
