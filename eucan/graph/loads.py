"""What every load shares on both engines: the exclusive load lock, and the `LoadInfo` record
each load writes into the graph it builds.

The lock is an `flock` on `load.lock` in the data folder, taken by `eucan load`, by `eucan
serve`'s start-up load and by `replace_graph` itself (re-entrant within one thread), so two
loads never write at once: the second waits up to `EUCAN_LOAD_LOCK_TIMEOUT_S` (saying so),
then fails with `LoadInProgress` and leaves the graph to the first.

`LoadInfo` is one node, label `LoadInfo` (not `Resource`, so the RDF export leaves it out),
holding the load's generation (1, 2, ...), time, a hash of the content and its counts: every
process and both engines can tell which load they are looking at.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eucan.errors import LoadInProgress, StoreUnavailable
from eucan.ontology.mapping import PropertyGraph

__all__ = ["LOAD_LOCK", "LoadInfo", "content_hash", "load_lock"]

LOAD_LOCK = "load.lock"
_held = threading.local()


@dataclass(frozen=True)
class LoadInfo:
    """The load that wrote the graph: read with `store.load_generation()`."""

    generation: int
    loaded_at: str
    content_hash: str
    nodes: int
    relationships: int
    token: str

    def as_params(self) -> dict[str, Any]:
        return {
            "generation": self.generation,
            "loadedAt": self.loaded_at,
            "contentHash": self.content_hash,
            "nodeCount": self.nodes,
            "relationshipCount": self.relationships,
            "token": self.token,
        }

    @classmethod
    def from_row(cls, row: list[Any]) -> LoadInfo:
        generation, loaded_at, digest, nodes, relationships, token = row
        return cls(
            int(generation or 0), str(loaded_at), str(digest), int(nodes or 0), int(relationships or 0), str(token)
        )

    @classmethod
    def next(cls, previous: LoadInfo | None, graph: PropertyGraph, token: str) -> LoadInfo:
        nodes, rels = _content(graph)
        return cls(
            generation=(previous.generation + 1) if previous else 1,
            loaded_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            content_hash=_digest(nodes, rels),
            nodes=len({row["uri"] for rows in graph.nodes.values() for row in rows}),
            relationships=len(rels),
            token=token,
        )


def _content(graph: PropertyGraph) -> tuple[list[str], list[str]]:
    """The graph's nodes and relationships as sorted, distinct lines (a repeated row is merged by the load)."""
    nodes = {
        json.dumps([sorted(labels), row], sort_keys=True, default=str, ensure_ascii=False)
        for labels, rows in graph.nodes.items()
        for row in rows
    }
    rels = {f"{rel['from']} {rel_type} {rel['to']}" for rel_type, rows in graph.relationships.items() for rel in rows}
    return sorted(nodes), sorted(rels)


def _digest(nodes: list[str], rels: list[str]) -> str:
    digest = hashlib.sha256()
    for line in [*nodes, "--", *rels]:
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def content_hash(graph: PropertyGraph) -> str:
    """SHA-256 of the graph's content (labels, properties, relationships), independent of order and repeats."""
    return _digest(*_content(graph))


def _holder(path: Path) -> str:
    with contextlib.suppress(OSError):
        text = path.read_text(encoding="utf-8").strip()
        if text:
            return text
    return "another process"


@contextlib.contextmanager
def load_lock(
    data_dir: Path, *, timeout_s: float = 60.0, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the exclusive load lock of `data_dir`; wait up to `timeout_s` for another load, then
    raise `LoadInProgress`. Re-entrant within a thread (a CLI load and its `replace_graph`)."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        path = (data_dir / LOAD_LOCK).resolve()
    except OSError as exc:
        raise StoreUnavailable(f"cannot create the data folder {data_dir}: {exc}; set EUCAN_DATA_DIR") from exc
    held: dict[Path, int] = _held.__dict__.setdefault("counts", {})
    if held.get(path):
        held[path] += 1
        try:
            yield
        finally:
            held[path] -= 1
        return
    deadline = time.monotonic() + timeout_s
    told = False
    while True:
        handle = path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            holder = _holder(path)
            if time.monotonic() >= deadline:
                raise LoadInProgress(
                    f"another load ({holder}) is replacing the graph in {data_dir}; this load wrote nothing. "
                    f"Run it again when that one has finished (it waited {timeout_s:g} s; "
                    "setting EUCAN_LOAD_LOCK_TIMEOUT_S)"
                ) from None
            if not told and on_wait is not None:
                on_wait(f"another load ({holder}) is replacing the graph; waiting up to {timeout_s:g} s for it")
                told = True
            time.sleep(0.05)
            continue
        try:
            same = os.fstat(handle.fileno()).st_ino == os.stat(path).st_ino
        except OSError:
            same = False
        if not same:  # the file was deleted or replaced while we waited: lock the one that is there now
            handle.close()
            continue
        break
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, since {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M:%S} UTC")
        handle.flush()
        held[path] = 1
        yield
    finally:
        held.pop(path, None)
        with contextlib.suppress(OSError):
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()
