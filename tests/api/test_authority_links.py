"""Authority links (skos:exactMatch) in the API and the explorer's pages, each with its sources."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from rdflib import RDF
from rdflib.namespace import SKOS

from eucan.loaders.pipeline import Validated
from eucan.ontology.iris import record_iri

COUNTRY = "http://publications.europa.eu/resource/authority/country/"
BODY = "http://publications.europa.eu/resource/authority/corporate-body/"


def _links(client: TestClient, path: str) -> dict[str, dict[str, Any]]:
    response = client.get(f"/api/v1{path}")
    assert response.status_code == 200, response.text
    return {x["iri"]: x for x in response.json()["exact_match"]}


def test_a_state_has_its_country_link_with_the_table_and_the_rule_as_sources(client: TestClient) -> None:
    links = _links(client, "/actors/canada")
    link = links[COUNTRY + "CAN"]
    assert link["scheme"] == "country"
    assert link["record"] == "canada-country"
    urls = {s["url"] for s in link["sources"]}
    assert "https://raw.githubusercontent.com/eea/OpenDataPortal/master/vocabularies/po-countries-skos.rdf" in urls
    assert any(url.startswith("https://op.europa.eu/") for url in urls)
    assert any("<dc:identifier>CAN</dc:identifier>" in s["quote"] for s in link["sources"])


def test_an_eu_body_has_its_corporate_body_link(client: TestClient) -> None:
    assert set(_links(client, "/actors/eeas")) == {BODY + "EEAS"}
    assert set(_links(client, "/actors/european-council")) == {BODY + "EURCOU"}
    body = client.get("/api/v1/actors/european-council").json()
    assert BODY + "EURCOU" in body["same_as"]  # every skos:exactMatch, sourced or not


def test_a_legal_act_has_its_celex_and_eli_with_its_own_eur_lex_source(client: TestClient) -> None:
    links = _links(client, "/instruments/la-2021-509-cfsp")
    assert set(links) == {
        "http://publications.europa.eu/resource/celex/32021D0509",
        "http://data.europa.eu/eli/dec/2021/509/oj",
    }
    for link in links.values():
        assert link["sources"], link
        assert all(s["url"].startswith("https://eur-lex.europa.eu/") for s in link["sources"]), link["sources"]
    assert {x["scheme"] for x in links.values()} == {"celex", "eli"}


def test_an_instrument_without_celex_has_no_link(client: TestClient) -> None:
    assert client.get("/api/v1/instruments/sdp-2025").json()["exact_match"] == []


def test_pages_show_the_links_with_their_sources(client: TestClient) -> None:
    page = client.get("/page/actor/canada").text
    assert f'<a href="{COUNTRY}CAN" rel="noreferrer">{COUNTRY}CAN</a>' in page
    assert "Identifiers in authorities" in page
    act = client.get("/page/instrument/la-2021-509-cfsp").text
    assert 'href="http://data.europa.eu/eli/dec/2021/509/oj"' in act
    assert "2 sources" in act or "1 source" in act


def test_a_link_dereferences_like_any_record(client: TestClient) -> None:
    response = client.get("/id/link/canada-country", headers={"Accept": "text/turtle"}, follow_redirects=True)
    assert response.status_code == 200, response.text
    assert COUNTRY + "CAN" in response.text
    assert "linkSubject" in response.text


def test_every_state_and_eu_institution_or_body_is_linked(curated: Validated) -> None:
    """The issue's rule over the records of this change: a country IRI for every State, a corporate-body IRI for
    the EU and each EU institution and body. Records added later without a link are listed as gaps in
    docs/coverage.md (the `coverage_authority_gaps` query) rather than failing here."""
    matches: dict[str, set[str]] = {}
    types: dict[str, set[str]] = {}
    for s, p, o in curated.canonical.triples:
        if p == SKOS.exactMatch:
            matches.setdefault(str(s), set()).add(str(o))
        elif p == RDF.type:
            types.setdefault(str(s), set()).add(str(o).rsplit("#", 1)[-1])
    states = [iri for iri, kinds in types.items() if "State" in kinds]
    bodies = [iri for iri, kinds in types.items() if kinds & {"EUInstitution", "EUBody"}]
    assert len(states) >= 40 and len(bodies) >= 7
    unlinked_states = {
        iri.rsplit("/", 1)[-1] for iri in states if not any(m.startswith(COUNTRY) for m in matches.get(iri, ()))
    }
    unlinked_bodies = {
        iri.rsplit("/", 1)[-1] for iri in bodies if not any(m.startswith(BODY) for m in matches.get(iri, ()))
    }
    assert not unlinked_states & LINKED_STATES
    assert not unlinked_bodies & set(BODIES)
    for actor, code in BODIES.items():
        assert BODY + code in matches[str(record_iri("actor", actor))], actor


LINKED_STATES = {
    "afghanistan", "armenia", "austria", "belgium", "bosnia-and-herzegovina", "bulgaria", "canada", "croatia",
    "cyprus", "czechia", "democratic-republic-of-the-congo", "denmark", "estonia", "finland", "france", "germany",
    "greece", "hungary", "iraq", "ireland", "italy", "latvia", "lithuania", "luxembourg", "mali", "malta",
    "netherlands", "norway", "poland", "portugal", "romania", "russia", "slovakia", "slovenia", "spain", "sweden",
    "switzerland", "ukraine", "united-kingdom", "united-states",
}  # fmt: skip
BODIES = {
    "eu": "EURUN",
    "council-eu": "CONSIL",
    "european-commission": "COM",
    "european-parliament": "EP",
    "european-council": "EURCOU",
    "eeas": "EEAS",
    "eda": "EDA",
    "europol": "EUROPOL",
}
