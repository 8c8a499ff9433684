"""What every load shares on both engines: the exclusive load lock, and the `LoadInfo` record
each load writes into the graph it builds.

The lock is an `flock` on `load.lock` in the data folder, taken by `eucan load`, by `eucan
serve`'s start-up load and by `replace_graph` itself (re-entrant within one thread), so two
loads never write at once: the second waits up to `EUCAN_LOAD_LOCK_TIMEOUT_S` (saying so),
then fails with `LoadInProgress` and leaves the graph to the first.

`LoadInfo` is one node, label `LoadInfo` (not `Resource`, so the RDF export leaves it out),
holding the load's generation (1, 2, ...), time, a hash of the content and its counts: every
process and both engines can tell which load they are looking at.

An incremental load compares each node's digest (its labels, properties and outgoing
relationships) with the digests of the load that wrote the live graph (`Manifest`, kept by the
loader beside the graph and tied to that load's token), and rewrites only the nodes whose
digest changed (`diff`): it deletes them and the removed nodes, writes them again with their
relationships, and restores the relationships that unchanged nodes had to them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import marshal
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eucan.errors import LoadInProgress, StoreError, StoreUnavailable
from eucan.ontology.mapping import GraphRows, PropertyGraph

__all__ = [
    "LOAD_LOCK",
    "GraphChanges",
    "LoadInfo",
    "Manifest",
    "Staged",
    "check_written",
    "content_hash",
    "diff",
    "load_lock",
    "manifest_of",
    "node_digest",
    "write_plan",
]

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
    """The load's token; "" when the graph's LoadInfo holds none (a graph not written by `eucan load`)."""

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
            int(generation or 0),
            str(loaded_at),
            str(digest),
            int(nodes or 0),
            int(relationships or 0),
            "" if token is None else str(token),  # no token stays no token (not the text "None")
        )

    @classmethod
    def next(cls, previous: LoadInfo | None, graph: PropertyGraph, token: str) -> LoadInfo:
        return cls.after(previous, manifest_of(graph), token)

    @classmethod
    def after(cls, previous: LoadInfo | None, manifest: Manifest, token: str) -> LoadInfo:
        """The `LoadInfo` of a load that leaves the graph `manifest` describes."""
        return cls.of_staged(previous, Staged.of(manifest), token)

    @classmethod
    def of_staged(cls, previous: LoadInfo | None, staged: Staged, token: str) -> LoadInfo:
        """The `LoadInfo` of a load that leaves the graph a staging graph was written with (`staged`)."""
        return cls(
            generation=(previous.generation + 1) if previous else 1,
            loaded_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            content_hash=staged.content_hash,
            nodes=staged.nodes,
            relationships=staged.relationships,
            token=token,
        )


@dataclass(frozen=True)
class Staged:
    """What a staging graph was written with: its content's hash and counts (what its `LoadInfo` says),
    and whether it was written with CREATE into an empty graph (`distinct`: its indexes are still to
    build). Small and picklable: the process that wrote the rows may not be the one that switches."""

    content_hash: str
    nodes: int
    relationships: int
    distinct: bool = False

    @classmethod
    def of(cls, manifest: Manifest, distinct: bool = False) -> Staged:
        return cls(manifest.content_hash(), len(manifest.digests), manifest.relationships, distinct)


_MODULUS = 1 << 256


def _node_hash(uri: str, digest: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{uri} {digest}\n".encode()).digest(), "big")


@dataclass
class Manifest:
    """What a load wrote, node by node: uri → digest of the node's labels, properties and distinct
    outgoing relationships (`links`: how many), plus the number of distinct relationships. `token`
    names the load. `hash_sum` is the sum of the nodes' hashes (`content_hash`), kept so that an
    incremental load can update it without hashing every node again."""

    digests: dict[str, str]
    relationships: int
    token: str = ""
    links: dict[str, int] = field(default_factory=dict)
    hash_sum: int | None = None

    def content_hash(self) -> str:
        """A hash of the graph's content (labels, properties, relationships), independent of order and
        repeats: the sum, modulo 2**256, of the SHA-256 of every node's uri and digest, in hex."""
        if self.hash_sum is None:
            self.hash_sum = sum(_node_hash(uri, digest) for uri, digest in self.digests.items()) % _MODULUS
        return f"{self.hash_sum:064x}"

    def patched(self, removed: set[str], current: Manifest) -> Manifest:
        """This manifest with the nodes `removed` gone and the nodes of `current` (a part of the graph) set."""
        digests, links = dict(self.digests), dict(self.links)
        total = self.hash_sum if self.hash_sum is not None else int(self.content_hash(), 16)
        relationships = self.relationships
        for uri in removed | set(current.digests):
            old = digests.pop(uri, None)
            if old is not None:
                total -= _node_hash(uri, old)
            relationships -= links.pop(uri, 0)
        for uri, digest in current.digests.items():
            digests[uri] = digest
            total += _node_hash(uri, digest)
            count = current.links.get(uri, 0)
            if count:
                links[uri] = count
                relationships += count
        return Manifest(digests, relationships, links=links, hash_sum=total % _MODULUS)

    def to_json(self) -> str:
        return json.dumps({"token": self.token, "relationships": self.relationships, "digests": self.digests})

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        return cls(digests=dict(data["digests"]), relationships=int(data["relationships"]), token=str(data["token"]))


