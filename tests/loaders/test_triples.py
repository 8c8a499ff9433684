"""The canonical triples held by subject: a set of triples, read by SHACL, the mapping and the cache as they are."""

from __future__ import annotations

from rdflib import RDF, XSD, Literal, URIRef

from eucan.loaders.triples import Triples
from eucan.ontology.mapping import graph_to_property_graph, subjects_to_property_graph

ECS = "https://w3id.org/eucan-security/ontology#"
A = URIRef("https://w3id.org/eucan-security/id/actor/a")
B = URIRef("https://w3id.org/eucan-security/id/actor/b")


def test_triples_behave_as_a_set() -> None:
    triples = Triples()
    name = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
    for triple in [(A, RDF.type, URIRef(ECS + "Actor")), (A, name, Literal("A", lang="en"))] * 2:
        triples.add(triple)
    triples.add((A, name, Literal("A", lang="fr")))  # same text, another language: another triple
    assert len(triples) == 3
    assert (A, name, Literal("A", lang="en")) in triples
    assert (A, name, Literal("A")) not in triples and (B, name, Literal("A", lang="en")) not in triples
    assert set(triples) == {
        (A, RDF.type, URIRef(ECS + "Actor")),
        (A, name, Literal("A", lang="en")),
        (A, name, Literal("A", lang="fr")),
    }
    assert list(triples.subjects) == [str(A)]  # keyed by the plain string


def test_mapping_by_subject_is_the_mapping_of_the_triples() -> None:
    part_of = URIRef(ECS + "subOrganisationOf")
    data = [
        (A, RDF.type, URIRef(ECS + "State")),
        (B, RDF.type, URIRef(ECS + "State")),
        (A, part_of, B),
        (A, URIRef("http://purl.org/dc/terms/identifier"), Literal("a")),
    ]
    derived = [("MEMBER_OF", str(A), str(B))] * 2  # two memberships, one shortcut
    by_subject = subjects_to_property_graph(Triples(data).subjects, derived)
    from_triples = graph_to_property_graph(data, derived)
    assert by_subject == from_triples
    assert by_subject.relationships == {
        "SUB_ORGANISATION_OF": [{"from": str(A), "to": str(B)}],
        "MEMBER_OF": [{"from": str(A), "to": str(B)}],
    }


def test_one_value_shared_by_many_subjects_is_held_in_one_tuple() -> None:
    cls, day = URIRef("https://example.org/C"), Literal("2020-01-01", datatype=XSD.date)
    triples = Triples()
    for n in range(3):
        subject = URIRef(f"https://example.org/s{n}")
        triples.add((subject, RDF.type, cls))
        triples.add((subject, RDF.value, day))
        triples.add((subject, RDF.value, Literal(f"name {n}")))  # a second value: a tuple of its own
    rows = list(triples.subjects.values())
    assert rows[0][str(RDF.type)] is rows[2][str(RDF.type)] == (cls,)
    assert [row[str(RDF.value)] for row in rows] == [(day, Literal(f"name {n}")) for n in range(3)]
    assert len(triples) == 9 and (URIRef("https://example.org/s1"), RDF.type, cls) in triples
