"""The GraphStore contract, run against FalkorDB always and against Neo4j when EUCAN_TEST_NEO4J_URI is set.

To run the Neo4j leg: start Neo4j 5 (e.g. `docker run -p7687:7687 -e NEO4J_AUTH=neo4j/testtest neo4j:5`),
then `EUCAN_TEST_NEO4J_URI=bolt://localhost:7687 EUCAN_TEST_NEO4J_PASSWORD=testtest pytest tests/graph`.
The Neo4j leg replaces the whole graph of that database: use a throw-away one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from eucan.errors import QueryTimeout, ReadOnlyViolation
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.graph.store import GraphStore
from eucan.ontology.mapping import PropertyGraph


def _small_graph(n: int, tag: str = "a") -> PropertyGraph:
    nodes = [
        {"uri": f"urn:test:{tag}:{i}", "id": f"{tag}-{i}", "name": f"Actor {i}", "altNames": [f"A{i}", f"B{i}"]}
        for i in range(n)
    ]
    rels = [{"from": f"urn:test:{tag}:{i}", "to": f"urn:test:{tag}:{i + 1}"} for i in range(n - 1)]
    return PropertyGraph(nodes={("Actor", "State"): nodes}, relationships={"PART_OF": rels})


@pytest.fixture(params=["falkordb", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    if request.param == "falkordb":
        with FalkorDBStore(tmp_path / "kg") as store:
            yield store
        return
    uri = os.environ.get("EUCAN_TEST_NEO4J_URI")
    if not uri:
        pytest.skip("set EUCAN_TEST_NEO4J_URI (and EUCAN_TEST_NEO4J_PASSWORD) to run the Neo4j leg")
    from neo4j import GraphDatabase

    from eucan.graph.neo4j_store import Neo4jStore

    password = os.environ.get("EUCAN_TEST_NEO4J_PASSWORD")
    driver = GraphDatabase.driver(uri, auth=("neo4j", password) if password else None)
    with Neo4jStore(driver) as store:
        yield store


def _count(store: GraphStore) -> tuple[int, int]:
    nodes = store.run("MATCH (n:Resource) RETURN count(n) AS c").rows[0][0]
    rels = store.run("MATCH (:Resource)-[r]->(:Resource) RETURN count(r) AS c").rows[0][0]
    return nodes, rels


def test_replace_graph_writes_nodes_labels_lists_and_relationships(any_store: GraphStore) -> None:
    any_store.replace_graph(_small_graph(5), batch_size=2)
    assert _count(any_store) == (5, 4)
    row = any_store.run(
        "MATCH (n:State {id: $id}) RETURN n.name AS name, n.altNames AS alt, labels(n) AS labels", {"id": "a-3"}
    ).records()[0]
    assert row["name"] == "Actor 3"
    assert sorted(row["alt"]) == ["A3", "B3"]
    assert sorted(row["labels"]) == ["Actor", "Resource", "State"]


def test_replace_graph_replaces_and_is_idempotent(any_store: GraphStore) -> None:
    any_store.replace_graph(_small_graph(5, "a"))
    any_store.replace_graph(_small_graph(3, "b"))
    any_store.replace_graph(_small_graph(3, "b"))
    assert _count(any_store) == (3, 2)
    assert any_store.run("MATCH (n {id: 'a-1'}) RETURN n").rows == []


def test_parameters_are_data_not_code(any_store: GraphStore) -> None:
    any_store.replace_graph(_small_graph(2))
    evil = "a-0'}) DETACH DELETE n //"
    assert any_store.run("MATCH (n:Actor {id: $id}) RETURN n.id", {"id": evil}).rows == []
    assert _count(any_store) == (2, 1)


def test_writes_are_refused_in_read_mode(any_store: GraphStore) -> None:
    any_store.replace_graph(_small_graph(2))
    with pytest.raises(ReadOnlyViolation):
        any_store.run("CREATE (n:Actor {id: 'x'}) RETURN n")
    assert _count(any_store) == (2, 1)


def test_row_cap_truncates(any_store: GraphStore) -> None:
    any_store.replace_graph(_small_graph(10))
    result = any_store.run("MATCH (n:Actor) RETURN n.id ORDER BY n.id", row_cap=3)
    assert len(result.rows) == 3 and result.truncated


def test_timeout_stops_a_long_query(any_store: GraphStore) -> None:
    any_store.replace_graph(_small_graph(2))
    with pytest.raises(QueryTimeout):
        any_store.run("UNWIND range(1, 5000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)", timeout_ms=5)


def test_nodes_and_relationships_come_back_legible(any_store: GraphStore) -> None:
    any_store.replace_graph(_small_graph(2))
    row = any_store.run("MATCH (a:Actor {id: 'a-0'})-[r:PART_OF]->(b) RETURN a, r, b").rows[0]
    assert row[0]["_kind"] == "node" and row[0]["properties"]["id"] == "a-0"
    assert row[1]["_kind"] == "relationship" and row[1]["type"] == "PART_OF"
    assert row[2]["properties"]["name"] == "Actor 1"


def test_search_uses_the_full_text_index_the_same_way(any_store: GraphStore) -> None:
    """Both engines index the derived search properties and match the same folded words (graph/fulltext.py)."""
    graph = _small_graph(3)
    nodes = graph.nodes[("Actor", "State")]
    nodes[0].update(searchName="defense nationale", searchText="a 0 the european peace facility")
    nodes[1].update(searchName="peace corps", searchText="a 1 facility management")
    nodes[2].update(searchText="a 2 peaceful facilities")
    any_store.replace_graph(graph)
    assert [i for i, _ in any_store.search("Défense", limit=10)] == ["a-0"]
    assert {i for i, _ in any_store.search("PEACE facility", limit=10)} == {"a-0", "a-1"}
    # names first, then the rest; the last word is also a prefix ("peace" → "peaceful")
    assert [i for i, _ in any_store.search("peace", limit=10)][0] == "a-1"
    assert {i for i, _ in any_store.search("peace", limit=10)} == {"a-0", "a-1", "a-2"}
    assert any_store.search('peace" OR @x:(*', limit=10) == []  # syntax is dropped; no record holds "or" and "x"
    assert any_store.search("?!*", limit=10) == []
    assert len(any_store.search("facility", limit=1)) == 1
