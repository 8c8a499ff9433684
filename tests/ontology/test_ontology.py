"""The ontology, its Python constants, the SKOS schemes and the mapping's allow-list."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, Graph
from rdflib.namespace import SKOS

from eucan.ontology import DOMAINS_TTL, ONTOLOGY_DIR, ONTOLOGY_TTL, SHAPES_TTL
from eucan.ontology.mapping import get_mapping
from eucan.ontology.namespaces import ECS
from tools.codegen import generate


def test_namespace_module_is_generated_from_the_turtle() -> None:
    assert (ONTOLOGY_DIR / "namespaces.py").read_text(encoding="utf-8") == generate(), (
        "ontology/namespaces.py is stale: run python -m tools.codegen"
    )


def test_namespace_is_closed() -> None:
    assert str(ECS.Participation).endswith("#Participation")
    with pytest.raises(AttributeError):
        _ = ECS.Partcipation  # a typo must not mint a new IRI


def test_sixteen_cooperation_areas_from_the_seed() -> None:
    graph = Graph().parse(DOMAINS_TTL)
    concepts = set(graph.subjects(RDF.type, ECS.CooperationDomain))
    assert len(concepts) == 16
    labels = {str(graph.value(c, SKOS.prefLabel)) for c in concepts}
    # the seed runs these two together on one line; they are two areas
    assert "Capacity building and training in third countries" in labels
    assert any(label.startswith("EU and Canada defence initiatives") for label in labels)
    assert len({str(graph.value(c, SKOS.notation)) for c in concepts}) == 16


def test_every_class_used_by_the_data_has_a_shape(curated: object) -> None:
    shapes = Graph().parse(SHAPES_TTL)
    targeted = set(shapes.objects(None, URIRef_SH_TARGET))
    onto = Graph().parse(ONTOLOGY_TTL)
    mapping = get_mapping()
    used = {o for _, p, o in curated.canonical.triples if p == RDF.type}  # type: ignore[attr-defined]
    for cls in used:
        if not str(cls).startswith(str(ECS._NS)):
            continue
        lineage = {cls, *mapping.superclasses.get(cls, [])}
        assert lineage & targeted, f"no SHACL shape targets {cls} or a superclass"
        assert (cls, RDF.type, OWL.Class) in onto


def test_mapping_names_are_unique_and_cypher_safe() -> None:
    mapping = get_mapping()
    for term in mapping.terms.values():
        assert term.key.replace("_", "").isalnum(), term
    assert {"PARTICIPANT", "INSTRUMENT", "EVIDENCE", "COVERS_DOMAIN", "MEMBER_OF"} <= mapping.relationship_types


from rdflib.namespace import SH  # noqa: E402

URIRef_SH_TARGET = SH.targetClass
