"""Build the configured store from settings. The only place that creates a driver or an engine."""

from __future__ import annotations

from neo4j import GraphDatabase

from eucan.graph.neo4j_store import Neo4jStore
from eucan.graph.store import GraphStore
from eucan.settings import Settings

__all__ = ["open_store"]


def open_store(settings: Settings, *, embedded: bool = False) -> GraphStore:
    """Neo4j when NEO4J_URI is set (unless `embedded`), otherwise the embedded FalkorDB engine in
    `settings.data_dir`. Tools that build a throw-away graph pass `embedded=True`."""
    if settings.neo4j_uri and not embedded:
        auth = (settings.neo4j_username, settings.neo4j_password) if settings.neo4j_password else None
        driver = GraphDatabase.driver(settings.neo4j_uri, auth=auth)
        return Neo4jStore(
            driver,
            database=settings.neo4j_database,
            default_timeout_ms=settings.query_timeout_ms,
            row_cap=settings.row_cap,
        )
    from eucan.graph.falkordb_store import FalkorDBStore  # POSIX only (fcntl); a Neo4j-only install never loads it

    return FalkorDBStore(
        settings.data_dir,
        graph_name=settings.graph_name,
        default_timeout_ms=settings.query_timeout_ms,
        row_cap=settings.row_cap,
    )
