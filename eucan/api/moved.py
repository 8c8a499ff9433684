"""Old ids answer 301 (Moved Permanently) to their record's id now, on every route.

A renamed record keeps its former ids (`alt_ids`, stored as `altId`). When a request names an
unknown id, in a path segment (`/id/tenure/<old>`, `/data/tenure/<old>.ttl`, `/api/v1/actors/<old>/partners`)
or as a query value (`?actor=<old>`), the 404 becomes a 301 to the same URL with the new id, so every
IRI and link published before a rename keeps working (see docs/data-format.md, "Ids").

A former id is sent to its own kind's route: an old membership id under `/api/v1/actors/` goes to the
membership's IRI (`/id/membership/<new>`), which answers, rather than to `/api/v1/actors/<new>`, which
would not; under `/id/`, `/page/` and `/data/` the kind segment is corrected the same way.

The former ids are read once per loaded graph (one pass, `kept`) into a table, so an unknown id costs
a dictionary lookup, not a scan of every node: a flood of 404s does not load the engine.
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import urlencode

from starlette.requests import Request

from eucan.api.kept import FULL_PASS_TIMEOUT_MS, kept
from eucan.graph.store import GraphStore
from eucan.ontology.iris import SLUG, local_path
from eucan.queries.runner import run_named

__all__ = ["API_COLLECTIONS", "Moved", "former_ids", "moved_location"]

_MAX_CANDIDATES = 16
API_COLLECTIONS = {"actors": "actor", "instruments": "instrument", "events": "event", "domains": "domain"}
"""The API's collections (`/api/v1/<collection>/<id>`) and the kind of record each holds."""
_KIND_COLLECTION = {kind: collection for collection, kind in API_COLLECTIONS.items()}
_LINKED = ("id", "page", "data")


class Moved(NamedTuple):
    """Where a former id went: the record's id now, its kind and the path of its IRI (`/id/<kind>/<id>`)."""

    id: str
    kind: str
    path: str


def former_ids(store: GraphStore) -> dict[str, Moved]:
    """Every former id of the loaded graph and where it went, read in one pass and kept per loaded graph."""

    def compute() -> dict[str, Moved]:
        rows = run_named(store=store, name="api_moved", params={}, timeout_ms=FULL_PASS_TIMEOUT_MS).rows
        table: dict[str, Moved] = {}
        for old, new, uri in rows:
            path = local_path(str(uri)) or ""
            parts = path.strip("/").split("/")
            kind = parts[1] if parts[0] == "id" and len(parts) == 3 else parts[0]
            table[str(old)] = Moved(str(new), kind, path)
        return table

    return kept(store, "api_moved", {}, compute)


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
    table = former_ids(store)
    moved = {c: table[c] for c in candidates if c in table}
    if not moved:
        return None
    # /api/v1/<collection>/<old>...: a former id of another kind goes to its own kind's route.
    if segments[1:3] == ["api", "v1"] and len(segments) > 4 and segments[4] in moved:
        found = moved[segments[4]]
        expected = API_COLLECTIONS.get(segments[3])
        if expected is not None and found.kind != expected:
            collection = _KIND_COLLECTION.get(found.kind)
            return f"/api/v1/{collection}/{found.id}" if collection else found.path
    # /id|page|data/<kind>/<old>[.ext]: the kind segment follows the record.
    if len(segments) == 4 and segments[1] in _LINKED and _stem(segments[3])[0] in moved:
        found = moved[_stem(segments[3])[0]]
        if found.kind != segments[2] and found.path:
            if segments[1] == "id":
                return found.path
            segments[2] = found.kind
    path = "/".join((moved[stem].id if stem in moved else stem) + tail for stem, tail in map(_stem, segments))
    if not query:
        return path
    return path + "?" + urlencode([(key, moved[value].id if value in moved else value) for key, value in query])
