"""Conditional requests for documents, dumps, VoID, DCAT and the ontology (RFC 9110 §8.8, §13).

Every representation the linked-data routes serve is a function of the loaded graph (its
generation), the software version, the server's address (VoID and DCAT name it), the path and
the negotiated media type. The **generation** is the graph's fingerprint (node and relationship
counts, plus the marker `eucan load` writes in the data folder), read at most every
`CHECK_INTERVAL_S`; its **time** is the marker's modification time (the load's time), or, with
no marker (a store loaded in-process), the moment this server first saw that fingerprint.

- `ETag` is strong: a hash of all of the above, so equal tags mean equal bytes.
- `Last-Modified` is the generation's time.
- `If-None-Match` (weak comparison, `*` matches) and, without it, `If-Modified-Since` answer 304.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

from fastapi import Request
from fastapi.responses import Response

from eucan import __version__
from eucan.errors import EucanError
from eucan.graph.store import GraphStore
from eucan.linked.export import graph_fingerprint
from eucan.linked.sparql_service import LOAD_MARKER

__all__ = [
    "LICENSE_URL",
    "Generation",
    "conditional",
    "current_generation",
    "etag_for",
    "file_generation",
    "link_header",
    "not_modified",
    "validators",
]

CHECK_INTERVAL_S = 2.0
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class Generation:
    """One loaded state of the graph: an opaque token and the time it was loaded."""

    token: str
    modified: datetime

    @property
    def http_date(self) -> str:
        return format_datetime(self.modified, usegmt=True)


class _Tracker:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.checked_at = 0.0
        self.current: Generation | None = None
        self.fingerprint: tuple[object, ...] | None = None


_TRACKER_ATTR = "eucan_generation"


def _marker(data_dir: Path | None) -> tuple[str, datetime | None]:
    if data_dir is None:
        return "", None
    path = data_dir / LOAD_MARKER
    try:
        return path.read_text(encoding="utf-8").strip(), datetime.fromtimestamp(int(path.stat().st_mtime), timezone.utc)
    except OSError:
        return "", None


def _loaded_at(store: GraphStore) -> datetime | None:
    """When the load that wrote the graph ran (its LoadInfo node, on both engines)."""
    try:
        info = store.load_generation()
        when = datetime.fromisoformat(info.loaded_at) if info else None
    except (ValueError, EucanError):
        return None
    if when is None:
        return None
    return (when if when.tzinfo else when.replace(tzinfo=timezone.utc)).replace(microsecond=0)


def current_generation(request: Request, store: GraphStore) -> Generation:
    """The graph's generation as this app sees it now (re-read at most every `CHECK_INTERVAL_S`)."""
    state = request.app.state
    tracker: _Tracker | None = getattr(state, _TRACKER_ATTR, None)
    if tracker is None:
        tracker = _Tracker()
        setattr(state, _TRACKER_ATTR, tracker)
    with tracker.lock:
        now = time.monotonic()
        if tracker.current is not None and now - tracker.checked_at < CHECK_INTERVAL_S:
            return tracker.current
        tracker.checked_at = now
        marker, marked_at = _marker(getattr(state.settings, "data_dir", None))
        fingerprint = (*graph_fingerprint(store=store), marker)
        if tracker.current is None or fingerprint != tracker.fingerprint:
            token = hashlib.sha256(repr(fingerprint).encode()).hexdigest()[:20]
            seen = _loaded_at(store) or marked_at or datetime.now(timezone.utc).replace(microsecond=0)
            tracker.current, tracker.fingerprint = Generation(token, seen), fingerprint
        return tracker.current


def etag_for(generation: Generation, request: Request, media_type: str, *extra: str) -> str:
    """A strong ETag for one representation: generation, version, server address, path, media type."""
    parts = [generation.token, __version__, str(request.base_url), request.url.path, media_type, *extra]
    return '"' + hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32] + '"'


def validators(etag: str, modified: datetime) -> dict[str, str]:
    return {"ETag": etag, "Last-Modified": format_datetime(modified, usegmt=True)}


def _tags(header: str) -> list[str]:
    return [t.strip().removeprefix("W/") for t in header.split(",") if t.strip()]


def not_modified(request: Request, etag: str, modified: datetime, headers: dict[str, str]) -> Response | None:
    """A 304 when the client's copy is current, else None (GET and HEAD only)."""
    if request.method not in ("GET", "HEAD"):
        return None
    none_match = request.headers.get("if-none-match")
    if none_match is not None:
        tags = _tags(none_match)
        fresh = "*" in tags or etag.removeprefix("W/") in tags
    else:
        since = request.headers.get("if-modified-since")
        if since is None:
            return None
        try:
            when = parsedate_to_datetime(since)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        fresh = modified.replace(microsecond=0) <= when
    if not fresh:
        return None
    return Response(status_code=304, headers={**validators(etag, modified), **headers})


def link_header(links: list[tuple[str, str]] | None = None, *, describedby: str | None = "/.well-known/void") -> str:
    """`Link` with the licence, the dataset description and any other (target, rel) pairs."""
    parts = [f'<{LICENSE_URL}>; rel="license"']
    if describedby:
        parts.append(f'<{describedby}>; rel="describedby"')
    parts += [f'<{target}>; rel="{rel}"' for target, rel in links or []]
    return ", ".join(parts)


def conditional(
    request: Request,
    generation: Generation,
    media_type: str,
    make_body: Callable[[], bytes],
    headers: dict[str, str] | None = None,
) -> Response:
    """A 200 with `ETag` and `Last-Modified` (and `headers`), or a 304 when the client's copy is current."""
    extra = dict(headers or {})
    etag = etag_for(generation, request, media_type)
    hit = not_modified(request, etag, generation.modified, extra)
    if hit is not None:
        return hit
    content_type = media_type + ("; charset=utf-8" if media_type.startswith("text/") else "")
    return Response(make_body(), media_type=content_type, headers={**validators(etag, generation.modified), **extra})


def file_generation(path: Path) -> Generation:
    """The generation of a file that ships with the software (the ontology): its bytes and mtime."""
    data = path.read_bytes()
    modified = datetime.fromtimestamp(int(path.stat().st_mtime), timezone.utc)
    return Generation(hashlib.sha256(data).hexdigest()[:20], modified)
