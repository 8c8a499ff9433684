"""Run catalog queries and ad-hoc read-only Cypher against a store (shared by the CLI and the API)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eucan.dates import display
from eucan.errors import QueryParameterError
from eucan.graph.store import GraphStore, QueryResult
from eucan.queries.catalog import bind, get_query
from eucan.queries.params import check_parameters

__all__ = [
    "PRECISION_SUFFIX",
    "GraphStats",
    "graph_stats",
    "run_adhoc",
    "run_named",
    "show_dates_in_precision",
    "shown_columns",
]


PRECISION_SUFFIX = "_precision"


def show_dates_in_precision(result: QueryResult) -> QueryResult:
    """Show each date column in its precision ("2005", "2024-04", "2025-06-23"), in place.

    The catalog's convention: a query returns a date as stored (its first day) in a column `X` and the
    precision beside it in `X_precision`; every door that runs a catalog query (CLI, API, generated
    docs) then shows `X` through `eucan.dates.display`, the one display rule.
    """
    pairs = [
        (result.columns.index(col[: -len(PRECISION_SUFFIX)]), i)
        for i, col in enumerate(result.columns)
        if col.endswith(PRECISION_SUFFIX) and col[: -len(PRECISION_SUFFIX)] in result.columns
    ]
    for row in result.rows if pairs else []:
        for value_at, precision_at in pairs:
            if isinstance(row[value_at], str):
                row[value_at] = display(row[value_at], row[precision_at])
    return result


def shown_columns(columns: list[str]) -> list[int]:
    """The columns a table for people shows: a date already shows its precision ("2005"), so the
    `X_precision` columns beside a date column `X` are left out (JSON and CSV keep them)."""
    return [
        i
        for i, c in enumerate(columns)
        if not (c.endswith(PRECISION_SUFFIX) and c.removesuffix(PRECISION_SUFFIX) in columns)
    ]


def run_named(
    *, store: GraphStore, name: str, params: dict[str, Any], timeout_ms: int | None = None, row_cap: int | None = None
) -> QueryResult:
    """Run a catalog query by name with checked, bound parameters; dates come back in their precision."""
    query = get_query(name, backend=store.backend)
    bound = bind(query, params)
    check_parameters(bound)
    return show_dates_in_precision(_guarded(store, query.text, bound, timeout_ms, row_cap))


def run_adhoc(
    *, store: GraphStore, text: str, params: dict[str, Any], timeout_ms: int | None = None, row_cap: int | None = None
) -> QueryResult:
    """Run a researcher's own Cypher, read-only, with a time limit and a row cap (dates shown as the catalog's are)."""
    check_parameters(params)
    return show_dates_in_precision(_guarded(store, text, params, timeout_ms, row_cap))


def _guarded(
    store: GraphStore, text: str, params: dict[str, Any], timeout_ms: int | None, row_cap: int | None
) -> QueryResult:
    """`store.run`, with an engine client's own ValueError/RecursionError turned into a clear 4xx error."""
    try:
        return store.run(text, params, read_only=True, timeout_ms=timeout_ms, row_cap=row_cap)
    except RecursionError:
        raise QueryParameterError("the query or its parameters are nested too deeply to send to the engine") from None
    except ValueError as exc:
        if isinstance(exc, UnicodeError):
            raise QueryParameterError("the query or a parameter is not valid text (UTF-8)") from None
        raise QueryParameterError(
            "the engine client refused the query parameters; check their names and values"
        ) from None


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


def graph_stats(*, store: GraphStore, timeout_ms: int | None = None) -> GraphStats:
    """Counts by label and relationship type, and the provenance summary (each query within `timeout_ms`,
    default the store's: a graph of a million facts needs more, which the operator's commands give)."""
    labels = {
        row[0]: row[1] for row in run_named(store=store, name="stats_labels", params={}, timeout_ms=timeout_ms).rows
    }
    rels = {
        row[0]: row[1]
        for row in run_named(store=store, name="stats_relationships", params={}, timeout_ms=timeout_ms).rows
    }
    prov = run_named(store=store, name="stats_provenance", params={}, timeout_ms=timeout_ms).records()
    first = prov[0] if prov else {}
    return GraphStats(
        labels=labels,
        relationships=rels,
        facts=int(first.get("facts") or 0),
        primary_facts=int(first.get("primary_facts") or 0),
        sources=int(first.get("sources") or 0),
        primary_sources=int(first.get("primary_sources") or 0),
    )
