"""The SPARQL 1.1 Protocol endpoint: GET, POST (query body and form), Accept, read-only, limits."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph

from eucan.errors import QueryTimeout
from eucan.linked.sparql_service import SparqlService, check_query, negotiate
from tests.utils.errors import assert_error_shape

PREFIX = "PREFIX ecs: <https://w3id.org/eucan-security/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
CANADA = "https://w3id.org/eucan-security/id/actor/canada"
NAME_QUERY = PREFIX + f"SELECT ?name WHERE {{ <{CANADA}> skos:prefLabel ?name FILTER(lang(?name) = 'en') }}"


def test_get_json(client):
    response = client.get(
        "/sparql", params={"query": NAME_QUERY}, headers={"Accept": "application/sparql-results+json"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    body = response.json()
    assert body["head"]["vars"] == ["name"]
    assert body["results"]["bindings"] == [{"name": {"type": "literal", "value": "Canada", "xml:lang": "en"}}]


def test_post_form_encoded(client):
    response = client.post("/sparql", data={"query": NAME_QUERY}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    assert response.json()["results"]["bindings"][0]["name"]["value"] == "Canada"


def test_post_sparql_query_body_xml(client):
    response = client.post(
        "/sparql",
        content=NAME_QUERY,
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+xml"},
    )
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    literal = root.find("s:results/s:result/s:binding/s:literal", ns)
    assert literal is not None and literal.text == "Canada"


def test_csv_and_tsv(client):
    query = (
        PREFIX
        + "SELECT ?d ?label WHERE { ?d a ecs:CooperationDomain ; skos:prefLabel ?label FILTER(lang(?label)='en') }"
        + " ORDER BY ?d"
    )
    rows = list(
        csv.reader(io.StringIO(client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"}).text))
    )
    assert rows[0] == ["d", "label"] and len(rows) == 17
    tsv = client.get("/sparql", params={"query": query}, headers={"Accept": "text/tab-separated-values"})
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    lines = tsv.text.strip().split("\n")
    assert lines[0] == "?d\t?label" and lines[1].startswith("<https://w3id.org/eucan-security/domain/")


def test_ask(client):
    response = client.get(
        "/sparql", params={"query": f"ASK {{ <{CANADA}> a <https://w3id.org/eucan-security/ontology#State> }}"}
    )
    assert response.json() == {"head": {}, "boolean": True}


@pytest.mark.parametrize(("accept", "rdflib_format"), [("text/turtle", "turtle"), ("application/ld+json", "json-ld")])
def test_construct(client, accept, rdflib_format):
    query = f"CONSTRUCT {{ <{CANADA}> ?p ?o }} WHERE {{ <{CANADA}> ?p ?o }}"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.headers["content-type"].startswith(accept)
    graph = Graph().parse(data=response.text, format=rdflib_format)
    assert len(graph) > 5
    assert any(str(o) == "Canada" for o in graph.objects())


def test_describe_as_turtle(client):
    response = client.get("/sparql", params={"query": f"DESCRIBE <{CANADA}>"}, headers={"Accept": "text/turtle"})
    assert "Canada" in response.text


@pytest.mark.parametrize(
    "send",
    [
        lambda c: c.post("/sparql", data={"update": "INSERT DATA { <http://a> <http://b> <http://c> }"}),
        lambda c: c.post(
            "/sparql", content="DELETE WHERE { ?s ?p ?o }", headers={"Content-Type": "application/sparql-update"}
        ),
        lambda c: c.get("/sparql", params={"query": "PREFIX x: <http://x/> INSERT DATA { x:a x:b x:c }"}),
        lambda c: c.get("/sparql", params={"update": "CLEAR ALL"}),
    ],
)
def test_updates_are_refused_with_the_one_error_shape(client, send):
    assert_error_shape(send(client), 403, "read-only")


def test_service_is_refused(client):
    response = client.get(
        "/sparql", params={"query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"}
    )
    assert_error_shape(response, 403, "SERVICE")


def test_syntax_error_and_missing_query(client):
    assert_error_shape(client.get("/sparql", params={"query": "SELECT ?x WHERE {"}), 400, "could not be parsed")
    bad_type = client.post("/sparql", content="x", headers={"Content-Type": "text/plain"})
    assert_error_shape(bad_type, 415, "application/sparql-query")


def test_result_cap_is_reported(store, tmp_path):
    with SparqlService(store=store, work_dir=tmp_path, row_cap=3, workers=1) as service:
        result = service.query("SELECT ?s WHERE { ?s ?p ?o }")
        assert result.truncated and result.count == 3
        assert len(json.loads(result.content)["results"]["bindings"]) == 3


def test_runaway_query_is_stopped(store, tmp_path):
    with SparqlService(store=store, work_dir=tmp_path, timeout_ms=500, workers=1) as service:
        with pytest.raises(QueryTimeout, match="time limit"):
            service.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        # the killed worker is replaced: the next query is answered
        assert b"Canada" in service.query(NAME_QUERY).content


def test_timeout_over_http_uses_the_error_shape(store, settings):
    from fastapi.testclient import TestClient

    from eucan.api.main import create_app

    with TestClient(create_app(settings.model_copy(update={"query_timeout_ms": 400}), store=store)) as c:
        response = c.get(
            "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"}
        )
        assert_error_shape(response, 504, "time limit")


def test_rebuilds_when_the_graph_changes(fresh_store, curated, tmp_path):
    from eucan.ontology.mapping import PropertyGraph

    one = PropertyGraph(nodes={("Actor", "State"): [{"uri": CANADA, "id": "canada"}]})
    fresh_store.replace_graph(one)
    with SparqlService(store=fresh_store, work_dir=tmp_path, check_interval_s=0, workers=1) as service:
        assert json.loads(service.query(NAME_QUERY).content)["results"]["bindings"] == []
        fresh_store.replace_graph(curated.property_graph)
        assert json.loads(service.query(NAME_QUERY).content)["results"]["bindings"][0]["name"]["value"] == "Canada"
        assert service.stats.triples == len(curated.canonical.graph)


def test_load_marker_triggers_a_rebuild(store, tmp_path):
    from eucan.linked.sparql_service import mark_loaded

    with SparqlService(
        store=store, work_dir=tmp_path / "w", marker_dir=tmp_path, check_interval_s=0, workers=1
    ) as service:
        service.refresh()
        assert service.refresh() is False
        mark_loaded(tmp_path)
        assert service.refresh() is True


def test_check_query_and_negotiation():
    check_query("PREFIX ex: <http://example.org/insert> SELECT * WHERE { ?s ex:service ?o } # INSERT")
    check_query("SELECT ?service WHERE { ?service ?p 'DELETE' }")
    assert negotiate("text/csv;q=0.5, application/sparql-results+xml", "solutions") == "application/sparql-results+xml"
    assert negotiate("*/*", "graph") == "text/turtle"
    assert negotiate("text/csv", "boolean") == "application/sparql-results+json"
