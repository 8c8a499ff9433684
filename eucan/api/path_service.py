"""How two actors are connected: a shortest chain through every kind of link the graph holds.

People are linked through their tenures (person HOLDS post, post POST_IN organisation) and their
part in events (EVENT_PARTICIPANT, and the event ABOUT_INSTRUMENT); actors through shared
instruments (PARTICIPATES_IN), memberships (MEMBER_OF) and parent organisations
(SUB_ORGANISATION_OF). FalkorDB's `shortestPath` is directed only, and an undirected
variable-length match enumerates every path, so the search is a breadth-first walk from both
ends, one `api_path_links` query per level (at most `max_hops` queries), on either engine alike.
Ties are broken by id, so the same graph always gives the same chain.
"""

from __future__ import annotations

from typing import Any

from eucan.api import models as m
from eucan.api.provenance import Provenance, must_ref, period, ref, require
from eucan.errors import QueryParameterError
from eucan.graph.store import GraphStore
from eucan.queries.runner import run_named

__all__ = ["MAX_HOPS", "path"]

MAX_HOPS = 6
_Link = tuple[str, str, bool]  # (previous node, relation, forward as stored from the previous node)


def _links(store: GraphStore, ids: list[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for start in range(0, len(ids), 400):
        chunk = ids[start : start + 400]
        out += run_named(store=store, name="api_path_links", params={"ids": chunk}).records()
    return sorted(out, key=lambda r: (r["from"], r["to"], r["rel"]))


def _expand(store: GraphStore, frontier: list[str], seen: dict[str, _Link | None], *, backwards: bool) -> list[str]:
    """One level of the walk: record how each new node was reached; return the new frontier."""
    new: list[str] = []
    for row in _links(store, frontier):
        node = row["to"]
        if node in seen:
            continue
        forward = bool(row["forward"])
        seen[node] = (row["from"], row["rel"], (not forward) if backwards else forward)
        new.append(node)
    return new


def _chain(meet: str, ahead: dict[str, _Link | None], behind: dict[str, _Link | None]) -> list[str]:
    """Steps `left|rel|right|forward` from the source to `meet`, then on to the target."""
    steps: list[str] = []
    node = meet
    while (link := ahead[node]) is not None:
        previous, rel, forward = link
        steps.append(f"{previous}|{rel}|{node}|{str(forward).lower()}")
        node = previous
    steps.reverse()
    node = meet
    while (link := behind[node]) is not None:
        following, rel, forward = link
        steps.append(f"{node}|{rel}|{following}|{str(forward).lower()}")
        node = following
    return steps


def _shortest(store: GraphStore, source: str, target: str, max_hops: int) -> list[str] | None:
    ahead: dict[str, _Link | None] = {source: None}
    behind: dict[str, _Link | None] = {target: None}
    front, back = [source], [target]
    hops = 0
    while hops < max_hops and front and back:
        hops += 1
        if len(front) <= len(back):
            front = _expand(store, front, ahead, backwards=False)
            met = sorted(n for n in front if n in behind)
        else:
            back = _expand(store, back, behind, backwards=True)
            met = sorted(n for n in back if n in ahead)
        if met:  # a met node may sit at any depth of the other side: keep the shortest chain
            return min((_chain(n, ahead, behind) for n in met), key=len)
    return None


def _names(store: GraphStore, ids: list[str]) -> dict[str, m.Ref]:
    rows = run_named(store=store, name="api_refs", params={"ids": ids}).rows
    return {ref.id: ref for ref in (ref(row[0]) for row in rows) if ref is not None}


def path(*, store: GraphStore, source: str, target: str, max_hops: int) -> m.PathAnswer:
    """A shortest chain of at most `max_hops` links between two actors, each step with its records and sources."""
    if not 1 <= max_hops <= MAX_HOPS:
        raise QueryParameterError(f"max_hops must be a whole number from 1 to {MAX_HOPS} (got {max_hops})")
    require(store, source, "Actor", "actor", "from")
    require(store, target, "Actor", "actor", "to")
    names = _names(store, [source, target])
    chain = [] if source == target else _shortest(store, source, target, max_hops)
    records = run_named(store=store, name="api_path_steps", params={"steps": chain}).records() if chain else []
    prov = Provenance(store, [r["via"] for r in records])
    steps = [
        m.PathStep(
            step=int(r["step"]),
            left=must_ref(r["left"]),
            relation=r["rel"],
            right=must_ref(r["right"]),
            via=[
                m.ViaRecord(
                    record=v["record"],
                    role=v.get("role") or prov.role(v["record"]),
                    period=period(v),
                    sources=prov.sources(v["record"]),
                )
                for v in r["via"] or []
            ],
        )
        for r in records
    ]
    return m.PathAnswer(
        source=names.get(source) or m.Ref(id=source),
        target=names.get(target) or m.Ref(id=target),
        max_hops=max_hops,
        found=chain is not None,
        hops=len(steps) if chain is not None else None,
        steps=steps,
    )
