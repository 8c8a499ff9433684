"""SHACL engines side by side on the project's shapes and the same synthetic data, in one run.

    python bench/shacl.py --scale 100000

For each engine: the time to validate the canonical RDF of `--scale` synthetic facts against
`ontology/shapes.ttl` (conforming data), and whether it finds exactly the violations pyshacl finds
in a copy of the data with one seeded fault per constraint of the shapes (the same focus node,
path and constraint component for every result). Engines: pyshacl as the loader calls it
(`inference="none"`, `advanced=False`, in place), pyshacl-turbo (its Rust engine, pyshacl's API)
and pyrudof (rudof's Rust engine; it reads RDF text, so the N-Triples it needs are timed with it).
An engine whose package is not installed is reported as such.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rdflib import RDF, XSD, Graph, Literal, URIRef  # noqa: E402
from rdflib.namespace import DCTERMS, SH, SKOS  # noqa: E402

from bench.memory import python_peak_mb  # noqa: E402
from bench.synthetic import generate  # noqa: E402
from eucan.loaders.rdf_builder import build_graph  # noqa: E402
from eucan.loaders.records import SECTION_MODELS  # noqa: E402
from eucan.ontology import SHAPES_TTL  # noqa: E402
from eucan.ontology.namespaces import ECS  # noqa: E402

Result = tuple[str, str, str]  # focus node, path, constraint component


def canonical_graph(scale: int, seed: int) -> Graph:
    data = generate(scale, seed)
    records = [(s, SECTION_MODELS[s].model_validate(item)) for s, items in data.items() for item in items]
    canonical = build_graph(records, {m.id: s for s, m in records})
    return canonical.graph


def _first(graph: Graph, cls: URIRef, skip: int = 0) -> URIRef:
    subjects = sorted(str(s) for s in graph.subjects(RDF.type, cls))
    return URIRef(subjects[skip])


def seed_faults(graph: Graph) -> Graph:
    """A copy of `graph` with one fault for every constraint of the shapes."""
    g = Graph()
    g += graph
    actor, actor2 = _first(g, ECS.State), _first(g, ECS.State, 1)
    person = _first(g, ECS.Person)
    post = _first(g, ECS.Post)
    part, part2, part3 = (_first(g, ECS.Participation, i) for i in range(3))
    instr, instr2 = _first(g, ECS.Agreement), _first(g, ECS.Agreement, 1)
    act = _first(g, ECS.LegalAct)
    member = _first(g, ECS.Membership)
    tenure = _first(g, ECS.Tenure)
    event, event2 = _first(g, ECS.Event), _first(g, ECS.Event, 1)
    doc, doc2 = _first(g, ECS.SourceDocument), _first(g, ECS.SourceDocument, 1)
    excerpt, excerpt2 = _first(g, ECS.SourceExcerpt), _first(g, ECS.SourceExcerpt, 1)
    domain = _first(g, ECS.CooperationDomain)
    g.remove((actor, DCTERMS.identifier, None))
    g.set((actor2, DCTERMS.identifier, Literal("Not A Slug")))
    g.remove((part, ECS.evidence, None))
    g.add((part2, ECS.evidence, actor))
    g.add((part2, ECS.conflictsWith, Literal("x")))
    g.remove((post, SKOS.prefLabel, None))
    g.add((actor2, SKOS.prefLabel, Literal("Second name", lang="en")))
    g.add((instr, SKOS.prefLabel, Literal("plain")))
    g.add((instr, SKOS.altLabel, Literal("plain alt")))
    g.add((actor2, ECS.subOrganisationOf, instr))
    g.add((actor2, ECS.subOrganisationOf, actor))
    g.add((actor2, SKOS.exactMatch, Literal("Q1")))
    g.add((person, ECS.subOrganisationOf, actor2))
    g.remove((post, ECS.postIn, None))
    g.set((part3, ECS.startDate, Literal("2030-01-01", datatype=XSD.date)))
    g.set((part3, ECS.startDateFirst, Literal("2030-01-01", datatype=XSD.date)))
    g.set((part3, ECS.endDateLast, Literal("2020-01-01", datatype=XSD.date)))
    g.add((part3, ECS.endDate, Literal("2020-01-01", datatype=XSD.date)))
    g.add((part3, ECS.endDate, Literal("2021-01-01", datatype=XSD.date)))
    g.set((part3, ECS.startDatePrecision, Literal("week")))
    g.set((member, ECS.startDate, Literal("2020-01-01")))
    g.add((instr2, ECS.status, Literal("bogus")))
    g.add((instr2, ECS.legalBasis, instr))
    g.add((instr2, ECS.coversDomain, actor))
    g.add((instr2, ECS.signedDate, Literal("2020")))
    g.add((act, ECS.celex, Literal("not-celex")))
    g.remove((part, ECS.participant, None))
    g.set((part2, ECS.instrument, actor))
    g.remove((part2, ECS.role, None))
    g.add((part3, ECS.personnel, Literal(-1, datatype=XSD.integer)))
    g.remove((member, ECS.organisation, None))
    g.set((tenure, ECS.holder, actor))
    g.remove((event, ECS.date, None))
    g.set((event2, ECS.datePrecision, Literal("week")))
    g.add((event2, ECS.eventParticipant, instr))
    g.set((doc, ECS.sourceUrl, Literal("ftp://example.org/x", datatype=XSD.anyURI)))
    g.remove((doc, DCTERMS.title, None))
    g.remove((doc2, ECS.primarySource, None))
    g.add((doc2, ECS.publisher, instr))
    g.set((excerpt, ECS.quote, Literal("plain quote")))
    g.remove((excerpt, ECS.excerptOf, None))
    g.remove((excerpt2, ECS.retrievedDate, None))
    g.remove((domain, SKOS.inScheme, None))
    g.remove((domain, SKOS.notation, None))
    return g


def _report_results(report: Graph) -> set[Result]:
    return {
        (
            str(report.value(r, SH.focusNode)),
            str(report.value(r, SH.resultPath)),
            str(report.value(r, SH.sourceConstraintComponent)),
        )
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }


def run_pyshacl(data: Graph) -> set[Result]:
    from pyshacl import validate

    shapes = Graph().parse(SHAPES_TTL)
    _, report, _ = validate(
        data, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=False, inplace=True
    )
    return _report_results(report)


def run_turbo(data: Graph) -> set[Result]:
    from pyshacl_turbo import validate

    shapes = Graph().parse(SHAPES_TTL)
    _, report, _ = validate(
        data, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=False, inplace=True
    )
    return _report_results(report)


def run_rudof(data: Graph) -> set[Result]:
    import pyrudof

    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_shacl(str(SHAPES_TTL))
    rudof.read_data(data.serialize(format="nt"), format=pyrudof.RDFFormat.NTriples)
    rudof.validate_shacl()
    text = rudof.serialize_shacl_validation_results(format=pyrudof.ResultShaclValidationFormat.NTriples)
    return _report_results(Graph().parse(data=text, format="nt"))


def run_core(data: Graph) -> set[Result]:
    from eucan.loaders import shacl_core

    compiled = shacl_core.compile_shapes(Graph().parse(SHAPES_TTL))
    results = shacl_core.validate(shacl_core.Index(data), compiled)
    return {(str(r.focus), str(r.path), str(r.component)) for r in results}


ENGINES: dict[str, tuple[str, Callable[[Graph], set[Result]]]] = {
    "pyshacl (loader's settings)": ("pyshacl", run_pyshacl),
    "eucan shacl_core (the loader's)": ("eucan.loaders.shacl_core", run_core),
    "pyshacl-turbo": ("pyshacl_turbo", run_turbo),
    "pyrudof": ("pyrudof", run_rudof),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=10_000, help="number of synthetic facts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--faults-scale", type=int, default=2_000, help="facts in the data the faults are seeded in")
    args = parser.parse_args()
    print(f"command: python bench/shacl.py {' '.join(sys.argv[1:])}")
    graph = canonical_graph(args.scale, args.seed)
    faulty = seed_faults(canonical_graph(args.faults_scale, args.seed))
    print(f"data: {args.scale:,} facts, {len(graph):,} triples; faults seeded in {len(faulty):,} triples")
    expected: set[Result] | None = None
    timings: dict[str, float] = {}
    for name, (module, run) in ENGINES.items():
        try:
            __import__(module)
        except ImportError:
            print(f"{name:30} not installed")
            continue
        copy: Any = Graph()
        copy += faulty
        found = run(copy)
        if expected is None:
            expected = found
        same = (
            "same violations as pyshacl"
            if found == expected
            else (
                f"DIFFERENT: misses {len(expected - found)}, adds {len(found - expected)}: {sorted(expected ^ found)[:4]}"
            )
        )
        started = time.perf_counter()
        clean = run(graph)
        timings[name] = time.perf_counter() - started
        assert not clean, sorted(clean)[:3]
        print(f"{name:30} {timings[name]:8.2f} s  {len(found):3} results on the faulty data: {same}")
    base = timings.get("pyshacl (loader's settings)")
    for name, seconds in timings.items():
        if base and name != "pyshacl (loader's settings)":
            print(f"ratio pyshacl / {name}: {base / seconds:.1f}x")
    print(f"peak RSS: python {python_peak_mb():,.0f} MB")


if __name__ == "__main__":
    main()
