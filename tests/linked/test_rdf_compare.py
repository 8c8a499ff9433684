"""The tests' graph comparison (tests/utils/rdf.py) answers what rdflib's `isomorphic` answers."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic as rdflib_isomorphic

from tests.utils.rdf import isomorphic

A, B, P = URIRef("https://example.org/a"), URIRef("https://example.org/b"), URIRef("https://example.org/p")


def _graph(*triples: tuple[object, object, object]) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)  # type: ignore[arg-type]
    return graph


def test_without_blank_nodes_it_is_equality_of_triples() -> None:
    same = (_graph((A, P, Literal("x")), (A, P, B)), _graph((A, P, B), (A, P, Literal("x"))))
    other_literal = (_graph((A, P, Literal("x"))), _graph((A, P, Literal("x", lang="en"))))
    one_more = (_graph((A, P, B)), _graph((A, P, B), (B, P, A)))
    for a, b, expected in [(*same, True), (*other_literal, False), (*one_more, False)]:
        assert isomorphic(a, b) is expected and isomorphic(b, a) is expected
        assert rdflib_isomorphic(a, b) is expected


def test_with_blank_nodes_it_maps_them() -> None:
    first, second = BNode(), BNode()
    assert isomorphic(_graph((A, P, first), (first, P, B)), _graph((A, P, second), (second, P, B)))
    assert not isomorphic(_graph((A, P, first), (first, P, B)), _graph((A, P, second), (second, P, A)))
