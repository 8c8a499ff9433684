"""The ontology's terms as plain attributes, for hot loops.

rdflib's closed `DefinedNamespace` checks membership on every attribute access (about 15% of
the loader's validation time at 10,000 facts). `TERMS` holds the same `URIRef`s as plain
attributes; mypy still sees the closed namespace, so a misspelt term fails the type check.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from rdflib import XSD, URIRef
from rdflib.namespace import DCTERMS, SKOS

from eucan.ontology.namespaces import ECS

__all__ = ["DCTERMS_TERMS", "SKOS_TERMS", "TERMS", "XSD_TERMS"]


class _Terms(SimpleNamespace):
    def __getitem__(self, name: str) -> URIRef:
        return cast(URIRef, getattr(self, name))


TERMS = cast("type[ECS]", _Terms(**{name: ECS[name] for name in ECS.__annotations__}))

# The same for the standard vocabularies the records write (dcterms:identifier, skos:prefLabel, xsd:date, ...).
DCTERMS_TERMS = cast("type[DCTERMS]", _Terms(**{name: DCTERMS[name] for name in DCTERMS.__annotations__}))
SKOS_TERMS = cast("type[SKOS]", _Terms(**{name: SKOS[name] for name in SKOS.__annotations__}))
XSD_TERMS = cast("type[XSD]", _Terms(**{name: XSD[name] for name in XSD.__annotations__}))
