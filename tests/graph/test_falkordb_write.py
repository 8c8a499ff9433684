"""A full load into a new staging graph (relationships created between node ids) writes the graph its
rows describe: every node with its labels and properties, every relationship between the right nodes."""

from __future__ import annotations

from typing import Any

import pytest
from falkordb.helpers import stringify_param_value

from eucan.graph.falkordb_store import FalkorDBStore
from eucan.graph.falkordb_write import encode_rows
from eucan.loaders.pipeline import Validated
from eucan.loaders.rows import StreamedRows
from eucan.ontology.mapping import PropertyGraph

ACTOR = "https://w3id.org/eucan-security/id/actor/"


def test_streamed_load_writes_exactly_the_rows(fresh_store: FalkorDBStore, curated: Validated) -> None:
    canonical = curated.canonical
    rows = StreamedRows(canonical.triples.subjects, canonical.derived)
    info = fresh_store.replace_graph(rows, batch_size=37, manifest=rows.manifest)  # many batches per label set
    whole = curated.property_graph
    assert (info.nodes, info.relationships) == (whole.node_count, whole.relationship_count)
    cap = 10 * (whole.node_count + whole.relationship_count)
    found = fresh_store.run("MATCH (n:Resource) RETURN n", row_cap=cap).rows
    nodes = {row[0]["properties"]["uri"]: (row[0]["labels"], row[0]["properties"]) for row in found}
    expected = {
        row["uri"]: (sorted({*labels, "Resource"}), {k: v for k, v in row.items() if v is not None})
        for labels, batch in whole.nodes.items()
        for row in batch
    }
    assert nodes == expected
    found = fresh_store.run("MATCH (a:Resource)-[r]->(b:Resource) RETURN a.uri, type(r), b.uri", row_cap=cap).rows
    assert sorted(map(tuple, found)) == sorted(
        (rel["from"], rel_type, rel["to"]) for rel_type, rels in whole.relationships.items() for rel in rels
    )


def test_relationship_to_no_node_is_left_out_as_match_would(fresh_store: FalkorDBStore) -> None:
    nodes: dict[tuple[str, ...], list[dict[str, Any]]] = {
        ("Actor", "Resource"): [{"uri": ACTOR + "a", "id": "a"}, {"uri": ACTOR + "b", "id": "b"}]
    }
    rels = {"PART_OF": [{"from": ACTOR + "a", "to": ACTOR + "b"}, {"from": ACTOR + "a", "to": ACTOR + "nowhere"}]}
    graph = PropertyGraph(nodes=nodes, relationships=rels)
    fresh_store.replace_graph(graph)
    assert fresh_store.run("MATCH (a)-[:PART_OF]->(b) RETURN a.id, b.id").rows == [["a", "b"]]


def test_rows_are_encoded_as_the_client_would(curated: Validated) -> None:
    """`encode_rows` gives the characters of the client's `stringify_param_value`, on the curated data's
    rows and on values it must escape or pass on (quotes, backslashes, empty text, numbers, booleans,
    lists); a key the client refuses is refused the same way."""
    batches = [rows for _, rows in curated.property_graph.nodes.items()]
    tricky: list[dict[str, Any]] = [
        {"uri": ACTOR + "q", "name": 'say "no" \\ then', "empty": "", "n": 3, "x": 0.5, "flag": True},
        {"uri": ACTOR + "r", "altNames": ["a\\b", '"c"', ""], "counts": [1, 2], "none": None, "emoji": "é 🙂"},
    ]
    cases: list[list[dict[str, Any]]] = [*batches, tricky, []]
    for rows in cases:
        assert encode_rows(rows) == stringify_param_value(rows)
    for bad in ("", "a`b"):
        with pytest.raises(ValueError) as ours:
            encode_rows([{bad: 1}])
        with pytest.raises(ValueError) as theirs:
            stringify_param_value([{bad: 1}])
        assert str(ours.value) == str(theirs.value)
