"""Old ids answer 301 (Moved Permanently) to their record's id now, on every route.

A renamed record keeps its former ids (`alt_ids`, stored as `altId`). When a request names an
unknown id, in a path segment (`/id/tenure/<old>`, `/data/tenure/<old>.ttl`, `/api/v1/actors/<old>/partners`)
or as a query value (`?actor=<old>`), the 404 becomes a 301 to the same URL with the new id, so every
IRI and link published before a rename keeps working (see docs/data-format.md, "Ids").
"""

from __future__ import annotations

from starlette.requests import Request

from eucan.graph.store import GraphStore
from eucan.ontology.iris import SLUG
from eucan.queries.runner import run_named

__all__ = ["moved_location"]

_MAX_CANDIDATES = 16


def _stem(segment: str) -> tuple[str, str]:
    stem, dot, ext = segment.partition(".")
    return stem, dot + ext


def moved_location(request: Request, store: GraphStore) -> str | None:
    """The URL this request would have with its old ids replaced by the new ones; None if it names none."""
    segments = request.url.path.split("/")
    query = request.query_params.multi_items()
    candidates = {_stem(s)[0] for s in segments} | {value for _, value in query}
    candidates = {c for c in candidates if len(c) <= 120 and SLUG.match(c)}
    if not candidates or len(candidates) > _MAX_CANDIDATES:
        return None
    rows = run_named(store=store, name="api_moved", params={"ids": sorted(candidates)}).rows
    moved = {str(row[0]): str(row[1]) for row in rows}
    if not moved:
        return None
    path = "/".join(moved.get(stem, stem) + tail for stem, tail in map(_stem, segments))
    if not query:
        return path
    from urllib.parse import urlencode

    return path + "?" + urlencode([(key, moved.get(value, value)) for key, value in query])
