"""Conditional requests on documents, dumps, VoID, DCAT and the ontology: strong ETag and
Last-Modified, 304 on If-None-Match / If-Modified-Since, Content-Length on dumps, Link headers,
and the /dumps/ index."""

from __future__ import annotations

from email.utils import format_datetime, parsedate_to_datetime

import pytest

from tests.utils.errors import assert_error_shape

CACHED = [
    "/data/actor/canada.ttl",
    "/data/actor/canada.jsonld",
    "/ontology?format=ttl",
    "/.well-known/void",
    "/dcat",
    "/dumps/eucan-security.ttl",
    "/dumps/eucan-security.nt.gz",
]


@pytest.mark.parametrize("path", CACHED)
def test_validators_and_304(client, path):
    first = client.get(path)
    assert first.status_code == 200
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert etag.startswith('"') and not etag.startswith("W/")  # strong
    assert parsedate_to_datetime(modified).tzinfo is not None
    again = client.get(path)
    assert again.headers["etag"] == etag and again.content == first.content

    hit = client.get(path, headers={"If-None-Match": etag})
    assert hit.status_code == 304 and hit.content == b""
    assert hit.headers["etag"] == etag
    assert client.get(path, headers={"If-None-Match": f'"other", {etag}'}).status_code == 304
    assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200
    assert client.get(path, headers={"If-Modified-Since": modified}).status_code == 304
    earlier = format_datetime(parsedate_to_datetime(modified).replace(year=2000), usegmt=True)
    assert client.get(path, headers={"If-Modified-Since": earlier}).status_code == 200
    # If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2)
    assert client.get(path, headers={"If-None-Match": '"other"', "If-Modified-Since": modified}).status_code == 200
    assert client.head(path, headers={"If-None-Match": etag}).status_code == 304


def test_each_representation_has_its_own_tag(client):
    tags = {client.get(f"/data/actor/canada.{ext}").headers["etag"] for ext in ("ttl", "jsonld", "rdf", "nt")}
    tags.add(client.get("/data/actor/eu.ttl").headers["etag"])
    turtle = client.get("/dcat", headers={"Accept": "text/turtle"}).headers["etag"]
    jsonld = client.get("/dcat", headers={"Accept": "application/ld+json"}).headers["etag"]
    assert len(tags) == 5 and turtle != jsonld


@pytest.mark.parametrize("name", ["eucan-security.ttl", "eucan-security.jsonld.gz", "eucan-security.rdf"])
def test_dumps_have_a_content_length_and_links(client, name):
    response = client.get(f"/dumps/{name}")
    assert response.status_code == 200
    assert int(response.headers["content-length"]) == len(response.content) > 1000
    link = response.headers["link"]
    assert '<https://creativecommons.org/licenses/by/4.0/>; rel="license"' in link
    assert '</.well-known/void>; rel="describedby"' in link
    head = client.head(f"/dumps/{name}")
    assert head.headers["content-length"] == response.headers["content-length"]


def test_documents_link_licence_and_description(client):
    link = client.get("/data/actor/canada.ttl").headers["link"]
    assert 'rel="license"' in link and 'rel="describedby"' in link and "</page/actor/canada>" in link


def test_unknown_dump_is_404(client):
    assert_error_shape(client.get("/dumps/other.ttl"), 404, "eucan-security.ttl")


def test_dump_index_json_and_html(client):
    listing = client.get("/dumps/", headers={"Accept": "application/json"})
    assert listing.status_code == 200
    dumps = listing.json()["dumps"]
    assert len(dumps) == 8
    assert {d["name"] for d in dumps} >= {"eucan-security.ttl", "eucan-security.nt.gz"}
    assert listing.json()["license"] == "https://creativecommons.org/licenses/by/4.0/"
    for entry in dumps[:2]:
        assert client.head(entry["url"]).status_code == 200
    page = client.get("/dumps/", headers={"Accept": "text/html"})
    assert page.headers["content-type"].startswith("text/html")
    assert 'href="/dumps/eucan-security.rdf.gz"' in page.text and 'rel="license"' in page.text
    assert_error_shape(client.get("/dumps/", headers={"Accept": "image/png"}), 406, "application/json")


def test_dcat_states_when_the_dataset_was_modified(client):
    from rdflib import Graph, URIRef

    graph = Graph().parse(data=client.get("/dcat", headers={"Accept": "text/turtle"}).text, format="turtle")
    modified = list(
        graph.objects(URIRef("https://w3id.org/eucan-security/dataset"), URIRef("http://purl.org/dc/terms/modified"))
    )
    assert len(modified) == 1
    last_modified = parsedate_to_datetime(client.get("/dcat").headers["last-modified"])
    assert str(modified[0]) == last_modified.date().isoformat()
    dcat = "http://www.w3.org/ns/dcat#"
    period = next(
        graph.objects(URIRef("https://w3id.org/eucan-security/dataset"), URIRef("http://purl.org/dc/terms/temporal"))
    )
    start = next(graph.objects(period, URIRef(dcat + "startDate")))
    end = next(graph.objects(period, URIRef(dcat + "endDate")))
    assert str(start) == "1949-04-04" and str(start) < str(end)  # NATO's founding, the earliest date in the data
