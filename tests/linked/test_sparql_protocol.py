"""The SPARQL 1.1 Protocol, one test per query-side case of the W3C protocol test manifest
(https://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/manifest), named after it,
plus this service's documented choices (docs/sparql.md): dataset parameters refused with 400,
relative IRIs against the dataset base, 415, the body's charset, a service description, 406."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest
from rdflib import Graph

from tests.utils.errors import assert_error_shape

SKOS = "http://www.w3.org/2004/02/skos/core#"
CANADA = "https://w3id.org/eucan-security/id/actor/canada"
SELECT = f"SELECT ?name WHERE {{ <{CANADA}> <{SKOS}prefLabel> ?name FILTER(lang(?name) = 'en') }}"
ASK = f"ASK {{ <{CANADA}> ?p ?o }}"
CONSTRUCT = f"CONSTRUCT {{ <{CANADA}> <{SKOS}prefLabel> ?n }} WHERE {{ <{CANADA}> <{SKOS}prefLabel> ?n }}"
DESCRIBE = f"DESCRIBE <{CANADA}>"
RESULTS = "http://www.w3.org/2005/sparql-results#"
DIRECT = {"Content-Type": "application/sparql-query"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def _names(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [b["name"]["value"] for b in response.json()["results"]["bindings"]]


# --- query_get, query_post_form, query_post_direct ------------------------------------------


def test_query_get(client):
    assert _names(client.get("/sparql", params={"query": SELECT})) == ["Canada"]


def test_query_post_form(client):
    assert _names(client.post("/sparql", content=f"query={quote(SELECT)}", headers=FORM)) == ["Canada"]


def test_query_post_direct(client):
    assert _names(client.post("/sparql", content=SELECT.encode(), headers=DIRECT)) == ["Canada"]


# --- query_dataset_*: one graph is served, dataset parameters are refused with 400 -----------


@pytest.mark.parametrize(
    ("case", "params"),
    [
        ("query_dataset_default_graph_get", {"default-graph-uri": "http://kasei.us/2009/09/sparql/data/data1.rdf"}),
        ("query_dataset_named_graphs_get", {"named-graph-uri": "http://kasei.us/2009/09/sparql/data/data1.rdf"}),
        (
            "query_dataset_full",
            {"default-graph-uri": "http://example.org/data3.rdf", "named-graph-uri": "http://example.org/data1.rdf"},
        ),
    ],
)
def test_query_dataset_get(client, case, params):
    response = client.get("/sparql", params={"query": SELECT, **params})
    assert_error_shape(response, 400, "default-graph-uri and named-graph-uri are not supported")


def test_query_dataset_default_graphs_post(client):
    body = f"query={quote(SELECT)}&default-graph-uri={quote('http://kasei.us/2009/09/sparql/data/data1.rdf')}"
    assert_error_shape(client.post("/sparql", content=body, headers=FORM), 400, "default-graph-uri")


def test_query_dataset_named_graphs_post(client):
    body = f"query={quote(SELECT)}&named-graph-uri={quote('http://kasei.us/2009/09/sparql/data/data1.rdf')}"
    assert_error_shape(client.post("/sparql", content=body, headers=FORM), 400, "named-graph-uri")


def test_query_multiple_dataset(client):
    """A query with FROM and a protocol dataset: the protocol dataset would win; it is refused."""
    query = "SELECT * FROM <http://example.org/data3.rdf> WHERE { ?s ?p ?o }"
    response = client.post(
        "/sparql?default-graph-uri=" + quote("http://example.org/data1.rdf"), content=query, headers=DIRECT
    )
    assert_error_shape(response, 400, "default-graph-uri")


# --- query_content_type_*: the media type per query form ------------------------------------


@pytest.mark.parametrize(
    "media",
    ["application/sparql-results+xml", "application/sparql-results+json", "text/csv", "text/tab-separated-values"],
)
def test_query_content_type_select(client, media):
    response = client.get("/sparql", params={"query": SELECT}, headers={"Accept": media})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    text = response.text
    if media.endswith("json"):
        assert response.json()["results"]["bindings"][0]["name"]["xml:lang"] == "en"
    elif media.endswith("xml"):
        literal = ET.fromstring(text).find(f".//{{{RESULTS}}}literal")
        assert literal is not None and literal.text == "Canada"
    elif media == "text/csv":
        assert list(csv.reader(io.StringIO(text))) == [["name"], ["Canada"]]
    else:
        assert text.splitlines() == ["?name", '"Canada"@en']


@pytest.mark.parametrize("media", ["application/sparql-results+xml", "application/sparql-results+json"])
def test_query_content_type_ask(client, media):
    response = client.post("/sparql", content=ASK, headers={**DIRECT, "Accept": media})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    if media.endswith("json"):
        assert response.json()["boolean"] is True
    else:
        assert ET.fromstring(response.text).find(f"{{{RESULTS}}}boolean").text == "true"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("media", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/rdf+xml", "xml"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
    ],
)
@pytest.mark.parametrize(
    "query", [DESCRIBE, CONSTRUCT], ids=["query_content_type_describe", "query_content_type_construct"]
)
def test_query_content_type_graph(client, query, media, rdflib_format):
    response = client.post("/sparql", data={"query": query}, headers={"Accept": media})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    graph = Graph().parse(data=response.content, format=rdflib_format)
    assert any(str(o) == "Canada" for o in graph.objects())


# --- bad_* --------------------------------------------------------------------------------


def test_bad_query_method(client):
    response = client.put("/sparql", params={"query": SELECT})
    assert_error_shape(response, 405, "PUT")
    assert response.headers["allow"] == "GET, HEAD, POST"


def test_bad_multiple_queries(client):
    response = client.get("/sparql?query=" + quote(ASK) + "&query=" + quote(SELECT))
    assert_error_shape(response, 400, "exactly one 'query'")


def test_bad_multiple_queries_post(client):
    response = client.post("/sparql", content=f"query={quote(ASK)}&query={quote(SELECT)}", headers=FORM)
    assert_error_shape(response, 400, "exactly one 'query'")


def test_bad_query_wrong_media_type(client):
    response = client.post("/sparql", content=SELECT, headers={"Content-Type": "text/plain"})
    assert_error_shape(response, 415, "text/plain", "application/sparql-query")


def test_bad_query_missing_form_type(client):
    response = client.post("/sparql", content=f"query={quote(SELECT)}")
    assert_error_shape(response, 415, "Content-Type")


def test_bad_query_missing_direct_type(client):
    response = client.post("/sparql", content=SELECT)
    assert_error_shape(response, 415, "Content-Type")


def test_bad_query_non_utf8(client):
    """UTF-16 bytes sent as (default) UTF-8: refused with 400, never decoded to something else."""
    response = client.post("/sparql", content=SELECT.encode("utf-16"), headers=DIRECT)
    assert_error_shape(response, 400, "not valid utf-8")


def test_bad_query_syntax(client):
    response = client.get("/sparql", params={"query": "SELECT * WHERE {"})
    assert_error_shape(response, 400, "could not be parsed")


# --- this service's choices ------------------------------------------------------------------


def test_the_body_charset_is_honoured(client):
    query = ASK + " # café"  # a non-ASCII comment: bytes differ per charset
    for charset in ("utf-16", "iso-8859-1"):
        headers = {"Content-Type": f"application/sparql-query; charset={charset}"}
        response = client.post("/sparql", content=query.encode(charset), headers=headers)
        assert response.status_code == 200, response.text
    form = {"Content-Type": "application/x-www-form-urlencoded; charset=iso-8859-1"}
    response = client.post("/sparql", content="query=" + quote(ASK + " # café", encoding="iso-8859-1"), headers=form)
    assert response.status_code == 200, response.text
    assert response.json()["boolean"] is True


def test_an_unknown_charset_is_415(client):
    headers = {"Content-Type": "application/sparql-query; charset=x-no-such-charset"}
    assert_error_shape(client.post("/sparql", content=ASK, headers=headers), 415, "charset")


def test_bad_percent_encoding_is_400(client):
    assert_error_shape(client.get("/sparql?query=ASK%20%7B%7D%20%23%FF"), 400, "percent-encoded")


def test_relative_iris_resolve_against_the_dataset_base(client):
    query = f"SELECT ?name WHERE {{ <id/actor/canada> <{SKOS}prefLabel> ?name FILTER(lang(?name) = 'en') }}"
    assert _names(client.get("/sparql", params={"query": query})) == ["Canada"]


def test_not_acceptable_is_406(client):
    response = client.get("/sparql", params={"query": SELECT}, headers={"Accept": "image/png"})
    assert_error_shape(response, 406, "image/png", "application/sparql-results+json")
    response = client.get("/sparql", params={"query": ASK}, headers={"Accept": "text/csv"})
    assert_error_shape(response, 406, "text/csv")


def test_wildcards_and_q_values_are_honoured(client):
    response = client.get("/sparql", params={"query": SELECT}, headers={"Accept": "text/*;q=0.5, image/png"})
    assert response.headers["content-type"].startswith("text/csv")


@pytest.mark.parametrize(
    ("accept", "media", "rdflib_format"),
    [
        (None, "text/turtle", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
    ],
)
def test_service_description_without_a_query(client, accept, media, rdflib_format):
    response = client.get("/sparql", headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    graph = Graph().parse(data=response.content, format=rdflib_format)
    sd = "http://www.w3.org/ns/sparql-service-description#"
    rows = list(
        graph.query(f"ASK {{ ?s a <{sd}Service> ; <{sd}endpoint> ?e ; <{sd}supportedLanguage> <{sd}SPARQL11Query> }}")
    )
    assert rows == [True]


def test_service_description_not_acceptable(client):
    assert_error_shape(client.get("/sparql", headers={"Accept": "text/csv"}), 406, "text/turtle")


def test_order_is_kept_by_the_results_serializer(client):
    query = "SELECT ?n WHERE { VALUES ?n { 3 1 2 } } ORDER BY DESC(?n)"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
    assert response.text.split() == ["n", "3", "2", "1"]
