"""Dereferenceable IRIs (Cool URIs 303 pattern), the ontology document, VoID and DCAT-AP."""

from __future__ import annotations

import gzip

import pytest
from pyshacl import validate
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import OWL, SKOS, VOID, Namespace

from eucan.ontology import ONTOLOGY_DIR
from tests.utils.errors import assert_error_shape
from tests.utils.rdf import data_only, isomorphic

DCAT = Namespace("http://www.w3.org/ns/dcat#")

CANADA = URIRef("https://w3id.org/eucan-security/id/actor/canada")
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize(
    ("accept", "location"),
    [
        ("text/turtle", "/data/actor/canada.ttl"),
        ("application/ld+json", "/data/actor/canada.jsonld"),
        ("application/rdf+xml", "/data/actor/canada.rdf"),
        ("application/n-triples", "/data/actor/canada.nt"),
        (BROWSER, "/page/actor/canada"),
        ("*/*", "/data/actor/canada.ttl"),
    ],
)
def test_instance_iri_redirects_by_accept(client, accept, location):
    response = client.get("/id/actor/canada", headers={"Accept": accept}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == location
    assert "Accept" in [v.strip() for v in response.headers["vary"].split(",")]


@pytest.mark.parametrize(("ext", "fmt"), [("ttl", "turtle"), ("jsonld", "json-ld"), ("rdf", "xml"), ("nt", "nt")])
def test_document_holds_the_resource_triples(client, curated, ext, fmt):
    media = {
        "ttl": "text/turtle",
        "jsonld": "application/ld+json",
        "rdf": "application/rdf+xml",
        "nt": "application/n-triples",
    }
    response = client.get("/id/actor/canada", headers={"Accept": media[ext]})
    assert response.status_code == 200
    graph = Graph().parse(data=response.content, format=fmt)
    own = Graph()
    for triple in curated.canonical.graph.triples((CANADA, None, None)):
        own.add(triple)
    mine = Graph()
    for triple in graph.triples((CANADA, None, None)):
        mine.add(triple)
    assert isomorphic(mine, own)
    assert (None, None, CANADA) in graph  # links pointing at it come along
    assert (CANADA, SKOS.prefLabel, Literal("Canada", lang="en")) in graph


def test_browser_gets_html(client):
    response = client.get("/id/actor/canada", headers={"Accept": BROWSER})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>Canada</h1>" in response.text
    assert 'href="/data/actor/canada.ttl"' in response.text
    assert 'href="/page/' in response.text  # links to other resources stay on this server


def test_domain_concept_dereferences(client):
    response = client.get("/domain/maritime-security", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.text, format="turtle")
    concept = URIRef("https://w3id.org/eucan-security/domain/maritime-security")
    assert (concept, RDF.type, SKOS.Concept) in graph
    assert (
        client.get("/domain/maritime-security", headers={"Accept": BROWSER})
        .headers["content-type"]
        .startswith("text/html")
    )


def test_unknown_resources_use_the_error_shape(client):
    assert_error_shape(client.get("/id/actor/atlantis", follow_redirects=False), 404, "atlantis")
    assert_error_shape(client.get("/id/spaceship/x", follow_redirects=False), 404, "kinds are")
    assert_error_shape(client.get("/data/actor/canada.exe"), 404, ".ttl")


def test_ontology_by_accept(client):
    turtle = client.get("/ontology", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=turtle.text, format="turtle")
    assert (URIRef("https://w3id.org/eucan-security/ontology#Actor"), RDF.type, OWL.Class) in graph
    assert isomorphic(graph, Graph().parse(ONTOLOGY_DIR / "eucan.ttl"))
    page = client.get("/ontology", headers={"Accept": BROWSER})
    assert page.headers["content-type"].startswith("text/html") and 'id="Actor"' in page.text
    assert Graph().parse(data=client.get("/ontology?format=jsonld").text, format="json-ld")


def _shapes() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "dcat_ap_shapes.ttl")


def test_void_validates_and_counts(client, curated):
    response = client.get("/.well-known/void", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.text, format="turtle")
    conforms, _, text = validate(graph, shacl_graph=_shapes())
    assert conforms, text
    dataset = next(graph.subjects(RDF.type, VOID.Dataset))
    assert int(str(graph.value(dataset, VOID.triples))) == len(curated.canonical.graph)
    assert str(graph.value(dataset, VOID.sparqlEndpoint)).endswith("/sparql")


def test_dcat_ap_validates_without_warnings(client):
    graph = Graph().parse(data=client.get("/dcat", headers={"Accept": "text/turtle"}).text, format="turtle")
    conforms, report, text = validate(graph, shacl_graph=_shapes())
    assert conforms, text
    assert "Warning" not in text, text  # recommended properties are present too
    assert len(list(graph.subjects(RDF.type, DCAT.Distribution))) == 4


def test_dcat_shapes_catch_a_missing_title(client):
    graph = Graph().parse(data=client.get("/dcat").text, format="turtle")
    dataset = next(graph.subjects(RDF.type, DCAT.Dataset))
    graph.remove((dataset, URIRef("http://purl.org/dc/terms/title"), None))
    conforms, _, _ = validate(graph, shacl_graph=_shapes())
    assert not conforms


def test_dump_download_gzip(client, curated):
    response = client.get("/dumps/eucan-security.nt.gz")
    assert response.status_code == 200
    graph = Graph().parse(data=gzip.decompress(response.content), format="nt")
    assert isomorphic(data_only(graph), curated.canonical.graph)
    assert_error_shape(client.get("/dumps/other.zip"), 404, "eucan-security.ttl")
