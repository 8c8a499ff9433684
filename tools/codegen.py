"""Generate `namespaces.py` (a closed rdflib `DefinedNamespace`) from `eucan.ttl`.

Run `python -m tools.codegen` after editing the ontology; a test fails when the
generated module is stale.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from eucan.ontology import ONTOLOGY_DIR, ONTOLOGY_TTL

__all__ = ["ECS_IRI", "generate", "main"]

ECS_IRI = "https://w3id.org/eucan-security/ontology#"

_HEADER = '''"""Terms of the EU–Canada security ontology (`ecs:`). Generated from eucan.ttl by codegen.py; do not edit."""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["ECS"]


class ECS(DefinedNamespace):
    """https://w3id.org/eucan-security/ontology#"""

    _fail = True
    _NS = Namespace("{iri}")

'''


def _label(graph: Graph, term: URIRef) -> str:
    for value in graph.objects(term, RDFS.label):
        if isinstance(value, Literal):
            return str(value)
    return ""


def generate(ttl: Path = ONTOLOGY_TTL) -> str:
    """Return the source text of namespaces.py for the ontology in `ttl`."""
    graph = Graph().parse(ttl)
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    terms = sorted(
        {s for kind in kinds for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef) and s.startswith(ECS_IRI)}
    )
    lines = [_HEADER.format(iri=ECS_IRI)]
    for term in terms:
        local = term[len(ECS_IRI) :]
        lines.append(f"    {local}: URIRef  # {_label(graph, term)}\n")
    return "".join(lines)


def main() -> None:
    """Write namespaces.py next to the ontology."""
    (ONTOLOGY_DIR / "namespaces.py").write_text(generate(), encoding="utf-8")


if __name__ == "__main__":
    main()
