"""Run catalog queries and ad-hoc read-only Cypher against a store (shared by the CLI and the API)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eucan.graph.store import GraphStore, QueryResult
from eucan.queries.catalog import bind, get_query

__all__ = ["GraphStats", "graph_stats", "run_adhoc", "run_named"]


def run_named(
    *, store: GraphStore, name: str, params: dict[str, Any], timeout_ms: int | None = None, row_cap: int | None = None
) -> QueryResult:
    """Run a catalog query by name with checked, bound parameters."""
    query = get_query(name)
    return store.run(query.text, bind(query, params), read_only=True, timeout_ms=timeout_ms, row_cap=row_cap)


def run_adhoc(
    *, store: GraphStore, text: str, params: dict[str, Any], timeout_ms: int | None = None, row_cap: int | None = None
) -> QueryResult:
    """Run a researcher's own Cypher, read-only, with a time limit and a row cap."""
    return store.run(text, params, read_only=True, timeout_ms=timeout_ms, row_cap=row_cap)


@dataclass
class GraphStats:
    labels: dict[str, int]
    relationships: dict[str, int]
    facts: int
    primary_facts: int
    sources: int
    primary_sources: int

    @property
    def primary_share(self) -> float:
        return self.primary_facts / self.facts if self.facts else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "nodes_by_label": self.labels,
            "relationships_by_type": self.relationships,
            "nodes": self.labels.get("Resource", 0),
            "relationship_total": sum(self.relationships.values()),
            "facts": self.facts,
            "facts_with_primary_source": self.primary_facts,
            "primary_share": round(self.primary_share, 4),
            "sources": self.sources,
            "primary_sources": self.primary_sources,
        }


def graph_stats(*, store: GraphStore) -> GraphStats:
    """Counts by label and relationship type, and the provenance summary."""
    labels = {row[0]: row[1] for row in run_named(store=store, name="stats_labels", params={}).rows}
    rels = {row[0]: row[1] for row in run_named(store=store, name="stats_relationships", params={}).rows}
    prov = run_named(store=store, name="stats_provenance", params={}).records()
    first = prov[0] if prov else {}
    return GraphStats(
        labels=labels,
        relationships=rels,
        facts=int(first.get("facts") or 0),
        primary_facts=int(first.get("primary_facts") or 0),
        sources=int(first.get("sources") or 0),
        primary_sources=int(first.get("primary_sources") or 0),
    )
