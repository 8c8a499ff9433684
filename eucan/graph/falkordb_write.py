"""How a load writes rows into a FalkorDB staging graph: `write_rows` (MERGE by `uri`, into a graph that
may already hold them) and `write_new_graph` (a full load into a new, empty graph).

A full load's rows name each node and each relationship once and go into a graph that holds nothing
else, so the engine need not look anything up by `uri`: `write_new_graph` creates the nodes and has
the engine return each new node's id, then creates each relationship between two ids
(`NodeByIdSeek`, where a `{uri: ...}` pattern is an index lookup by string, ~2.5x the engine's time).
The relationship batches are then lists of pairs of integers, made and sent far more cheaply than
maps of two IRIs, and `RELATIONSHIP_BATCH_FACTOR` times as many to a batch as the node rows. These
statements use `id()`, which Neo4j 5 deprecates: they are FalkorDB's own (the Neo4j store writes with
`graph.cypher`'s statements) and are linted as FalkorDB-only texts.

In both, the engine writes one batch while this thread makes the next (rows are made while they are
written, `loaders.rows`): one writer thread sends the batches in order, at most one ahead of the rows
being made. The parameters are sent as the `CYPHER rows=...` header the `falkordb` client would
build, made here once per batch (the client's `Graph.query` also parses a reply we do not need).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from falkordb.helpers import stringify_param_value
from redis.exceptions import ResponseError

from eucan.errors import StoreError
from eucan.graph.cypher import safe_label, write_batches
from eucan.graph.store import Progress
from eucan.ontology.mapping import GraphRows

__all__ = [
    "RELATIONSHIP_BATCH_FACTOR",
    "create_nodes_returning_ids",
    "create_relationships_by_id",
    "encode_rows",
    "write_new_graph",
    "write_rows",
]


RELATIONSHIP_BATCH_FACTOR = 20
"""A new graph's relationships go in batches of this many times `batch_size` id pairs (20,000 by default, about
the text of 1,000 node rows). Each write query costs the engine time in proportion to the relationships the graph
already holds (GraphBLAS merges the query's new entries into the whole matrix: `GB_add`, with its memory allocated
and freed again), so the number of batches, not only the rows, sets the write's time. The engine alone, 2 M nodes
and 4 M relationships (`python bench/engine_batches.py --nodes 2000000 --relationships 4000000 --batches 1000 20000`,
2026-12-04): 86.5 s and 24.0 M page faults in batches of 1,000 pairs, 21.7 s and 2.9 M in batches of 20,000; at
600,000 relationships the batch size made no difference (docs/benchmarks.md, *Relationship batches*)."""


def create_nodes_returning_ids(labels: tuple[str, ...]) -> str:
    """Create one node per row, returning the new nodes' ids in the order of the rows."""
    extra = "".join(f":{safe_label(label)}" for label in labels if label != "Resource")
    return f"UNWIND $rows AS row CREATE (n:Resource{extra}) SET n = row RETURN id(n)"


def create_relationships_by_id(rel_type: str) -> str:
    """Create one relationship per `[from id, to id]` row (the `WITH` lets FalkorDB seek each node by id)."""
    return (
        "UNWIND $rows AS row WITH row[0] AS a, row[1] AS b "
        "MATCH (x) WHERE id(x) = a MATCH (y) WHERE id(y) = b "
        f"CREATE (x)-[:{safe_label(rel_type)}]->(y)"
    )


_KEYS: dict[str, str] = {}
"""Each property key as `stringify_param_value` writes it before its value (the key in backticks, a colon)."""


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def encode_rows(rows: list[dict[str, Any]]) -> str:
    """The text `stringify_param_value(rows)` gives for node rows (maps of string keys to strings, numbers,
    booleans and lists of them), made with less work per value: the same characters (tested)."""
    keys, out = _KEYS, []
    for row in rows:
        items = []
        for key, value in row.items():
            prefix = keys.get(key)
            if prefix is None:  # the client's own checks (an empty key or a backtick is refused)
                prefix = keys[key] = stringify_param_value({key: 0})[1:-2]
            kind = type(value)
            if kind is str:
                items.append(prefix + _quoted(value))
            elif kind is list:
                items.append(
                    prefix
                    + "["
                    + ",".join([_quoted(v) if type(v) is str else stringify_param_value(v) for v in value])
                    + "]"
                )
            else:
                items.append(prefix + stringify_param_value(value))
        out.append("{" + ",".join(items) + "}")
    return "[" + ",".join(out) + "]"


def _send(staging: Any, statement: str, rows: Any, limit: int, encoded: str | None = None) -> list[Any]:
    """Run `statement` with `$rows` (already encoded as a Cypher value, or encoded here); the reply's rows."""
    text = f"CYPHER rows={encoded if encoded is not None else stringify_param_value(rows)} {statement}"
    response = staging.execute_command("GRAPH.QUERY", staging.name, text, "--compact", "timeout", limit)
    if isinstance(response[0], ResponseError):
        raise response[0]
    if isinstance(response[-1], ResponseError):
        raise response[-1]
    return response[1] if len(response) > 2 else []


