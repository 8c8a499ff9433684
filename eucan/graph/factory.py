"""Build the configured store from settings. The only place that creates a driver or an engine."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from contextlib import AbstractContextManager

from eucan.graph.store import GraphStore
from eucan.settings import Settings

__all__ = ["exclusive_load", "open_store"]


def open_store(settings: Settings, *, embedded: bool = False) -> GraphStore:
    """Neo4j when NEO4J_URI is set (unless `embedded`), otherwise the embedded FalkorDB engine in
    `settings.data_dir`. Tools that build a throw-away graph pass `embedded=True`."""
    if settings.neo4j_uri and not embedded:
        from neo4j import GraphDatabase  # only here: the driver's import costs every command ~0.5 s

        from eucan.graph.neo4j_store import Neo4jStore

        auth = (settings.neo4j_username, settings.neo4j_password) if settings.neo4j_password else None
        # Bounded waits for a connection; each query's time limit is its transaction timeout.
        driver = GraphDatabase.driver(
            settings.neo4j_uri,
            auth=auth,
            connection_timeout=10.0,
            connection_acquisition_timeout=settings.query_timeout_ms / 1000 + 5,
            max_transaction_retry_time=settings.query_timeout_ms / 1000,
        )
        return Neo4jStore(
            driver,
            database=settings.neo4j_database,
            default_timeout_ms=settings.query_timeout_ms,
            row_cap=settings.row_cap,
            max_query_length=settings.query_max_length,
            max_nesting=settings.query_max_nesting,
            max_parse_cost=settings.query_max_parse_cost,
            timeout_max_ms=settings.engine_timeout_max_ms,
        )
    from eucan.graph.falkordb_store import FalkorDBStore  # POSIX only (fcntl); a Neo4j-only install never loads it

    return FalkorDBStore(
        settings.data_dir,
        graph_name=settings.graph_name,
        default_timeout_ms=settings.query_timeout_ms,
        row_cap=settings.row_cap,
        max_query_length=settings.query_max_length,
        max_nesting=settings.query_max_nesting,
        max_parse_cost=settings.query_max_parse_cost,
        timeout_max_ms=settings.engine_timeout_max_ms,
        query_memory_mb=settings.engine_query_memory_mb,
        reply_max_mb=settings.engine_reply_max_mb,
        start_limit_s=settings.engine_start_limit_s,
        load_lock_timeout_s=settings.load_lock_timeout_s,
    )


def exclusive_load(settings: Settings, *, on_wait: Callable[[str], None] | None = None) -> AbstractContextManager[None]:
    """The load lock, taken before the store is opened (so a second `eucan load` waits before it
    attaches to an engine the first one is about to stop). Neo4j loads lock a node instead."""
    if settings.neo4j_uri:
        return contextlib.nullcontext()
    from eucan.graph.loads import load_lock  # POSIX only (fcntl), like the embedded engine

    return load_lock(settings.data_dir, timeout_s=settings.load_lock_timeout_s, on_wait=on_wait)
