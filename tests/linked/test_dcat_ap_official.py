"""/dcat against the official DCAT-AP 3.0.1 SHACL shapes (SEMICeu/DCAT-AP, vendored in
tests/linked/dcat_ap/ with their commit and licence): the mandatory-property shapes, the
recommended-property shapes, the range (class) shapes, the controlled-vocabulary shapes and the
deprecation shapes, all at once, with pyshacl.

No violation of any kind. The warnings left are listed one by one in `EXPECTED_WARNINGS` with the
reason each stands (docs/sparql.md, "DCAT-AP validation"): a value would have to be invented to
silence it. Any other warning fails the test."""

from __future__ import annotations

import sys
from pathlib import Path

from pyshacl import validate
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.namespace import SKOS

SH = Namespace("http://www.w3.org/ns/shacl#")
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
AUTH = "http://publications.europa.eu/resource/authority/"
BASE = "https://w3id.org/eucan-security/"
SHAPES_DIR = Path(__file__).parent / "dcat_ap"
SHAPE_FILES = ["shapes.ttl", "shapes_recommended.ttl", "range.ttl", "mdr-vocabularies.shape.ttl", "deprecateduris.ttl"]

NO_GEOMETRY = "no primary source for the place's bounding box and centroid has been read; none is invented"
NOT_AN_EU_BODY = "the publisher is the project, which is not in the EU corporate-bodies table"
EXPECTED_WARNINGS = {
    **{(AUTH + place, DCAT + prop): NO_GEOMETRY for place in ("country/CAN", "continent/EUROPE") for prop in ("bbox", "centroid")},
    **{(BASE + subject, DCT + "publisher"): NOT_AN_EU_BODY for subject in ("catalog", "dataset", "sparql-service")},
}  # fmt: skip


def _shapes() -> Graph:
    shapes = Graph()
    for name in SHAPE_FILES:
        shapes.parse(SHAPES_DIR / name, format="turtle")
    return shapes


def _results(data: Graph) -> dict[str, set[tuple[str, str]]]:
    """The report's top-level results (not their sh:detail), by severity: (focus node, path)."""
    _, report, _ = validate(data, shacl_graph=_shapes(), allow_warnings=True)
    found: dict[str, set[tuple[str, str]]] = {"Violation": set(), "Warning": set(), "Info": set()}
    for result in report.objects(None, SH.result):
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[1]
        found[severity].add((str(report.value(result, SH.focusNode)), str(report.value(result, SH.resultPath))))
    return found


def test_dcat_conforms_to_the_official_dcat_ap_3_shapes(client):
    data = Graph().parse(data=client.get("/dcat", headers={"Accept": "text/turtle"}).text, format="turtle")
    found = _results(data)
    sys.stdout.write(f"\nDCAT-AP 3.0.1 on /dcat: {', '.join(f'{len(v)} {k}' for k, v in found.items())}\n")
    sys.stdout.write("".join(f"  info: {focus} {path}\n" for focus, path in sorted(found["Info"])))
    assert not found["Violation"], sorted(found["Violation"])
    assert found["Warning"] == set(EXPECTED_WARNINGS), sorted(found["Warning"] ^ set(EXPECTED_WARNINGS))
    assert URIRef(DCT + "issued") in set(data.predicates(URIRef(BASE + "catalog"), None))
    # every controlled value is in its authority table, a titled concept scheme
    for concept in data.subjects(RDF.type, SKOS.Concept):
        scheme = data.value(concept, SKOS.inScheme)
        assert (scheme, RDF.type, SKOS.ConceptScheme) in data and data.value(scheme, URIRef(DCT + "title")), concept


def test_the_official_shapes_catch_a_missing_licence_and_a_wrong_vocabulary(client):
    """The shapes are live: a distribution without licence warns, a format outside the file-type table fails."""
    data = Graph().parse(data=client.get("/dcat", headers={"Accept": "text/turtle"}).text, format="turtle")
    distribution = next(data.subjects(RDF.type, URIRef(DCAT + "Distribution")))
    data.remove((distribution, URIRef(DCT + "license"), None))
    data.set((distribution, URIRef(DCT + "format"), URIRef("https://www.iana.org/assignments/media-types/text/turtle")))
    found = _results(data)
    assert (str(distribution), DCT + "license") in found["Warning"]
    assert (str(distribution), DCT + "format") in found["Violation"]


def test_the_dumps_dataset_description_has_no_violation(client):
    """A dump starts with the dataset's description (typed dcat:Dataset): valid DCAT-AP on its own."""
    dump = Graph().parse(data=client.get("/dumps/eucan-security.ttl").content, format="turtle")
    description = Graph()
    for subject in (URIRef(BASE + "dataset"), URIRef(BASE + "publisher")):
        for triple in dump.triples((subject, None, None)):
            description.add(triple)
    assert (URIRef(BASE + "dataset"), RDF.type, URIRef(DCAT + "Dataset")) in description
    found = _results(description)
    sys.stdout.write(
        f"\nDCAT-AP 3.0.1 on the dump's description: {', '.join(f'{len(v)} {k}' for k, v in found.items())}\n"
    )
    assert not found["Violation"], sorted(found["Violation"])