def node_digest(labels: Iterable[str], props: Mapping[str, Any], links: set[str] | None) -> str:
    """A node's digest: its labels, its properties and its distinct outgoing relationships ("type target"
    texts), each sorted, as marshal's version 2 bytes (no references, so the same values give the same
    bytes in any process; ~2x cheaper than their `repr`), hashed."""
    data = (sorted(labels), sorted(props.items()), sorted(links) if links else [])
    return hashlib.blake2b(marshal.dumps(data, 2), digest_size=16).hexdigest()


def manifest_of(graph: PropertyGraph, token: str = "") -> Manifest:
    """The digest of every node of `graph` (a relationship belongs to the node it leaves). A node
    given in several rows is merged the way a load merges them (labels added, properties set)."""
    nodes: dict[str, tuple[Any, dict[str, Any]]] = {}
    for labels, rows in graph.nodes.items():
        for row in rows:
            uri = row["uri"]
            seen = nodes.get(uri)
            if seen is None:
                nodes[uri] = (labels, row)
            else:
                nodes[uri] = (tuple(sorted({*seen[0], *labels})), {**seen[1], **row})
    # Each node's outgoing relationships as (type, target, type, target, ...): references to the rows'
    # own strings; the "type target" texts are made node by node (all at once they would double the rows).
    out: dict[str, list[str]] = {}
    for rel_type, rels in graph.relationships.items():
        for rel in rels:
            ends = out.get(rel["from"])
            if ends is None:
                out[rel["from"]] = [rel_type, rel["to"]]
            else:
                ends += (rel_type, rel["to"])
    digests: dict[str, str] = {}
    counts: dict[str, int] = {}
    relationships = 0
    for uri, (labels, props) in nodes.items():
        ends = out.get(uri)
        links = {f"{t} {to}" for t, to in zip(ends[::2], ends[1::2], strict=True)} if ends else None
        if links:
            relationships += len(links)
            counts[uri] = len(links)
        digests[uri] = node_digest(labels, props, links)
    return Manifest(digests=digests, relationships=relationships, token=token, links=counts)


def write_plan(graph: GraphRows, manifest: Manifest | None) -> tuple[Manifest, bool]:
    """The manifest of a full load's rows and whether an empty graph can take them with CREATE (each node
    and relationship given once). A `PropertyGraph`'s manifest is computed here unless given; rows made
    while they are written (`loaders.rows.StreamedRows`) say if they are distinct, and fill the manifest
    they are given as they are written (complete when the last node row is)."""
    if isinstance(graph, PropertyGraph):
        manifest = manifest or manifest_of(graph)
        return manifest, len(
            manifest.digests
        ) == graph.node_count and manifest.relationships == graph.relationship_count
    if manifest is None:
        raise ValueError("rows made while they are written need the manifest they fill (replace_graph(manifest=...))")
    return manifest, bool(getattr(graph, "distinct", False))


def check_written(graph: GraphRows, manifest: Manifest, distinct: bool) -> None:
    """After rows made while they were written: they were as many as they said, and (written with CREATE)
    each node and relationship was given once; else the load stops before its graph is switched in."""
    if isinstance(graph, PropertyGraph) or not distinct:
        return
    if len(manifest.digests) != graph.node_count or manifest.relationships != graph.relationship_count:
        raise StoreError(
            f"the load's rows named {graph.node_count} nodes and {graph.relationship_count} relationships but "
            f"{len(manifest.digests)} and {manifest.relationships} distinct ones; the live graph is unchanged"
        )


@dataclass
class GraphChanges:
    """What an incremental load writes: the nodes to delete (removed, or changed and written again),
    then the changed and new nodes with their relationships (as a `PropertyGraph`)."""

    delete: list[str]
    write: PropertyGraph

    @property
    def empty(self) -> bool:
        return not self.delete and not self.write.nodes and not self.write.relationships


def diff(previous: Manifest, graph: PropertyGraph, current: Manifest) -> GraphChanges:
    """The changes that turn the graph `previous` describes into `graph` (described by `current`).

    Changed nodes are deleted with all their relationships and written again: their own outgoing
    relationships come with them, and the relationships other, unchanged nodes have to them are
    written again too (an unchanged node's outgoing relationships are part of its digest, so they
    are the same in both graphs)."""
    before, after = previous.digests, current.digests
    rewrite = {uri for uri, digest in after.items() if before.get(uri) != digest}
    deleted = {uri for uri in before if uri not in after} | {uri for uri in rewrite if uri in before}
    nodes = {
        labels: kept for labels, rows in graph.nodes.items() if (kept := [row for row in rows if row["uri"] in rewrite])
    }
    rels = {
        rel_type: kept
        for rel_type, rows in graph.relationships.items()
        if (kept := [rel for rel in rows if rel["from"] in rewrite or rel["to"] in deleted])
    }
    return GraphChanges(delete=sorted(deleted), write=PropertyGraph(nodes=nodes, relationships=rels))


def content_hash(graph: PropertyGraph) -> str:
    """SHA-256 of the graph's content (labels, properties, relationships), independent of order and repeats."""
    return manifest_of(graph).content_hash()


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
