"""One authority link asked through every door: the API, the catalog query and SPARQL give the same IRI."""

from __future__ import annotations

from tests.agreement.conftest import Doors

CAN = "http://publications.europa.eu/resource/authority/country/CAN"
ELI = "http://data.europa.eu/eli/dec/2021/509/oj"


def test_canada_country_link_agrees_across_doors(doors: Doors) -> None:
    api = {(x["scheme"], x["iri"]) for x in doors.api("/actors/canada")["exact_match"]}
    catalog = {(r["scheme"], r["iri"]) for r in doors.catalog("authority_links", id="canada", scheme=None)}
    sparql = {
        (r["scheme"], r["iri"])
        for r in doors.sparql(
            """SELECT ?scheme ?iri WHERE {
                 <https://w3id.org/eucan-security/id/actor/canada> skos:exactMatch ?iri .
                 ?link ecs:linkSubject <https://w3id.org/eucan-security/id/actor/canada> ;
                       ecs:linkTarget ?iri ; ecs:authorityScheme ?scheme }"""
        )
    }
    assert api == catalog == sparql == {("country", CAN)}


def test_a_legal_acts_eli_and_its_sources_agree_across_doors(doors: Doors) -> None:
    api = next(x for x in doors.api("/instruments/cd-2021-509")["exact_match"] if x["scheme"] == "eli")
    catalog = doors.catalog("authority_links", id="cd-2021-509", scheme="eli")
    sparql = doors.sparql(
        f"""SELECT DISTINCT ?url WHERE {{
              ?link ecs:linkTarget <{ELI}> ; ecs:evidence ?x . ?x ecs:sourceUrl ?url }}"""
    )
    assert api["iri"] == catalog[0]["iri"] == ELI
    assert {s["url"] for s in api["sources"]} == {r["url"] for r in sparql}
    assert len(catalog[0]["sources"]) == len({s["url"] for s in api["sources"]})
