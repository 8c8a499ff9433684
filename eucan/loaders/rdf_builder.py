"""Turn validated records into the canonical RDF graph (ontology terms only).

Each record type builds its own triples (`BaseRecord.to_rdf`) through the small `RdfWriter` here;
IRIs come from `eucan.ontology.iris`, the one place they are defined.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from eucan import dates
from eucan.loaders.records import (
    SECTION_MODELS,
    BaseRecord,
    Derived,
    InstrumentRecord,
    PartialDate,
    Record,
    SourceRecord,
)
from eucan.loaders.triples import Triples
from eucan.ontology import DOMAINS_TTL, ROLES_TTL
from eucan.ontology.iris import domain_iri, excerpt_iri, record_iri
from eucan.ontology.mapping import get_mapping
from eucan.ontology.namespaces import ECS

__all__ = ["KIND", "Canonical", "RdfWriter", "build_graph", "instrument_bounds_of", "section_iri", "vocabulary_graph"]

RDF_TYPE = RDF.type
# Terms looked up once for the hot loop (rdflib's DefinedNamespace checks membership on every access).
_EVIDENCE, _SOURCE_EXCERPT, _QUOTE, _EXCERPT_OF = ECS.evidence, ECS.SourceExcerpt, ECS.quote, ECS.excerptOf
_UNCERTAINTY, _CONFLICTS_WITH = ECS.uncertainty, ECS.conflictsWith
_SOURCE_URL, _RETRIEVED = ECS.sourceUrl, ECS.retrievedDate
_IDENTIFIER, _NOTE, _DATE, _ALT_ID = DCTERMS.identifier, SKOS.note, XSD.date, ECS.altId

KIND: dict[str, str] = {section: model.kind for section, model in SECTION_MODELS.items()}


def section_iri(section: str, slug: str) -> URIRef:
    """The IRI of record `slug` of data-file section `section` (`domains` are SKOS concepts)."""
    return domain_iri(slug) if section == "domains" else record_iri(KIND[section], slug)


Triple = tuple[URIRef, URIRef, URIRef | Literal]


@dataclass
class Canonical:
    """The canonical RDF of the curated data, plus the derived shortcut relationships."""

    triples: Triples
    derived: list[tuple[str, str, str]] = field(default_factory=list)
    _graph: Graph | None = None

    @property
    def graph(self) -> Graph:
        """The triples as an rdflib graph (built on first use: costly for large data)."""
        if self._graph is None:
            self._graph = Graph()
            self._graph.addN((s, p, o, self._graph) for s, p, o in self.triples)
        return self._graph


def vocabulary_graph() -> Graph:
    """The SKOS schemes that are part of the data: cooperation domains and roles."""
    graph = Graph()
    graph.parse(DOMAINS_TTL)
    graph.parse(ROLES_TTL)
    return graph


class RdfWriter:
    """What a record needs to write its triples: typed nodes, literals, dates, links, provenance."""

    def __init__(self, triples: set[Triple] | Triples, ids: dict[str, str]) -> None:
        self.g = triples
        self.ids = ids  # record id -> section
        self.mapping = get_mapping()
        # Typed literals repeat (dates, precisions, booleans): build each once. rdflib's Literal
        # constructor parses and checks its value, a quarter of building the RDF otherwise.
        self._literals: dict[tuple[object, object, object], Literal] = {}
        self._iris: dict[tuple[str, str], URIRef] = {}
        self.source_alt_ids: dict[str, list[str]] = {}
        """A renamed source's former ids: its excerpts keep the IRIs they had under them (`excerpt_alt_ids`)."""
        self.instruments: dict[str, dates.Span] = {}
        """Each instrument's own bounds, first day and legal basis (`InstrumentRecord.span`): a participation's
        derived bounds take those it does not state from its instrument's, and its start no earlier than
        its legal acts (`dates.participation_bounds`)."""

    def ref(self, section: str, slug: str) -> URIRef:
        """`section_iri`, each IRI built once per load (records are referred to many times)."""
        key = (section, slug)
        found = self._iris.get(key)
        if found is None:
            found = self._iris[key] = section_iri(section, slug)
        return found

    def literal(self, value: object, datatype: URIRef | None = None, lang: str | None = None) -> Literal:
        key = (value, type(value), datatype or lang)
        found = self._literals.get(key)
        if found is None:
            found = self._literals[key] = Literal(value, lang=lang, datatype=datatype)
        return found

    def triple(self, node: URIRef, prop: URIRef, value: URIRef | Literal) -> None:
        self.g.add((node, prop, value))

    def iri(self, section: str, slug: str) -> str:
        """The IRI as a string, the one object the canonical RDF keys its subject by (derived
        relationships name their ends this way: a million of them would otherwise hold copies)."""
        return sys.intern(str(self.ref(section, slug)))

    def typed(self, node: URIRef, cls: URIRef) -> None:
        self.g.add((node, RDF_TYPE, cls))
        for sup in self.mapping.superclasses.get(cls, []):
            self.g.add((node, RDF_TYPE, sup))

    def text(self, node: URIRef, prop: URIRef, value: str | None, lang: str = "en") -> None:
        if value is not None:
            self.g.add((node, prop, Literal(value, lang=lang)))

    def plain(self, node: URIRef, prop: URIRef, value: object, datatype: URIRef | None = None) -> None:
        if value is not None:
            # typed values repeat (booleans, counts, dates); plain strings are mostly identifiers
            self.g.add((node, prop, self.literal(value, datatype) if datatype is not None else Literal(value)))

    def date(self, node: URIRef, prop: URIRef, precision_prop: URIRef, value: PartialDate | None) -> None:
        if value is not None:
            self.g.add((node, prop, self.literal(value.iso, _DATE)))
            self.g.add((node, precision_prop, self.literal(value.precision)))

    def link(self, node: URIRef, prop: URIRef, section: str, slug: str | None) -> None:
        if slug is not None:
            self.g.add((node, prop, self.ref(section, slug)))

    def common(self, node: URIRef, record: Record) -> None:
        """Identifier, notes, uncertainty, conflicts and the source excerpts of a fact."""
        self.plain(node, _IDENTIFIER, record.id)
        record.alt_ids_rdf(self, node)
        self.text(node, _NOTE, record.note)
        self.text(node, _UNCERTAINTY, record.uncertain)
        for other in record.conflicts_with:
            self.g.add((node, _CONFLICTS_WITH, self.ref(self.ids[other], other)))
        for ev in record.evidence:
            excerpt = excerpt_iri(ev.source, ev.quote)
            self.g.add((node, _EVIDENCE, excerpt))
            if (excerpt, RDF_TYPE, _SOURCE_EXCERPT) not in self.g:  # a set lookup
                self.typed(excerpt, _SOURCE_EXCERPT)
                self.text(excerpt, _QUOTE, ev.quote, ev.lang)
                self.g.add((excerpt, _EXCERPT_OF, self.ref("sources", ev.source)))
                self.excerpt_alt_ids(excerpt, ev.source, ev.quote)
            for old in ev.replaces:  # a corrected quote's former excerpts (any evidence item may say so)
                self.g.add((excerpt, _ALT_ID, Literal(old)))

    def excerpt_alt_ids(self, excerpt: URIRef, source: str, quote: str) -> None:
        """An excerpt is named by its source id and words: under a renamed source, the names it had
        before are its former ids (`ecs:altId`), so their IRIs answer 301 to the new one."""
        for old in self.source_alt_ids.get(source, ()):
            self.g.add((excerpt, _ALT_ID, Literal(str(excerpt_iri(old, quote)).rsplit("/", 1)[-1])))