class _Writer:
    """One writer thread: batches go in order, the caller making the next while the engine writes one."""

    def __init__(self, progress: Progress | None, done: int, total: int) -> None:
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="eucan-write")
        self.pending: tuple[Future[Any], int] | None = None
        self.progress, self.done, self.total = progress, done, total

    def submit(self, count: int, work: Callable[..., Any], *args: Any) -> None:
        sent = self.pool.submit(work, *args)
        self.drain()
        self.pending = (sent, count)

    def drain(self) -> None:
        if self.pending is not None:
            future, count = self.pending
            self.pending = None
            future.result()
            self.done += count
            if self.progress:
                self.progress(self.done, self.total)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def write_rows(
    staging: Any,
    graph: GraphRows,
    batch_size: int,
    limit: int,
    progress: Progress | None,
    done: int,
    total: int,
) -> None:
    """Write `graph` into the staging graph in batches with `graph.cypher`'s MERGE statements, reporting
    progress from `done` of `total` (a new graph whose rows name each node once: `write_new_graph`)."""
    writer = _Writer(progress, done, total)
    try:
        for statement, rows in write_batches(graph, batch_size):
            writer.submit(len(rows), _send, staging, statement, rows, limit)
        writer.drain()
    finally:
        writer.close()


def _pairs(graph: GraphRows, batch_size: int) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(type, [(from uri, to uri)]) batches: the rows' own pairs when they make them, else from their maps."""
    made = getattr(graph, "relationship_pairs", None)
    if made is not None:
        yield from made(batch_size)
        return
    for rel_type, rels in graph.relationship_batches(batch_size):
        yield rel_type, [(rel["from"], rel["to"]) for rel in rels]


def _id_pairs(pairs: Iterable[tuple[str, str]], ids: dict[str, int]) -> list[tuple[int, int]]:
    """The pairs as node ids. A pair whose end is no node is left out, as `MATCH` by uri would."""
    get = ids.get
    out = []
    for source, target in pairs:
        a, b = get(source), get(target)
        if a is not None and b is not None:
            out.append((a, b))
    return out


def _id_batches(
    graph: GraphRows, batch_size: int, ids: dict[str, int]
) -> Iterator[tuple[str, list[tuple[int, int]], int]]:
    """(type, [(from id, to id)], relationships the batch stands for) batches: the rows' own when they make
    them (`StreamedRows.relationship_id_pairs`), else from their uri pairs."""
    made = getattr(graph, "relationship_id_pairs", None)
    if made is not None:
        yield from made(batch_size, ids)
        return
    for rel_type, pairs in _pairs(graph, batch_size):
        yield rel_type, _id_pairs(pairs, ids), len(pairs)


def write_new_graph(
    staging: Any, graph: GraphRows, batch_size: int, limit: int, progress: Progress | None, total: int
) -> int:
    """Write `graph` (each node and relationship given once) into the new, empty staging graph: nodes,
    then relationships between the nodes' ids (see the module's docstring). The relationships written."""
    ids: dict[str, int] = {}
    statements: dict[Any, str] = {}

    def nodes(statement: str, rows: list[dict[str, Any]]) -> None:
        returned = _send(staging, statement, None, limit, encode_rows(rows))
        if len(returned) != len(rows):
            raise StoreError(f"the engine created {len(returned)} nodes for {len(rows)} rows")
        new = [row[0][1] for row in returned]
        # A new graph's ids count up as the nodes are made: rows and ids pair up in order.
        if new and new[-1] - new[0] != len(new) - 1:
            raise StoreError("the engine returned the new nodes' ids out of order")
        ids.update(zip([row["uri"] for row in rows], new, strict=True))

    writer = _Writer(progress, 0, total)
    written = 0
    try:
        for labels, rows in graph.node_batches(batch_size):
            statement = statements.get(labels)
            if statement is None:
                statement = statements[labels] = create_nodes_returning_ids(labels)
            writer.submit(len(rows), nodes, statement, rows)
        writer.drain()  # every id is known before the first relationship is made
        encode = json.JSONEncoder(separators=(",", ":")).encode
        for rel_type, by_id, count in _id_batches(graph, batch_size * RELATIONSHIP_BATCH_FACTOR, ids):
            statement = statements.get(rel_type)
            if statement is None:
                statement = statements[rel_type] = create_relationships_by_id(rel_type)
            written += len(by_id)
            if by_id:
                encoded = encode(by_id)
                writer.submit(count, _send, staging, statement, None, limit, encoded)
            else:
                writer.done += count
        writer.drain()
    finally:
        writer.close()
    return written
