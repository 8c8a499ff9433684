"""The dataset's IRIs, defined once: the base, the kinds of resource under it, and how each is built.

The IRIs are the dataset's permanent identity (`https://w3id.org/eucan-security/`, the same base the
ontology and the SKOS schemes in this folder use), so they do not vary with where a server runs: a
server answers for them at `/id/{kind}/{slug}`, `/domain/{slug}` and `/role/{slug}` whatever its own
host, and the w3id redirect points the permanent IRIs at the published server. Loader, exporter,
SPARQL service and API all build and read IRIs through this module.
"""

from __future__ import annotations

import hashlib
import re

from rdflib import Namespace, URIRef

__all__ = [
    "BASE",
    "DOMAIN",
    "ID_KINDS",
    "ONTOLOGY",
    "PREFIXES",
    "ROLE",
    "SCHEME_KINDS",
    "SLUG",
    "WIKIDATA",
    "domain_iri",
    "excerpt_iri",
    "iri_for",
    "local_path",
    "record_iri",
    "role_iri",
]

BASE = Namespace("https://w3id.org/eucan-security/")
ONTOLOGY = Namespace(str(BASE) + "ontology#")
DOMAIN = Namespace(str(BASE) + "domain/")
ROLE = Namespace(str(BASE) + "role/")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")

# Kinds of resource under `id/` in the shipped data (one per record section, plus the source excerpts; the
# record registry, `loaders.records.RECORD_TYPES`, is the authority) and the two SKOS schemes.
ID_KINDS = (
    "source",
    "actor",
    "post",
    "tenure",
    "instrument",
    "participation",
    "membership",
    "event",
    "link",
    "excerpt",
)
SCHEME_KINDS = ("domain", "role")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")

# Prefixes for serialisations that use them (Turtle, RDF/XML, JSON-LD) and for SPARQL examples.
PREFIXES: dict[str, str] = {
    "ecs": str(ONTOLOGY),
    **{
        kind: f"{BASE}id/{kind}/"
        for kind in ("actor", "instrument", "participation", "membership", "source", "excerpt")
    },
    "domain": str(DOMAIN),
    "role": str(ROLE),
}


def record_iri(kind: str, slug: str) -> URIRef:
    """The IRI of a record of `kind` (e.g. `actor`) with id `slug`."""
    return BASE[f"id/{kind}/{slug}"]


def domain_iri(slug: str) -> URIRef:
    return DOMAIN[slug]


def role_iri(slug: str) -> URIRef:
    return ROLE[slug]


def excerpt_iri(source: str, quote: str) -> URIRef:
    """A source excerpt is identified by its source and its words (the same quote twice is one excerpt)."""
    digest = hashlib.sha1(f"{source}\n{quote}".encode()).hexdigest()[:16]
    return BASE[f"id/excerpt/{digest}"]


def iri_for(kind: str, slug: str) -> str | None:
    """The IRI a server path `/id/{kind}/{slug}` (or `/{domain|role}/{slug}`) stands for; None if no such kind."""
    if not SLUG.match(slug):
        return None
    if kind in SCHEME_KINDS:
        return f"{BASE}{kind}/{slug}"
    if re.fullmatch(r"[a-z]+", kind):  # a record kind (the record registry knows which exist) or `excerpt`
        return f"{BASE}id/{kind}/{slug}"
    return None


def local_path(iri: str) -> str | None:
    """The server path (`/id/actor/canada`) of an IRI of the dataset; None for IRIs outside it."""
    if not iri.startswith(str(BASE)) or iri.startswith(str(ONTOLOGY)):
        return None
    return "/" + iri[len(str(BASE)) :]
