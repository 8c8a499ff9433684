"""The rows a load streams to the engine are the rows of the whole property graph, and their digests its manifest."""

from __future__ import annotations

from eucan.graph.cypher import write_batches
from eucan.graph.loads import manifest_of
from eucan.loaders.pipeline import Validated
from eucan.loaders.rows import StreamedRows
from eucan.loaders.search_text import add_search_properties
from eucan.ontology.mapping import subjects_to_property_graph


def _sorted(graph_nodes: dict, graph_rels: dict) -> tuple[dict, dict]:  # type: ignore[type-arg]
    nodes = {labels: sorted(rows, key=lambda row: row["uri"]) for labels, rows in graph_nodes.items()}
    rels = {t: sorted((r["from"], r["to"]) for r in rows) for t, rows in graph_rels.items()}
    return nodes, rels


def test_streamed_rows_are_the_mapped_graph(curated: Validated) -> None:
    canonical = curated.canonical
    whole = subjects_to_property_graph(canonical.triples.subjects, canonical.derived)
    add_search_properties(whole)
    rows = StreamedRows(canonical.triples.subjects, canonical.derived)
    assert rows.distinct
    assert (rows.node_count, rows.relationship_count) == (whole.node_count, whole.relationship_count)
    nodes: dict = {}  # type: ignore[type-arg]
    batches = 0
    for labels, batch in rows.node_batches(7):
        assert 0 < len(batch) <= 7
        nodes.setdefault(labels, []).extend(batch)
        batches += 1
    assert batches > len(nodes)  # in batches, not all at once
    expected = manifest_of(whole)
    assert rows.manifest.digests == expected.digests
    assert rows.manifest.relationships == expected.relationships
    assert rows.manifest.content_hash() == expected.content_hash()
    rels: dict = {}  # type: ignore[type-arg]
    for rel_type, batch in rows.relationship_batches(7):
        rels.setdefault(rel_type, []).extend(batch)
    assert _sorted(nodes, rels) == _sorted(whole.nodes, whole.relationships)
    assert any("searchText" in row for batch in nodes.values() for row in batch)


def test_write_batches_take_streamed_rows_with_create(curated: Validated) -> None:
    canonical = curated.canonical
    rows = StreamedRows(canonical.triples.subjects, canonical.derived)
    statements = [statement for statement, _ in write_batches(rows, 500, distinct=True)]
    assert statements and all(" CREATE " in statement for statement in statements)
    total = sum(len(batch) for _, batch in write_batches(rows, 500, distinct=True))
    assert total == rows.node_count + rows.relationship_count


def test_relationship_id_pairs_are_the_uri_pairs_by_id(curated: Validated) -> None:
    """The id pairs a full load writes are its uri pairs looked up in the nodes' ids, batch by batch, each
    batch counting every relationship it stands for; an end that is no node leaves its pair out."""
    from eucan.graph.falkordb_write import _id_pairs

    canonical = curated.canonical
    rows = StreamedRows(canonical.triples.subjects, canonical.derived)
    uris = [row["uri"] for _, batch in rows.node_batches(1000) for row in batch]
    ids = {uri: number for number, uri in enumerate(uris) if number % 5}  # every fifth node missing
    expected = [(rel_type, _id_pairs(pairs, ids), len(pairs)) for rel_type, pairs in rows.relationship_pairs(7)]
    assert list(rows.relationship_id_pairs(7, ids)) == expected
    assert any(len(by_id) < count for _, by_id, count in expected)  # some pairs were left out
    assert sum(count for *_, count in expected) == rows.relationship_count
