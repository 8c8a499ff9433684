"""Actors: the list, one actor with its memberships, posts, tenures and participations."""

from __future__ import annotations

from typing import Any, cast

from eucan.api import models as m
from eucan.api import rows as r
from eucan.api.provenance import (
    Provenance,
    exact_matches,
    kept_page,
    list_of,
    listed_own,
    must_ref,
    named_json,
    period,
    ref,
    require,
    text_of,
)
from eucan.graph.store import GraphStore
from eucan.queries.runner import run_named

__all__ = ["get_actor", "list_actors"]


# -- actors ------------------------------------------------------------------------------------


def _actor_summary(raw: r.NamedRow, sources: dict[str, Any]) -> dict[str, Any]:
    """What a list shows of an actor (`sources`: `listed_own`, at most `m.LIST_SOURCES`), or a detail's summary
    part (all its sources), as plain JSON values in `m.ActorSummary`'s shape (a list page is written straight
    from them, with no model built; a test checks they are exactly what the model serialises)."""
    return {
        **named_json(raw),
        **sources,
    }


def list_actors(*, store: GraphStore, type: str | None, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    items, total = kept_page(store, "api_actor_ids", "api_actors_by_ids", {"type": type}, limit, offset)
    return [_actor_summary(cast(r.NamedRow, raw), listed_own(raw)) for raw in items], total


def _membership(raw: r.MembershipRow, prov: Provenance, side: str) -> m.Membership:
    return m.Membership(
        record=raw["record"], period=period(raw), sources=prov.sources(raw["record"]), **{side: ref(raw.get("other"))}
    )


def _participation(raw: r.ParticipationRow, prov: Provenance) -> m.Participation:
    record = raw["record"]
    return m.Participation(
        record=record,
        instrument=must_ref(raw["instrument"]),
        role=prov.role(record),
        on_behalf_of=prov.on_behalf_of(record),
        period=period(raw),
        contribution=text_of(raw.get("contribution")),
        personnel=raw.get("personnel"),
        national_operation=text_of(raw.get("nationalOperation")),
        uncertainty=text_of(raw.get("uncertainty")),
        sources=prov.sources(record),
    )


def get_actor(*, store: GraphStore, actor_id: str) -> m.ActorDetail:
    rows = run_named(store=store, name="api_actor", params={"id": actor_id}).rows
    if not rows:
        require(store, actor_id, "Actor", "actor")
    raw = cast(r.ActorRow, rows[0][0])
    prov = Provenance(store, raw)
    posts = []
    for post in raw.get("posts") or []:
        tenures = [
            m.Tenure(
                record=t["record"], holder=ref(t.get("holder")), period=period(t), sources=prov.sources(t["record"])
            )
            for t in raw.get("postTenures") or []
            if t.get("post") == post["id"]
        ]
        tenures.sort(key=lambda t: t.period.start or "")
        posts.append(
            m.Post(
                id=post["id"],
                name=post.get("name"),
                name_fr=text_of(post.get("name_fr")),
                sources=prov.sources(post["id"]),
                tenures=tenures,
            )
        )
    tenures = [
        m.Tenure(
            record=t["record"],
            post=ref(t["post"]),
            organisation=ref(t["post"].get("organisation")),
            period=period(t),
            sources=prov.sources(t["record"]),
        )
        for t in raw.get("tenures") or []
    ]
    summary = _actor_summary(raw, {"sources": prov.sources(raw["id"])})
    return m.ActorDetail(
        **summary,
        uri=raw.get("uri"),
        description=text_of(raw.get("description")),
        note=text_of(raw.get("note")),
        uncertainty=text_of(raw.get("uncertainty")),
        same_as=list_of(raw.get("exactMatch")),
        exact_match=exact_matches(raw.get("authorityLinks"), prov),
        part_of=[r for r in map(ref, raw.get("partOf") or []) if r],
        parts=[r for r in map(ref, raw.get("parts") or []) if r],
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
