"""The endpoint writes SPARQL JSON results itself (capped rows, no replay): exactly what pyoxigraph's
own serializer writes for the same solutions, and the SERVICE check parses only queries that could
hold the keyword."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, QueryResultsFormat, Store

from eucan.errors import ReadOnlyViolation
from eucan.linked.sparql_guard import find_service, refuse_service
from eucan.linked.sparql_results import answer

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def store() -> Store:
    s = Store()
    a, p = NamedNode("http://example.org/a"), NamedNode("http://example.org/p")
    for obj in (
        Literal('quote "é"\n\u2028 end'),
        Literal("mot", language="fr"),
        Literal("2020-01-01", datatype=NamedNode(XSD + "date")),
        Literal("7", datatype=NamedNode(XSD + "integer")),
        NamedNode("http://example.org/o"),
    ):
        s.add(Quad(a, p, obj))
    s.add(Quad(BlankNode("b1"), p, a))
    return s


QUERIES = [
    "SELECT ?s ?o ?missing WHERE { ?s ?p ?o OPTIONAL { ?s <http://example.org/none> ?missing } } ORDER BY ?o",
    "SELECT (COUNT(*) AS ?n) (SAMPLE(?o) AS ?any) WHERE { ?s ?p ?o }",
    "SELECT ?t WHERE { BIND(<<( <http://example.org/a> <http://example.org/p> 'z' )>> AS ?t) }",
    "SELECT * WHERE {}",
    "SELECT ?s WHERE { ?s <http://example.org/none> ?o }",
]


@pytest.mark.parametrize("query", QUERIES)
def test_json_results_are_pyoxigraphs(store: Store, query: str) -> None:
    reply = answer(store, query, "application/sparql-results+json", 1000)
    assert reply[0] == "ok" and reply[3] == "solutions"
    result: Any = store.query(query)
    expected: bytes = result.serialize(format=QueryResultsFormat.JSON)
    assert json.loads(reply[1]) == json.loads(expected)
    assert reply[1] == expected  # byte for byte on these terms


def test_json_results_are_capped(store: Store) -> None:
    reply = answer(store, "SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o", None, 2)
    assert reply[0] == "ok" and reply[4] == 2 and reply[5] is True
    assert len(json.loads(reply[1])["results"]["bindings"]) == 2


def test_other_result_formats_still_come_from_pyoxigraph(store: Store) -> None:
    reply = answer(store, QUERIES[0], "text/csv", 1000)
    assert reply[0] == "ok" and reply[2] == "text/csv"
    assert reply[1].startswith(b"s,o,missing\r\n")


def test_service_check_parses_only_when_the_word_is_there() -> None:
    assert not find_service("SELECT * WHERE { ?s ?p ?o }")
    assert find_service("SELECT * WHERE { SeRvIcE <http://x> { ?s ?p ?o } }")
    assert find_service("SELECT * WHERE { \\u0053ERVICE <http://x> { ?s ?p ?o } }")
    with pytest.raises(ReadOnlyViolation):
        refuse_service("SELECT * WHERE { SERVICE SILENT <http://x> { ?s ?p ?o } }")
    assert not find_service("SELECT ?service WHERE { ?service ?p ?o }")  # parsed: only a variable
