"""Instruments and cooperation domains: lists and details."""

from __future__ import annotations

from typing import Any, cast

from eucan.api import models as m
from eucan.api import rows as r
from eucan.api.kept import kept
from eucan.api.provenance import (
    Provenance,
    exact_matches,
    kept_page,
    list_of,
    listed_own,
    must_ref,
    named_json,
    page,
    period,
    period_json,
    ref,
    require,
    text_of,
)
from eucan.graph.store import GraphStore
from eucan.queries.runner import run_named

__all__ = ["get_domain", "get_instrument", "list_domains", "list_instruments"]


# -- instruments -------------------------------------------------------------------------------


def _instrument_summary(raw: r.InstrumentRow, sources: dict[str, Any]) -> dict[str, Any]:
    """What a list shows of an instrument (`sources`: `listed_own`, at most `m.LIST_SOURCES`), or a detail's part
    (all its sources), as plain JSON values in `m.InstrumentSummary`'s shape (a list page is written straight
    from them, with no model built; a test checks they are exactly what the model serialises)."""
    return {
        **named_json(raw),
        "status": raw.get("status"),
        "signed": raw.get("signedDate"),
        "signed_precision": raw.get("signedDatePrecision"),
        "adopted": raw.get("adoptedDate"),
        "adopted_precision": raw.get("adoptedDatePrecision"),
        "published": raw.get("publicationDate"),
        "published_precision": raw.get("publicationDatePrecision"),
        "entry_into_force": raw.get("entryIntoForceDate"),
        "entry_into_force_precision": raw.get("entryIntoForceDatePrecision"),
        "period": period_json(raw),
        **sources,
    }


