"""A harvester's walk: the /dumps/ index, then for every dump HEAD, GET and a conditional GET
(304); each dump parses and carries the dataset's licence, and links every subject to the
dataset with void:inDataset. The scheme IRIs and the dataset IRI dereference."""

from __future__ import annotations

import gzip
import hashlib

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, VOID

DATASET = URIRef("https://w3id.org/eucan-security/dataset")
RDFLIB = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld",
          "application/rdf+xml": "xml"}  # fmt: skip


def test_harvest_every_dump(client):
    dumps = client.get("/dumps/", headers={"Accept": "application/json"}).json()["dumps"]
    assert len(dumps) == 8
    checked: set[str] = set()  # a gzip dump holds the bytes of its plain twin: each text is parsed and checked once
    for entry in dumps:
        head = client.head(entry["url"])
        assert head.status_code == 200 and head.content == b""
        length, etag = int(head.headers["content-length"]), head.headers["etag"]
        got = client.get(entry["url"])
        assert got.status_code == 200 and len(got.content) == length and got.headers["etag"] == etag
        assert client.get(entry["url"], headers={"If-None-Match": etag}).status_code == 304
        data = gzip.decompress(got.content) if entry["compression"] == "gzip" else got.content
        digest = hashlib.sha256(data).hexdigest()
        if digest in checked:
            continue
        checked.add(digest)
        graph = Graph().parse(data=data, format=RDFLIB[entry["format"]])
        assert (DATASET, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")) in graph
        assert (DATASET, RDF.type, VOID.Dataset) in graph
        assert len(list(graph.objects(DATASET, DCTERMS.modified))) == 1
        subjects = set(graph.subjects()) - {DATASET, URIRef("https://w3id.org/eucan-security/publisher")}
        unlinked = {s for s in subjects if (s, VOID.inDataset, DATASET) not in graph}
        assert len(subjects) > 1000 and not unlinked, sorted(map(str, unlinked))[:5]
    assert len(checked) == 4  # one text per format


def test_the_dump_starts_with_the_description(client):
    text = client.get("/dumps/eucan-security.nt").text
    assert text.splitlines()[0].startswith("<https://w3id.org/eucan-security/dataset>")


@pytest.mark.parametrize(("path", "scheme"), [("/domain/", "domain"), ("/role/", "role")])
def test_scheme_iris_dereference(client, path, scheme):
    response = client.get(path, headers={"Accept": "text/turtle"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/data/scheme/{scheme}.ttl"
    document = client.get(response.headers["location"])
    graph = Graph().parse(data=document.text, format="turtle")
    iri = URIRef(f"https://w3id.org/eucan-security/{scheme}/")
    assert (iri, RDF.type, SKOS.ConceptScheme) in graph
    assert len(list(graph.subjects(SKOS.inScheme, iri))) >= 3
    jsonld = client.get(path, headers={"Accept": "application/ld+json"}, follow_redirects=False)
    assert jsonld.headers["location"] == f"/data/scheme/{scheme}.jsonld"


def test_dataset_iri_dereferences_to_its_record(client):
    response = client.get("/dataset", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/dcat"
    graph = Graph().parse(data=client.get("/dcat", headers={"Accept": "text/turtle"}).text, format="turtle")
    assert (DATASET, RDF.type, URIRef("http://www.w3.org/ns/dcat#Dataset")) in graph


def test_void_counts_distinct_objects_and_vocabulary_concepts_are_in_schemes(client):
    void = Graph().parse(data=client.get("/.well-known/void").text, format="turtle")
    objects = next(void.objects(DATASET, VOID.distinctObjects))
    assert isinstance(objects, Literal) and int(objects) > 1000
    dcat = Graph().parse(data=client.get("/dcat").text, format="turtle")
    concepts = set(dcat.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) >= 10
    assert all((c, SKOS.inScheme, None) in dcat for c in concepts)
    language = URIRef("http://publications.europa.eu/resource/authority/language/ENG")
    assert (language, SKOS.inScheme, URIRef("http://publications.europa.eu/resource/authority/language")) in dcat
