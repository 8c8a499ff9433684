"""Per-engine query variants (`name.neo4j.cypher` beside `name.cypher`): chosen by backend, and each
variant answers what the common text answers. Neo4j variants are run here on the embedded FalkorDB
engine and compared with the common text, with one rewrite: FalkorDB evaluates no expression in
LIMIT, so `LIMIT $hi - $lo` (which Neo4j takes) gets the page size as a parameter of its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eucan.graph.store import GraphStore
from eucan.queries.catalog import get_query, list_queries, use_user_queries

VARIANTS = [q for q in list_queries(include_internal=True) if q.variants]
PAGE_LIMIT = "LIMIT $hi - $lo"


def run_on_falkordb(store: GraphStore, text: str, params: dict[str, Any]) -> list[list[Any]]:
    if PAGE_LIMIT in text:
        text, params = text.replace(PAGE_LIMIT, "LIMIT $page"), {**params, "page": params["hi"] - params["lo"]}
    return store.run(text, params, read_only=True).rows


def test_the_export_queries_have_a_neo4j_variant_without_id() -> None:
    names = {q.name for q in VARIANTS}
    assert {"export_id_range", "export_nodes", "export_relationships"} <= names
    for name in names:
        neo4j = get_query(name, backend="neo4j").text
        assert neo4j != get_query(name).text
        assert "id(" not in neo4j.replace("elementId(", "")
        assert get_query(name, backend="falkordb").text == get_query(name).text


@pytest.mark.parametrize("query", VARIANTS, ids=lambda q: q.name)
def test_every_variant_runs_with_the_example_parameters(store: GraphStore, query: Any) -> None:
    for backend, _ in query.variants:
        rows = run_on_falkordb(store, query.text_for(backend), query.example_params())
        assert rows and all(len(row) == len(query.returns) for row in rows)


def _pages(store: GraphStore, backend: str | None, page_size: int) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """What the RDF export reads: every node and every node's outgoing links, page by page."""
    bounds = run_on_falkordb(store, get_query("export_id_range", backend=backend).text, {})[0]
    nodes: dict[str, Any] = {}
    links: dict[str, list[str]] = {}
    for lo in range(int(bounds[0]), int(bounds[1]) + 1, page_size):
        params = {"lo": lo, "hi": lo + page_size}
        for uri, node in run_on_falkordb(store, get_query("export_nodes", backend=backend).text, params):
            assert uri not in nodes, f"{uri} is on two pages"
            nodes[uri] = node
        for source, targets in run_on_falkordb(store, get_query("export_relationships", backend=backend).text, params):
            links[source] = sorted(targets)
    return nodes, links


def test_the_neo4j_export_pages_read_the_same_graph(store: GraphStore) -> None:
    common = _pages(store, None, 97)
    neo4j = _pages(store, "neo4j", 97)
    assert len(common[0]) > 500 and sum(map(len, common[1].values())) > 500
    assert neo4j == common


def test_a_variant_needs_its_query_and_a_known_backend(tmp_path: Path) -> None:
    (tmp_path / "mine.cypher").write_text("// @title Mine\nRETURN 1 AS one\n")
    (tmp_path / "mine.neo4j.cypher").write_text("RETURN 2 AS one\n")
    try:
        use_user_queries(tmp_path)
        assert get_query("mine", backend="neo4j").text == "RETURN 2 AS one"
        assert get_query("mine").text == "RETURN 1 AS one"
        (tmp_path / "other.neo4j.cypher").write_text("RETURN 3 AS one\n")
        use_user_queries(tmp_path)
        with pytest.raises(ValueError, match="other.neo4j.cypher"):
            get_query("mine")
        (tmp_path / "other.neo4j.cypher").unlink()
        (tmp_path / "mine.memgraph.cypher").write_text("RETURN 4 AS one\n")
        use_user_queries(tmp_path)
        with pytest.raises(ValueError, match="backend among neo4j"):
            get_query("mine")
    finally:
        use_user_queries(None)