def list_instruments(
    *, store: GraphStore, type: str | None, domain: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    if domain:
        require(store, domain, "CooperationDomain", "cooperation domain", "domain")
    # The order of each type (and domain: it exists, `require` above) is kept for the loaded graph; with a
    # domain, the pass starts from it (index lookup) instead of looking at every instrument.
    if domain:
        params: dict[str, Any] = {"type": type, "domain": domain}
        items, total = kept_page(store, "api_instrument_ids_in_domain", "api_instruments_by_ids", params, limit, offset)
    else:
        items, total = kept_page(store, "api_instrument_ids", "api_instruments_by_ids", {"type": type}, limit, offset)
    return [_instrument_summary(cast(r.InstrumentRow, raw), listed_own(raw)) for raw in items], total


def get_instrument(*, store: GraphStore, instrument_id: str) -> m.InstrumentDetail:
    rows = run_named(store=store, name="api_instrument", params={"id": instrument_id}).rows
    if not rows:
        require(store, instrument_id, "Instrument", "instrument")
    raw = cast(r.InstrumentRow, rows[0][0])
    prov = Provenance(store, raw)
    participants = [
        m.Participant(
            record=p["record"],
            actor=must_ref(p["actor"]),
            role=prov.role(p["record"]),
            on_behalf_of=prov.on_behalf_of(p["record"]),
            period=period(p),
            contribution=text_of(p.get("contribution")),
            personnel=p.get("personnel"),
            national_operation=text_of(p.get("nationalOperation")),
            uncertainty=text_of(p.get("uncertainty")),
            sources=prov.sources(p["record"]),
        )
        for p in raw.get("participants") or []
    ]
    return m.InstrumentDetail(
        **_instrument_summary(raw, {"sources": prov.sources(raw["id"])}),
        uri=raw.get("uri"),
        alt_ids=sorted(list_of(raw.get("altIds"))),
        url=text_of(raw.get("url")),
        description=text_of(raw.get("description")),
        note=text_of(raw.get("note")),
        uncertainty=text_of(raw.get("uncertainty")),
        celex=text_of(raw.get("celex")),
        exact_match=exact_matches(raw.get("authorityLinks"), prov),
        place=text_of(raw.get("place")),
        provisional_application=raw.get("provisionalApplicationDate"),
        provisional_application_precision=raw.get("provisionalApplicationDatePrecision"),
        domains=sorted(
            (m.DomainRef(id=d["id"], name=d.get("name")) for d in raw.get("domains") or []), key=lambda d: d.id
        ),
        participants=sorted(participants, key=lambda p: (p.actor.id, p.record)),
        legal_basis=sorted(
            (
                m.LegalActRef(
                    **must_ref(x).model_dump(),
                    celex=text_of(x.get("celex")),
                    signed=x.get("signedDate"),
                    adopted=x.get("adoptedDate"),
                    sources=prov.sources(x["record"]),
                )
                for x in raw.get("legalBasis") or []
            ),
            key=lambda x: x.id,
        ),
        part_of=[r for r in map(ref, raw.get("partOf") or []) if r],
        parts=sorted((r for r in map(ref, raw.get("parts") or []) if r), key=lambda r: r.id),
        locations=[r for r in map(ref, raw.get("locations") or []) if r],
        events=sorted(
            (
                m.EventRef(
                    **must_ref(e).model_dump(),
                    date=e.get("date"),
                    date_precision=e.get("datePrecision"),
                    place=text_of(e.get("place")),
                    sources=prov.sources(e["record"]),
                )
                for e in raw.get("events") or []
            ),
            key=lambda e: (e.date or "", e.id),
        ),
    )


# -- domains -----------------------------------------------------------------------------------


def _domain_summary(raw: r.DomainRow, prov: Provenance, *, listed: bool) -> dict[str, Any]:
    """A domain in `m.DomainSummary`'s shape; `listed`: at most `m.LIST_SOURCES` sources (a list answer)."""
    found = prov.sources_of_json(raw.get("sourcedBy") or [])
    return {
        "id": raw["id"],
        "name": raw.get("name"),
        "name_fr": text_of(raw.get("name_fr")),
        "alt_names": list_of(raw.get("altNames")),
        "notation": raw.get("notation"),
        "uri": raw.get("uri"),
        "instrument_count": int(raw.get("instrumentCount") or 0),
        "sources": found[: m.LIST_SOURCES] if listed else found,
        "source_count": len(found),
    }


def list_domains(*, store: GraphStore, limit: int, offset: int) -> tuple[list[m.DomainSummary], int]:
    """`list_domains_json`'s domains as models."""
    items, total = list_domains_json(store=store, limit=limit, offset=offset)
    return [m.DomainSummary.model_validate(item) for item in items], total


MAX_DOMAINS = 10_000
"""More than any scheme of cooperation areas holds (the 2025 Partnership lists 16): all are read at once."""


def list_domains_json(*, store: GraphStore, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """The cooperation domains in `m.DomainSummary`'s shape. The list is the same for every request until the
    next load, and its sources are those of every partnership covering each area (in a large graph,
    thousands), so it is built once per loaded graph (`kept`) and each request cuts its page from it."""

    def build() -> list[dict[str, Any]]:
        items, _ = page(store, "api_domains", {}, MAX_DOMAINS, 0)
        prov = Provenance(store, items)
        return [_domain_summary(cast(r.DomainRow, raw), prov, listed=True) for raw in items]

    domains = kept(store, "api_domains", {}, build)
    return domains[offset : offset + limit], len(domains)


def get_domain(*, store: GraphStore, domain_id: str) -> m.DomainDetail:
    rows = run_named(store=store, name="api_domain", params={"id": domain_id}).rows
    if not rows:
        require(store, domain_id, "CooperationDomain", "cooperation domain")
    raw = cast(r.DomainRow, rows[0][0])
    prov = Provenance(store, raw)
    # Bounded like every list inside an answer: the first `m.LIST_ITEMS` instruments are the first page of
    # /api/v1/instruments?domain= (its kept order), and `instrument_count` says how many there are.
    instruments, _ = list_instruments(store=store, type=None, domain=domain_id, limit=m.LIST_ITEMS, offset=0)
    return m.DomainDetail(
        **_domain_summary(raw, prov, listed=False),
        instruments=[m.InstrumentSummary.model_validate(i) for i in instruments],
    )