def instrument_bounds_of(records: Iterable[BaseRecord]) -> dict[str, dates.Span]:
    """Every instrument's own bounds, first day and legal basis, by id: what participations' derived bounds
    need (`InstrumentRecord.span`)."""
    return {r.id: r.span for r in records if isinstance(r, InstrumentRecord)}


def build_graph(
    records: Iterable[tuple[str, BaseRecord]],
    ids: dict[str, str],
    per_record: list[list[Derived]] | None = None,
    *,
    sources: dict[str, SourceRecord] | None = None,
    instruments: dict[str, dates.Span] | None = None,
) -> Canonical:
    """Canonical RDF for validated records (`ids` maps every record id to its section); with `per_record`,
    each record's derived relationships are appended to it too, in order. Given the `sources` and the
    `instruments`' bounds (`instrument_bounds_of`) among them up front, the records are read one by one (a
    caller can let each go once its triples are built)."""
    triples = Triples(vocabulary_graph())
    writer = RdfWriter(triples, ids)
    derived: list[Derived] = []
    items: Iterable[tuple[str, BaseRecord]] = records
    if sources is None or instruments is None:
        items = list(records)
        sources = {r.id: r for s, r in items if isinstance(r, SourceRecord)}
        instruments = instrument_bounds_of(r for _, r in items)
    writer.source_alt_ids = {slug: source.alt_ids for slug, source in sources.items() if source.alt_ids}
    writer.instruments = instruments
    for section, record in items:
        own = record.to_rdf(writer, writer.ref(section, record.id))
        derived.extend(own)
        if per_record is not None:
            per_record.append(own)
    # Excerpts repeat their document's URL and retrieval date so a fact's provenance is one hop away.
    excerpt_of = str(_EXCERPT_OF)
    excerpts = [(s, doc) for s, by_pred in triples.subjects.items() for doc in by_pred.get(excerpt_of, ())]
    provenance: dict[str, tuple[Literal, Literal]] = {}
    for excerpt, doc in excerpts:
        slug = str(doc).rsplit("/", 1)[-1]
        if slug in sources:
            pair = provenance.get(slug)
            if pair is None:
                source = sources[slug]
                pair = provenance[slug] = (
                    Literal(str(source.url), datatype=XSD.anyURI),
                    writer.literal(source.retrieved.iso, _DATE),
                )
            triples.add((excerpt, _SOURCE_URL, pair[0]))
            triples.add((excerpt, _RETRIEVED, pair[1]))
    return Canonical(triples=triples, derived=derived)
