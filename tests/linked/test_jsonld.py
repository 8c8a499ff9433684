"""JSON-LD: a context generated from the ontology at /context.jsonld; documents and the dump
compacted with it, one node object per subject, the context advertised by Link; the expanded
dump on request. Compaction loses nothing: each parses to the same graph as Turtle."""

from __future__ import annotations

import json
from collections import Counter

from rdflib import Graph

from tests.utils.rdf import isomorphic

CONTEXT_LINK = '</context.jsonld>; rel="http://www.w3.org/ns/json-ld#context"'
EXPANDED = {"Accept": 'application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded"'}


def test_context_is_generated_from_the_ontology(client):
    response = client.get("/context.jsonld")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/ld+json")
    context = response.json()["@context"]
    assert context["ecs"] == "https://w3id.org/eucan-security/ontology#"
    assert context["participant"] == {"@id": "ecs:participant", "@type": "@id"}
    assert context["startDate"] == {"@id": "ecs:startDate", "@type": "xsd:date"}
    assert context["prefLabel"] == {"@id": "skos:prefLabel", "@container": "@language"}
    assert context["Actor"] == "ecs:Actor"
    assert client.get("/context.jsonld", headers={"If-None-Match": response.headers["etag"]}).status_code == 304


def test_document_is_compacted_with_the_context(client):
    response = client.get("/data/actor/canada.jsonld")
    assert CONTEXT_LINK in response.headers["link"]
    document = response.json()
    assert "@context" in document
    nodes = document.get("@graph", [document])
    ids = Counter(node["@id"] for node in nodes)
    assert max(ids.values()) == 1  # one node object per subject
    canada = next(n for n in nodes if n["@id"] == "actor:canada")
    assert canada["prefLabel"] == {"en": "Canada", "fr": "Canada"}
    turtle = Graph().parse(data=client.get("/data/actor/canada.ttl").text, format="turtle")
    assert isomorphic(Graph().parse(data=response.content, format="json-ld"), turtle)


def test_dump_is_compacted_one_node_per_subject_and_lossless(client):
    response = client.get("/dumps/eucan-security.jsonld")
    assert CONTEXT_LINK in response.headers["link"]
    document = json.loads(response.content)
    ids = Counter(node["@id"] for node in document["@graph"])
    assert len(ids) > 1000 and max(ids.values()) == 1
    compacted = Graph().parse(data=response.content, format="json-ld")
    triples = Graph().parse(data=client.get("/dumps/eucan-security.nt").content, format="nt")
    assert isomorphic(compacted, triples)


def test_expanded_dump_on_request(client):
    response = client.get("/dumps/eucan-security.jsonld", headers=EXPANDED)
    assert response.status_code == 200
    assert response.headers["etag"] != client.get("/dumps/eucan-security.jsonld").headers["etag"]
    assert b'"https://w3id.org/eucan-security/ontology#participant"' in response.content
    assert "Accept" in response.headers["vary"]
    triples = Graph().parse(data=client.get("/dumps/eucan-security.nt").content, format="nt")
    assert isomorphic(Graph().parse(data=response.content, format="json-ld"), triples)
