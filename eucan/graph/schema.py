"""The graph's indexes and constraints, listed once and written in each engine's DDL.

Both engines index the same (label, property) pairs. `Resource.uri` is unique: on Neo4j by a
constraint; on FalkorDB by construction (the loader MERGEs on `uri` into a fresh staging graph), with
an index on it, because a FalkorDB unique constraint is a separate, asynchronous command.
"""

from __future__ import annotations

__all__ = ["INDEXED", "UNIQUE", "falkordb_schema", "neo4j_schema"]

UNIQUE = [("Resource", "uri"), ("LoadInfo", "name")]  # LoadInfo: the one node each load writes and locks
INDEXED = [("Resource", "id"), ("Actor", "id"), ("Instrument", "id"), ("Fact", "id"), ("CooperationDomain", "id"),
           ("Post", "id"), ("SourceDocument", "id"), ("Resource", "name")]  # fmt: skip


def falkordb_schema() -> list[str]:
    return [f"CREATE INDEX FOR (n:{label}) ON (n.{prop})" for label, prop in UNIQUE + INDEXED]


def neo4j_schema() -> list[str]:
    constraints = [
        f"CREATE CONSTRAINT eucan_{label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE"
        for label, prop in UNIQUE
    ]
    indexes = [
        f"CREATE INDEX eucan_{label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
        for label, prop in INDEXED
    ]
    return constraints + indexes
