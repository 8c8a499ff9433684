"""The graph's indexes and constraints, listed once and written in each engine's DDL.

Both engines index the same (label, property) pairs. `Resource.uri` is unique: on Neo4j by a
constraint; on FalkorDB by construction (the loader MERGEs on `uri` into a fresh staging graph), with
an index on it, because a FalkorDB unique constraint is a separate, asynchronous command.
"""

from __future__ import annotations

from eucan.graph.fulltext import SEARCH_NAME, SEARCH_TEXT

__all__ = ["INDEXED", "UNIQUE", "falkordb_schema", "neo4j_schema"]

UNIQUE = [("Resource", "uri"), ("LoadInfo", "name")]  # LoadInfo: the one node each load writes and locks
# A label's own `id` index only where a query looks its nodes up by id under that label (FalkorDB picks an
# index by the pattern's label): every other lookup by id says `:Resource`. No query text looks up `:Fact` or
# `:SourceDocument` by id (their plans are the same without those indexes, checked over every text of the
# catalog at 100 k facts), and the `Fact.id` index alone held ~9 % of the engine's memory.
INDEXED = [("Resource", "id"), ("Actor", "id"), ("Instrument", "id"), ("CooperationDomain", "id"), ("Post", "id"),
           ("Resource", "name")]  # fmt: skip


# The full-text index over the loader's folded search properties (graph/fulltext.py): the words are
# taken as they are (FalkorDB: no stemming, no stopwords; Neo4j: split on spaces only), so both
# engines match the same words.
_FALKORDB_FULLTEXT = (
    "CALL db.idx.fulltext.createNodeIndex({label: 'Resource', stopwords: []}, "
    f"{{field: '{SEARCH_NAME}', weight: 3.0, nostem: true}}, {{field: '{SEARCH_TEXT}', nostem: true}})"
)
_NEO4J_FULLTEXT = (
    f"CREATE FULLTEXT INDEX eucan_search IF NOT EXISTS FOR (n:Resource) ON EACH [n.{SEARCH_NAME}, n.{SEARCH_TEXT}] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}"
)


def falkordb_schema() -> list[str]:
    return [f"CREATE INDEX FOR (n:{label}) ON (n.{prop})" for label, prop in UNIQUE + INDEXED] + [_FALKORDB_FULLTEXT]


def neo4j_schema() -> list[str]:
    constraints = [
        f"CREATE CONSTRAINT eucan_{label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE"
        for label, prop in UNIQUE
    ]
    indexes = [
        f"CREATE INDEX eucan_{label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
        for label, prop in INDEXED
    ]
    return constraints + indexes + [_NEO4J_FULLTEXT]
