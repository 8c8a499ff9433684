"""The embedded default store: FalkorDB on a Unix socket, started by `falkordb_server`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import redis
from falkordb import FalkorDB

from eucan.errors import QuerySyntaxError, QueryTimeout, ReadOnlyViolation, StoreError, StoreUnavailable
from eucan.graph.cypher import write_batches
from eucan.graph.falkordb_server import EmbeddedServer, start_or_attach
from eucan.graph.fulltext import rank, redisearch_query
from eucan.graph.readonly import ensure_read_only
from eucan.graph.schema import falkordb_schema
from eucan.graph.store import GraphStore, Progress, QueryResult
from eucan.graph.values import plain
from eucan.ontology.mapping import PropertyGraph

__all__ = ["FalkorDBStore"]

SEARCH = (
    "CALL db.idx.fulltext.queryNodes('Resource', $q) YIELD node, score "
    "RETURN node.id AS id, score ORDER BY score DESC, id LIMIT $limit"
)


def _translate(exc: Exception, query: str) -> Exception:
    text = str(exc)
    lowered = text.lower()
    if "timed out" in lowered or "timeout" in lowered:
        return QueryTimeout("the query ran past its time limit and was stopped; add a LIMIT or narrow the MATCH")
    if "read-only" in lowered or "ro_query" in lowered:
        return ReadOnlyViolation("the engine refused a query that would write; only read-only queries are allowed")
    if isinstance(exc, redis.ConnectionError):
        return StoreUnavailable(f"the embedded FalkorDB engine is not reachable: {text}")
    return QuerySyntaxError(f"the engine could not run the query: {text}")


class FalkorDBStore(GraphStore):
    """FalkorDB, embedded. Graph `name` holds the live graph; loads go to a staging graph first."""

    backend = "falkordb"

    def __init__(
        self, data_dir: Path, *, graph_name: str = "kg", default_timeout_ms: int = 10_000, row_cap: int = 10_000
    ) -> None:
        self.data_dir = data_dir
        self.graph_name = graph_name
        self.default_timeout_ms = default_timeout_ms
        self.row_cap = row_cap
        self._server: EmbeddedServer = start_or_attach(data_dir)
        self._db = FalkorDB(unix_socket_path=str(self._server.socket))

    # -- reads ---------------------------------------------------------------------------
    def run(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        read_only: bool = True,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> QueryResult:
        if read_only:
            ensure_read_only(query)
        graph = self._db.select_graph(self.graph_name)
        timeout = timeout_ms or self.default_timeout_ms
        try:
            if read_only:
                result = graph.ro_query(query, dict(params or {}), timeout=timeout)
            else:
                result = graph.query(query, dict(params or {}), timeout=timeout)
        except redis.ResponseError as exc:
            if "empty key" in str(exc).lower():
                raise StoreUnavailable(
                    f"the graph {self.graph_name!r} has not been loaded yet in {self.data_dir}; run `eucan load` first"
                ) from None
            raise _translate(exc, query) from None
        except (redis.ConnectionError, OSError) as exc:
            raise StoreUnavailable(f"the embedded FalkorDB engine is not reachable: {exc}") from None
        columns = [str(h[1]) if isinstance(h, (list, tuple)) else str(h) for h in (result.header or [])]
        cap = row_cap or self.row_cap
        rows = [[plain(v) for v in row] for row in result.result_set[:cap]]
        return QueryResult(columns=columns, rows=rows, truncated=len(result.result_set) > cap)

    def search(self, text: str, *, limit: int) -> list[tuple[str, float]]:
        by_name, anywhere = redisearch_query(text, names_only=True), redisearch_query(text)
        if by_name is None or anywhere is None:
            return []
        return rank(self._search(by_name, limit), self._search(anywhere, limit), limit)

    def _search(self, query: str, limit: int) -> list[tuple[str, float]]:
        graph = self._db.select_graph(self.graph_name)
        try:
            result = graph.ro_query(SEARCH, {"q": query, "limit": limit}, timeout=self.default_timeout_ms)
        except redis.ResponseError as exc:
            if "empty key" in str(exc).lower():
                raise StoreUnavailable(f"the graph {self.graph_name!r} has not been loaded yet") from None
            raise _translate(exc, SEARCH) from None
        except (redis.ConnectionError, OSError) as exc:
            raise StoreUnavailable(f"the embedded FalkorDB engine is not reachable: {exc}") from None
        return [(str(row[0]), float(row[1])) for row in result.result_set if row[0] is not None]

    # -- writes --------------------------------------------------------------------------
    def replace_graph(self, graph: PropertyGraph, *, batch_size: int = 1000, progress: Progress | None = None) -> None:
        staging_name = f"{self.graph_name}__staging"
        conn = self._db.connection
        try:
            if conn.exists(staging_name):
                self._db.select_graph(staging_name).delete()
            staging = self._db.select_graph(staging_name)
            for statement in falkordb_schema():
                staging.query(statement)
            total = graph.node_count + graph.relationship_count
            done = 0
            for statement, rows in write_batches(graph, batch_size):
                staging.query(statement, {"rows": rows})
                done += len(rows)
                if progress:
                    progress(done, total)
            # The switch: RENAME replaces the live graph in one step, then the snapshot is saved.
            conn.execute_command("RENAME", staging_name, self.graph_name)
            conn.execute_command("SAVE")
        except redis.ResponseError as exc:
            raise StoreError(f"loading into the staging graph failed ({exc}); the live graph is unchanged") from None
        except (redis.ConnectionError, OSError) as exc:
            raise StoreUnavailable(f"the embedded FalkorDB engine went away during the load: {exc}") from None

    def clear(self) -> None:
        """Delete the live graph (tests and benchmarks)."""
        if self._db.connection.exists(self.graph_name):
            self._db.select_graph(self.graph_name).delete()

    # -- lifecycle -----------------------------------------------------------------------
    def ping(self) -> bool:
        try:
            return bool(self._db.connection.ping())
        except (redis.RedisError, OSError):
            return False

    @property
    def owns_engine(self) -> bool:
        return self._server.owned

    def close(self) -> None:
        self._server.stop()

    def __enter__(self) -> FalkorDBStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
