"""Neo4j 5 / Aura / clusters through the official driver (chosen when NEO4J_URI is set)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import neo4j
from neo4j import Driver, ManagedTransaction, RoutingControl, unit_of_work
from neo4j.exceptions import ClientError, DriverError, Neo4jError, ServiceUnavailable, TransientError

from eucan.errors import QuerySyntaxError, QueryTimeout, ReadOnlyViolation, StoreError, StoreUnavailable
from eucan.graph.cypher import write_batches
from eucan.graph.fulltext import lucene_query, rank
from eucan.graph.readonly import ensure_read_only
from eucan.graph.schema import neo4j_schema
from eucan.graph.store import GraphStore, Progress, QueryResult
from eucan.graph.values import plain
from eucan.ontology.mapping import PropertyGraph

__all__ = ["Neo4jStore"]

SCHEMA = neo4j_schema()
SEARCH = (
    "CALL db.index.fulltext.queryNodes('eucan_search', $q) YIELD node, score "
    "RETURN node.id AS id, score ORDER BY score DESC, id LIMIT $limit"
)


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
        self, driver: Driver, *, database: str | None = None, default_timeout_ms: int = 10_000, row_cap: int = 10_000
    ) -> None:
        self._driver = driver
        self.database = database
        self.default_timeout_ms = default_timeout_ms
        self.row_cap = row_cap

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
        timeout = (timeout_ms or self.default_timeout_ms) / 1000
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
                SEARCH, {"q": query, "limit": limit}, database_=self.database, routing_=RoutingControl.READ
            )
        except (Neo4jError, DriverError) as exc:
            raise _translate(exc) from None
        return [(str(r["id"]), float(r["score"])) for r in records if r["id"] is not None]

    def replace_graph(self, graph: PropertyGraph, *, batch_size: int = 1000, progress: Progress | None = None) -> None:
        """One write transaction: a failed or killed load rolls back and the old graph stays."""
        try:
            for statement in SCHEMA:
                self._driver.execute_query(statement, database_=self.database, routing_=RoutingControl.WRITE)
            total = graph.node_count + graph.relationship_count
            with self._driver.session(database=self.database) as session, session.begin_transaction() as tx:
                tx.run("MATCH (n:Resource) DETACH DELETE n").consume()
                done = 0
                for statement, rows in write_batches(graph, batch_size):
                    tx.run(statement, rows=rows).consume()
                    done += len(rows)
                    if progress:
                        progress(done, total)
                tx.commit()
        except (Neo4jError, DriverError) as exc:
            raise StoreError(f"loading into Neo4j failed and was rolled back: {_translate(exc)}") from None

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
