"""Neo4j 5 / Aura / clusters through the official driver (chosen when NEO4J_URI is set).

Bounds: the text is checked for length and nesting before it is sent, reads run in a
transaction with the query's time limit (the server stops it), rows are taken while
streaming and the rest discarded at the cap, and the driver (built in `factory`) has
connection and acquisition timeouts. Memory per transaction is a server setting,
`db.memory.transaction.max` (the driver cannot set it): set it on the server (README).
A load takes a write lock on the one `LoadInfo` node first, so two loads run one after
the other, each in one transaction.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Mapping
from typing import Any

import neo4j
from neo4j import Driver, ManagedTransaction, RoutingControl, unit_of_work
from neo4j.exceptions import ClientError, DriverError, Neo4jError, ServiceUnavailable, TransientError

from eucan.errors import QuerySyntaxError, QueryTimeout, ReadOnlyViolation, StaleGraph, StoreError, StoreUnavailable
from eucan.graph.cypher import DELETE_NODES, HEALTH_PROBE, LOAD_INFO_READ, LOAD_INFO_WRITE, write_batches
from eucan.graph.fulltext import lucene_query, rank
from eucan.graph.loads import GraphChanges, LoadInfo, Manifest, write_plan
from eucan.graph.readonly import admit
from eucan.graph.schema import neo4j_schema
from eucan.graph.store import GraphStore, Progress, QueryResult
from eucan.graph.values import plain
from eucan.ontology.mapping import GraphRows

__all__ = ["Neo4jStore"]

SCHEMA = neo4j_schema()
SEARCH = (
    "CALL db.index.fulltext.queryNodes('eucan_search', $q) YIELD node, score "
    "RETURN node.id AS id, score ORDER BY score DESC, id LIMIT $limit"
)
LOAD_INFO_LOCK = "MERGE (l:LoadInfo {name: 'load'}) SET l.lockedBy = $token"
CLEAR = "MATCH (n:Resource) DETACH DELETE n"


def _translate(exc: Exception) -> Exception:
    code = getattr(exc, "code", "") or ""
    text = getattr(exc, "message", None) or str(exc)
    if isinstance(exc, ServiceUnavailable):
        return StoreUnavailable(f"Neo4j is not reachable: {text}; check NEO4J_URI and that the server runs")
    if "TransactionTimedOut" in code or "timed out" in text.lower() or "Terminated" in code:
        return QueryTimeout("the query ran past its time limit and was stopped; add a LIMIT or narrow the MATCH")
    if "AccessMode" in code or "read access mode" in text.lower() or "Forbidden" in code:
        return ReadOnlyViolation("Neo4j refused a query that would write; only read-only queries are allowed")
    if isinstance(exc, (ClientError, TransientError)):
        return QuerySyntaxError(f"Neo4j could not run the query: {text}")
    return StoreError(f"Neo4j failed: {text}")


class Neo4jStore(GraphStore):
    """The same Cypher as the embedded store, through an injected `neo4j.Driver`."""

    backend = "neo4j"

    def __init__(
        self,
        driver: Driver,
        *,
        database: str | None = None,
        default_timeout_ms: int = 10_000,
        row_cap: int = 10_000,
        max_query_length: int = 20_000,
        max_nesting: int = 12,
        max_parse_cost: int = 100_000,
        timeout_max_ms: int = 120_000,
        load_timeout_s: float = 3600.0,
    ) -> None:
        self._driver = driver
        self.database = database
        self.default_timeout_ms = default_timeout_ms
        self.row_cap = row_cap
        self.max_query_length = max_query_length
        self.max_nesting = max_nesting
        self.max_parse_cost = max_parse_cost
        self.timeout_max_ms = timeout_max_ms
        self.load_timeout_s = load_timeout_s

    def run(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        read_only: bool = True,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> QueryResult:
        admit(
            query,
            read_only=read_only,
            max_length=self.max_query_length,
            max_nesting=self.max_nesting,
            max_parse_cost=self.max_parse_cost,
        )
        timeout = min(timeout_ms or self.default_timeout_ms, self.timeout_max_ms) / 1000
        cap = row_cap or self.row_cap

        @unit_of_work(timeout=timeout)
        def work(tx: ManagedTransaction) -> tuple[list[str], list[list[Any]], bool]:
            result = tx.run(query, dict(params or {}))
            keys = list(result.keys())
            rows: list[list[Any]] = []
            for record in result:
                if len(rows) >= cap:
                    return keys, rows, True
                rows.append([plain(v) for v in record.values()])
            return keys, rows, False

        mode = neo4j.READ_ACCESS if read_only else neo4j.WRITE_ACCESS
        try:
            with self._driver.session(database=self.database, default_access_mode=mode) as session:
                if read_only:
                    columns, rows, truncated = session.execute_read(work)
                else:
                    columns, rows, truncated = session.execute_write(work)
        except (Neo4jError, DriverError) as exc:
            raise _translate(exc) from None
        return QueryResult(columns=columns, rows=rows, truncated=truncated)

    def search(self, text: str, *, limit: int) -> list[tuple[str, float]]:
        by_name, anywhere = lucene_query(text, names_only=True), lucene_query(text)
        if by_name is None or anywhere is None:
            return []
        return rank(self._search(by_name, limit), self._search(anywhere, limit), limit)

    def _search(self, query: str, limit: int) -> list[tuple[str, float]]:
        try:
            records, _, _ = self._driver.execute_query(
                neo4j.Query(SEARCH, timeout=self.default_timeout_ms / 1000),
                {"q": query, "limit": limit},
                database_=self.database,
                routing_=RoutingControl.READ,
            )
        except (Neo4jError, DriverError) as exc:
            raise _translate(exc) from None
        return [(str(r["id"]), float(r["score"])) for r in records if r["id"] is not None]

    def load_generation(self) -> LoadInfo | None:
        result = self.run(LOAD_INFO_READ, timeout_ms=10_000, row_cap=1)
        return LoadInfo.from_row(result.rows[0]) if result.rows and result.rows[0][0] is not None else None

    def replace_graph(
        self,
        graph: GraphRows,
        *,
        batch_size: int = 1000,
        progress: Progress | None = None,
        manifest: Manifest | None = None,
    ) -> LoadInfo:
        """One write transaction: a failed or killed load rolls back and the old graph stays. Its first
        statement locks the `LoadInfo` node, so a concurrent load waits for this one to commit."""
        token = uuid.uuid4().hex
        try:
            for statement in SCHEMA:
                self._driver.execute_query(statement, database_=self.database, routing_=RoutingControl.WRITE)
            total = graph.node_count + graph.relationship_count
            with (
                self._driver.session(database=self.database) as session,
                session.begin_transaction(timeout=self.load_timeout_s) as tx,
            ):
                tx.run(LOAD_INFO_LOCK, token=token).consume()
                previous = tx.run(LOAD_INFO_READ).values()
                manifest, _ = write_plan(graph, manifest)
                tx.run(CLEAR).consume()
                done = 0
                for statement, rows in write_batches(graph, batch_size):
                    tx.run(statement, rows=rows).consume()
                    done += len(rows)
                    if progress:
                        progress(done, total)
                info = LoadInfo.after(
                    LoadInfo.from_row(previous[0]) if previous and previous[0][0] is not None else None,
                    manifest,
                    token,
                )
                tx.run(LOAD_INFO_WRITE, info=info.as_params()).consume()
                tx.commit()
        except (Neo4jError, DriverError) as exc:
            raise StoreError(f"loading into Neo4j failed and was rolled back: {_translate(exc)}") from None
        return info

    def update_graph(
        self,
        changes: GraphChanges,
        manifest: Manifest,
        *,
        expected_token: str,
        batch_size: int = 1000,
        progress: Progress | None = None,
    ) -> LoadInfo:
        """One write transaction, like `replace_graph`, holding the `LoadInfo` lock: the changed nodes are
        deleted and written again, and the load's token is checked first (`StaleGraph` otherwise)."""
        token = uuid.uuid4().hex
        try:
            with (
                self._driver.session(database=self.database) as session,
                session.begin_transaction(timeout=self.load_timeout_s) as tx,
            ):
                tx.run(LOAD_INFO_LOCK, token=token).consume()
                previous = tx.run(LOAD_INFO_READ).values()
                current = LoadInfo.from_row(previous[0]) if previous and previous[0][0] is not None else None
                if current is None or current.token != expected_token:
                    raise StaleGraph(
                        "the live graph is not the one this incremental load compared against; nothing was written"
                    )
                info = LoadInfo.after(current, manifest, token)
                total = len(changes.delete) + changes.write.node_count + changes.write.relationship_count
                done = 0
                for start in range(0, len(changes.delete), batch_size):
                    uris = changes.delete[start : start + batch_size]
                    tx.run(DELETE_NODES, rows=uris).consume()
                    done += len(uris)
                    if progress:
                        progress(done, total)
                for statement, rows in write_batches(changes.write, batch_size):
                    tx.run(statement, rows=rows).consume()
                    done += len(rows)
                    if progress:
                        progress(done, total)
                tx.run(LOAD_INFO_WRITE, info=info.as_params()).consume()
                tx.commit()
        except (Neo4jError, DriverError) as exc:
            raise StoreError(f"loading into Neo4j failed and was rolled back: {_translate(exc)}") from None
        return info

    def probe(self, timeout_ms: int) -> float:
        started = time.perf_counter()
        self.run(HEALTH_PROBE, timeout_ms=timeout_ms, row_cap=1)
        return (time.perf_counter() - started) * 1000

    def ping(self) -> bool:
        try:
            self._driver.verify_connectivity()
            return True
        except (Neo4jError, DriverError):
            return False

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
