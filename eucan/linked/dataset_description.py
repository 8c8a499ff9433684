"""The dataset's own description, written at the head of every dump and export: what the data is,
its licence, publisher, version and when it was modified, so a harvester that reads only a dump
finds them; and `void:inDataset` from every resource to the dataset.

These triples are *about* the data, not part of it: the round trip `data → RDF → graph → RDF`
compares the curated data with an export without them (`is_description`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pyoxigraph import Literal, NamedNode, Triple

from eucan import __version__
from eucan.ontology.iris import BASE

__all__ = [
    "DATASET",
    "LICENSE",
    "PUBLISHER",
    "description_triples",
    "in_dataset",
    "is_description",
]

DATASET = NamedNode(f"{BASE}dataset")
PUBLISHER = NamedNode(f"{BASE}publisher")
LICENSE = NamedNode("https://creativecommons.org/licenses/by/4.0/")
TITLE = "EU–Canada Security Knowledge Graph"

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_DCT = "http://purl.org/dc/terms/"
_VOID = "http://rdfs.org/ns/void#"
_DCAT = "http://www.w3.org/ns/dcat#"
_FOAF = "http://xmlns.com/foaf/0.1/"
_XSD = "http://www.w3.org/2001/XMLSchema#"
IN_DATASET = NamedNode(_VOID + "inDataset")


def description_triples(*, modified: str | None = None) -> list[Triple]:
    """The dataset IRI typed as `void:Dataset` and `dcat:Dataset`, with title, licence, publisher,
    version, a word on the data's sources (each record's `ecs:evidence`), and `dcterms:modified` when known."""
    a = NamedNode(_RDF + "type")
    triples = [
        Triple(DATASET, a, NamedNode(_VOID + "Dataset")),
        Triple(DATASET, a, NamedNode(_DCAT + "Dataset")),
        Triple(DATASET, NamedNode(_DCT + "title"), Literal(TITLE, language="en")),
        Triple(DATASET, NamedNode(_DCT + "license"), LICENSE),
        Triple(DATASET, NamedNode(_DCT + "publisher"), PUBLISHER),
        Triple(DATASET, NamedNode(_DCAT + "version"), Literal(__version__)),
        Triple(DATASET, NamedNode(_VOID + "uriSpace"), Literal(str(BASE))),
        Triple(
            DATASET,
            NamedNode(_DCT + "description"),
            Literal(
                "Curated from public official sources; every fact links to its source excerpt "
                "(ecs:evidence: quote, source URL, retrieval date).",
                language="en",
            ),
        ),
        Triple(PUBLISHER, a, NamedNode(_FOAF + "Agent")),
        Triple(
            PUBLISHER, NamedNode(_FOAF + "name"), Literal("EU–Canada Security Knowledge Graph project", language="en")
        ),
    ]
    if modified:
        triples.append(
            Triple(DATASET, NamedNode(_DCT + "modified"), Literal(modified, datatype=NamedNode(_XSD + "date")))
        )
    return triples


def in_dataset(triples: Iterable[Triple]) -> Iterator[Triple]:
    """The triples, each new subject followed by its `void:inDataset` link (subjects come grouped)."""
    last: object = None
    for triple in triples:
        if triple.subject != last:
            last = triple.subject
            yield Triple(triple.subject, IN_DATASET, DATASET)
        yield triple


def is_description(subject: str, predicate: str) -> bool:
    """Whether a triple belongs to the dataset description rather than to the data."""
    return subject in (DATASET.value, PUBLISHER.value) or predicate == IN_DATASET.value
