"""JSON-LD in compacted form: the context is generated from the ontology (one term per class and
property, object properties typed `@id`, dated properties typed `xsd:date`, labels by language),
served at `/context.jsonld`, and used by rdflib's JSON-LD serializer to compact documents and
dumps, one node object per subject. Documents carry the context inline, so they read offline;
the `Link` header points at the published copy. The expanded form stays available (`expanded`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from pyoxigraph import RdfFormat, Triple, serialize
from rdflib import OWL, RDF, RDFS, Graph

from eucan.linked.formats import PREFIXES
from eucan.ontology import ONTOLOGY_TTL
from eucan.ontology.iris import ONTOLOGY

__all__ = ["CONTEXT_REL", "compact_jsonld", "jsonld_context"]

CONTEXT_REL = "http://www.w3.org/ns/json-ld#context"
_EXTRA_PREFIXES = {
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}
_LANGUAGE_MAPS = {"prefLabel", "altLabel", "definition"}
_SKOS = "http://www.w3.org/2004/02/skos/core#"


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, Any]:
    """The `@context` object: prefixes, then one term per ontology class and property."""
    ontology = Graph().parse(ONTOLOGY_TTL, format="turtle")
    terms: dict[str, Any] = {**PREFIXES, **_EXTRA_PREFIXES}
    ecs = str(ONTOLOGY)
    for cls in sorted(set(ontology.subjects(RDF.type, OWL.Class)), key=str):
        if str(cls).startswith(ecs):
            terms[str(cls)[len(ecs) :]] = "ecs:" + str(cls)[len(ecs) :]
    for kind, coerce in ((OWL.ObjectProperty, "@id"), (OWL.DatatypeProperty, None)):
        for prop in sorted(set(ontology.subjects(RDF.type, kind)), key=str):
            if not str(prop).startswith(ecs):
                continue
            name = str(prop)[len(ecs) :]
            definition: dict[str, Any] = {"@id": "ecs:" + name}
            ranges = [str(r) for r in ontology.objects(prop, RDFS.range)]
            if coerce:
                definition["@type"] = coerce
            elif ranges and ranges[0].startswith(PREFIXES["xsd"]) and not ranges[0].endswith("#string"):
                definition["@type"] = "xsd:" + ranges[0][len(PREFIXES["xsd"]) :]
            terms[name] = definition
    for name in sorted(_LANGUAGE_MAPS):
        terms[name] = {"@id": "skos:" + name, "@container": "@language"}
    terms["inScheme"] = {"@id": "skos:inScheme", "@type": "@id"}
    terms["inDataset"] = {"@id": "void:inDataset", "@type": "@id"}
    terms["license"] = {"@id": "dcterms:license", "@type": "@id"}
    return terms


def _graph(triples: Iterable[Triple]) -> Graph:
    data = serialize(triples, None, RdfFormat.N_TRIPLES) or b""
    return Graph().parse(data=data, format="nt")


def compact_jsonld(triples: Iterable[Triple]) -> bytes:
    """The triples as compacted JSON-LD with the generated context inline, one node object per subject."""
    context = jsonld_context()
    text = _graph(triples).serialize(format="json-ld", context=context, auto_compact=True, indent=None)
    document = json.loads(text)
    if isinstance(document, dict):
        document["@context"] = context
    return json.dumps(document, ensure_ascii=False, sort_keys=True).encode()
