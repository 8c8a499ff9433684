"""A record's authority links asked through every door: the API (`exact_match`), the catalog query
(`authority_links`) and SPARQL (skos:exactMatch and the ecs:AuthorityLink that sources it) give the same
links with the same source documents."""

from __future__ import annotations

import pytest

from tests.agreement.conftest import Doors

Link = tuple[str, str, tuple[str, ...]]  # scheme, IRI, the ids of its source documents
ID = "https://w3id.org/eucan-security/id/"
AUTH = "http://publications.europa.eu/resource/"


def _api(doors: Doors, path: str) -> set[Link]:
    links = doors.api(path)["exact_match"]
    urls = {s["url"] for x in links for s in x["sources"]}
    by_url = {str(r["url"]): str(r["source"]) for u in urls for r in doors.sparql(_source_of(u))}
    return {(x["scheme"], x["iri"], tuple(sorted({by_url[s["url"]] for s in x["sources"]}))) for x in links}


def _source_of(url: str) -> str:
    return f'SELECT ?url ?source WHERE {{ ?d ecs:sourceUrl ?url ; <http://purl.org/dc/terms/identifier> ?source FILTER(str(?url) = "{url}") }}'


def _catalog(doors: Doors, record: str) -> set[Link]:
    rows = doors.catalog("authority_links", id=record, scheme=None)
    return {(r["scheme"], r["iri"], tuple(sorted(r["sources"]))) for r in rows}


def _sparql(doors: Doors, kind: str, record: str) -> set[Link]:
    rows = doors.sparql(
        f"""SELECT ?scheme ?iri ?source WHERE {{
              <{ID}{kind}/{record}> skos:exactMatch ?iri .
              ?link ecs:linkSubject <{ID}{kind}/{record}> ; ecs:linkTarget ?iri ; ecs:authorityScheme ?scheme ;
                    ecs:evidence/ecs:excerptOf/<http://purl.org/dc/terms/identifier> ?source }}"""
    )
    found: dict[tuple[str, str], set[str]] = {}
    for r in rows:
        found.setdefault((str(r["scheme"]), str(r["iri"])), set()).add(str(r["source"]))
    return {(scheme, iri, tuple(sorted(sources))) for (scheme, iri), sources in found.items()}


QUESTIONS = [
    ("actor", "canada", {("country", AUTH + "authority/country/CAN")}),
    ("actor", "mali", {("country", AUTH + "authority/country/MLI")}),
    ("actor", "eeas", {("corporate-body", AUTH + "authority/corporate-body/EEAS")}),
    ("actor", "european-parliament", {("corporate-body", AUTH + "authority/corporate-body/EP")}),
    (
        "instrument",
        "la-2021-509-cfsp",
        {("celex", AUTH + "celex/32021D0509"), ("eli", "http://data.europa.eu/eli/dec/2021/509/oj")},
    ),
    (
        "instrument",
        "la-2003-188-cfsp",
        {("celex", AUTH + "celex/32003E0188"), ("eli", "http://data.europa.eu/eli/joint_action/2003/188/oj")},
    ),
]


@pytest.mark.parametrize(("kind", "record", "expected"), QUESTIONS, ids=[q[1] for q in QUESTIONS])
def test_a_records_links_agree_across_doors(
    doors: Doors, kind: str, record: str, expected: set[tuple[str, str]]
) -> None:
    api = _api(doors, f"/{kind}s/{record}")
    catalog = _catalog(doors, record)
    sparql = _sparql(doors, kind, record)
    assert api == catalog == sparql, {"api": api, "catalog": catalog, "sparql": sparql}
    assert {(scheme, iri) for scheme, iri, _ in api} == expected
    assert all(sources for _, _, sources in api)
