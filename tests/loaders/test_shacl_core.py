"""The loader's SHACL Core validator finds exactly what pyshacl finds, on the project's shapes."""

from __future__ import annotations

from collections import Counter

import pytest
from pyshacl import validate
from rdflib import RDF, Graph
from rdflib.namespace import SH

from bench.shacl import canonical_graph, seed_faults
from eucan.loaders import shacl_core
from eucan.loaders.checks import check_shacl
from eucan.ontology import SHAPES_TTL


@pytest.fixture(scope="module")
def faulty() -> Graph:
    return seed_faults(canonical_graph(300, 7))


def _pyshacl(data: Graph) -> Counter[tuple[str, str, str, str]]:
    _, report, _ = validate(data, shacl_graph=Graph().parse(SHAPES_TTL), inference="none", advanced=False)
    assert isinstance(report, Graph)
    return Counter(
        (
            str(report.value(r, SH.focusNode)),
            str(report.value(r, SH.resultPath)),
            str(report.value(r, SH.sourceConstraintComponent)),
            str(report.value(r, SH.value)),
        )
        for r in report.subjects(RDF.type, SH.ValidationResult)
    )


def test_same_results_as_pyshacl_on_one_fault_per_constraint(faulty: Graph) -> None:
    shapes = shacl_core.compile_shapes(Graph().parse(SHAPES_TTL))
    ours = Counter(
        (str(r.focus), str(r.path), str(r.component), str(r.value))
        for r in shacl_core.validate(shacl_core.Index(faulty), shapes)
    )
    expected = _pyshacl(faulty)
    assert ours == expected
    # every kind of constraint the shapes use is exercised by a seeded fault
    used = {str(c).rsplit("#", 1)[-1] for _, _, c, _ in expected}
    assert {"MinCountConstraintComponent", "MaxCountConstraintComponent", "DatatypeConstraintComponent",
            "ClassConstraintComponent", "NodeKindConstraintComponent", "PatternConstraintComponent",
            "InConstraintComponent", "UniqueLangConstraintComponent", "LessThanOrEqualsConstraintComponent",
            "MinInclusiveConstraintComponent"} <= used  # fmt: skip


def test_check_shacl_engines_agree(faulty: Graph) -> None:
    triples = set(faulty)
    core = check_shacl(triples, {}, engine="core")
    reference = check_shacl(triples, {}, engine="pyshacl")
    assert len(core) == len(reference) == sum(_pyshacl(faulty).values())
    # sh:message wins where the shapes give one, so these problems read the same from both engines
    assert {p.message for p in core if "must be a Person" in p.message} == {
        p.message for p in reference if "must be a Person" in p.message
    }


@pytest.mark.parametrize(
    "extra",
    [
        "ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .",
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ] .",
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:node ex:T ] .",
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:class ex:D .",
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:severity sh:Warning ] .",
        "ex:S a sh:PropertyShape ; sh:targetClass ex:C ; sh:path ex:p ; sh:minCount 1 .",
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:datatype ex:custom ] .",
    ],
)
def test_unknown_features_are_refused(extra: str) -> None:
    shapes = Graph().parse(SHAPES_TTL)
    shapes.parse(
        data=f"@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> . {extra}",
        format="turtle",
    )
    with pytest.raises(shacl_core.Unsupported):
        shacl_core.compile_shapes(shapes)
