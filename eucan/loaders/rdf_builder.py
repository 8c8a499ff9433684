"""Turn validated records into the canonical RDF graph (ontology terms only)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import SimpleNamespace

from pydantic import BaseModel
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from eucan.loaders.records import (
    ActorRecord,
    EventRecord,
    InstrumentRecord,
    MembershipRecord,
    PartialDate,
    ParticipationRecord,
    PostRecord,
    Record,
    SourceRecord,
    TenureRecord,
)
from eucan.ontology import DOMAINS_TTL, ROLES_TTL
from eucan.ontology.mapping import get_mapping
from eucan.ontology.namespaces import ECS

__all__ = ["BASE", "KIND", "Canonical", "build_graph", "domain_iri", "excerpt_iri", "record_iri", "vocabulary_graph"]

# Plain attribute lookups for the hot loop (rdflib's DefinedNamespace looks terms up on every access).
E = SimpleNamespace(**{name: ECS[name] for name in ECS.__annotations__})
RDF_TYPE = RDF.type

BASE = Namespace("https://w3id.org/eucan-security/")
DOMAIN = Namespace(str(BASE) + "domain/")
ROLE = Namespace(str(BASE) + "role/")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")

KIND = {
    "sources": "source",
    "actors": "actor",
    "posts": "post",
    "tenures": "tenure",
    "instruments": "instrument",
    "participations": "participation",
    "memberships": "membership",
    "events": "event",
}


def record_iri(section: str, slug: str) -> URIRef:
    return BASE[f"id/{KIND[section]}/{slug}"]


def domain_iri(slug: str) -> URIRef:
    return DOMAIN[slug]


def excerpt_iri(source: str, quote: str) -> URIRef:
    digest = hashlib.sha1(f"{source}\n{quote}".encode()).hexdigest()[:16]
    return BASE[f"id/excerpt/{digest}"]


Triple = tuple[URIRef, URIRef, URIRef | Literal]


@dataclass
class Canonical:
    """The canonical RDF of the curated data, plus the derived shortcut relationships."""

    triples: set[Triple]
    derived: list[tuple[str, str, str]] = field(default_factory=list)
    locations: dict[str, tuple[str, int]] = field(default_factory=dict)
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


class _Builder:
    def __init__(self, triples: set[Triple], ids: dict[str, str]) -> None:
        self.g = triples
        self.ids = ids  # record id -> section
        self.mapping = get_mapping()

    def typed(self, node: URIRef, cls: URIRef) -> None:
        self.g.add((node, RDF_TYPE, cls))
        for sup in self.mapping.superclasses.get(cls, []):
            self.g.add((node, RDF_TYPE, sup))

    def text(self, node: URIRef, prop: URIRef, value: str | None, lang: str = "en") -> None:
        if value is not None:
            self.g.add((node, prop, Literal(value, lang=lang)))

    def plain(self, node: URIRef, prop: URIRef, value: object, datatype: URIRef | None = None) -> None:
        if value is not None:
            self.g.add((node, prop, Literal(value, datatype=datatype)))

    def date(self, node: URIRef, prop: URIRef, precision_prop: URIRef, value: PartialDate | None) -> None:
        if value is not None:
            self.g.add((node, prop, Literal(value.iso, datatype=XSD.date)))
            self.g.add((node, precision_prop, Literal(value.precision)))

    def link(self, node: URIRef, prop: URIRef, section: str, slug: str | None) -> None:
        if slug is not None:
            target = domain_iri(slug) if section == "domains" else record_iri(section, slug)
            self.g.add((node, prop, target))

    def common(self, node: URIRef, record: Record) -> None:
        self.plain(node, DCTERMS.identifier, record.id)
        self.text(node, SKOS.note, record.note)
        self.text(node, E.uncertainty, record.uncertain)
        for other in record.conflicts_with:
            self.g.add((node, E.conflictsWith, record_iri(self.ids[other], other)))
        for ev in record.evidence:
            excerpt = excerpt_iri(ev.source, ev.quote)
            self.g.add((node, E.evidence, excerpt))
            if (excerpt, RDF_TYPE, E.SourceExcerpt) not in self.g:  # a set lookup
                self.typed(excerpt, E.SourceExcerpt)
                self.text(excerpt, E.quote, ev.quote, ev.lang)
                self.g.add((excerpt, E.excerptOf, record_iri("sources", ev.source)))

    def named(self, node: URIRef, record: ActorRecord | PostRecord | InstrumentRecord) -> None:
        self.text(node, SKOS.prefLabel, record.name)
        self.text(node, SKOS.prefLabel, record.name_fr, "fr")
        for alt in record.alt_names:
            self.text(node, SKOS.altLabel, alt)
        self.plain(node, E.acronym, record.acronym)
        self.text(node, DCTERMS.description, record.description)

    def period(
        self, node: URIRef, record: TenureRecord | InstrumentRecord | ParticipationRecord | MembershipRecord
    ) -> None:
        self.date(node, E.startDate, E.startDatePrecision, record.start)
        self.date(node, E.endDate, E.endDatePrecision, record.end)
        if record.end is not None:  # derived once, here: the as-of rule compares with the latest possible end
            self.g.add((node, E.endDateLast, Literal(record.end.last_day.isoformat(), datatype=XSD.date)))

    def add(self, section: str, record: BaseModel, sources: dict[str, SourceRecord]) -> list[tuple[str, str, str]]:
        node = record_iri(section, record.id)  # type: ignore[attr-defined]
        derived: list[tuple[str, str, str]] = []
        if isinstance(record, SourceRecord):
            self.typed(node, E.SourceDocument)
            self.plain(node, DCTERMS.identifier, record.id)
            self.plain(node, E.sourceUrl, str(record.url), XSD.anyURI)
            self.text(node, DCTERMS.title, record.title)
            self.link(node, E.publisher, "actors", record.publisher)
            self.date(node, E.publishedDate, E.publishedDatePrecision, record.published)
            self.plain(node, E.retrievedDate, record.retrieved.iso, XSD.date)
            self.plain(node, E.primarySource, record.primary, XSD.boolean)
            self.text(node, SKOS.note, record.note)
            return derived
        assert isinstance(record, Record)
        self.common(node, record)
        if isinstance(record, ActorRecord):
            self.typed(node, ECS[record.type])
            self.named(node, record)
            self.link(node, E.subOrganisationOf, "actors", record.part_of)
            if record.wikidata:
                self.g.add((node, SKOS.exactMatch, WIKIDATA[record.wikidata]))
            if record.eu_authority:
                self.g.add((node, SKOS.exactMatch, URIRef(record.eu_authority)))
        elif isinstance(record, PostRecord):
            self.typed(node, E.Post)
            self.named(node, record)
            self.link(node, E.postIn, "actors", record.organisation)
        elif isinstance(record, TenureRecord):
            self.typed(node, E.Tenure)
            self.period(node, record)
            self.link(node, E.holder, "actors", record.person)
            self.link(node, E.post, "posts", record.post)
            self.text(node, E.documentedOverlap, record.documented_overlap)
        elif isinstance(record, InstrumentRecord):
            self.typed(node, ECS[record.type])
            self.named(node, record)
            self.period(node, record)
            self.date(node, E.signedDate, E.signedDatePrecision, record.signed)
            self.plain(node, E.signedAt, record.signed_at)
            self.date(
                node,
                E.provisionalApplicationDate,
                E.provisionalApplicationDatePrecision,
                record.provisional_application,
            )
            self.date(node, E.entryIntoForceDate, E.entryIntoForceDatePrecision, record.entry_into_force)
            self.plain(node, E.status, record.status)
            self.plain(node, E.celex, record.celex)
            self.plain(node, E.officialUrl, str(record.url) if record.url else None, XSD.anyURI)
            self.link(node, E.partOf, "instruments", record.part_of)
            for act in record.legal_basis:
                self.link(node, E.legalBasis, "instruments", act)
            for dom in record.domains:
                self.link(node, E.coversDomain, "domains", dom)
            for place in record.location:
                self.link(node, E.location, "actors", place)
        elif isinstance(record, ParticipationRecord):
            self.typed(node, E.Participation)
            self.period(node, record)
            self.link(node, E.participant, "actors", record.actor)
            self.link(node, E.instrument, "instruments", record.instrument)
            self.g.add((node, E.role, ROLE[record.role]))
            self.link(node, E.onBehalfOf, "actors", record.on_behalf_of)
            self.text(node, E.contribution, record.contribution)
            self.plain(node, E.personnel, record.personnel, XSD.integer)
            self.plain(node, E.nationalOperation, record.national_operation)
            for act in record.legal_basis:
                self.link(node, E.legalBasis, "instruments", act)
            derived.append(
                (
                    "PARTICIPATES_IN",
                    str(record_iri("actors", record.actor)),
                    str(record_iri("instruments", record.instrument)),
                )
            )
        elif isinstance(record, MembershipRecord):
            self.typed(node, E.Membership)
            self.period(node, record)
            self.link(node, E.member, "actors", record.member)
            self.link(node, E.organisation, "actors", record.organisation)
            derived.append(
                ("MEMBER_OF", str(record_iri("actors", record.member)), str(record_iri("actors", record.organisation)))
            )
        elif isinstance(record, EventRecord):
            self.typed(node, ECS[record.type])
            self.text(node, SKOS.prefLabel, record.name)
            self.date(node, E.date, E.datePrecision, record.date)
            self.plain(node, E.place, record.place)
            self.link(node, E.aboutInstrument, "instruments", record.instrument)
            for actor in record.participants:
                self.link(node, E.eventParticipant, "actors", actor)
            for dom in record.domains:
                self.link(node, E.coversDomain, "domains", dom)
            self.text(node, DCTERMS.description, record.description)
        return derived


def build_graph(records: Iterable[tuple[str, BaseModel]], ids: dict[str, str]) -> Canonical:
    """Canonical RDF for validated records (`ids` maps every record id to its section)."""
    triples: set[Triple] = set(vocabulary_graph())  # type: ignore[arg-type]
    builder = _Builder(triples, ids)
    derived: list[tuple[str, str, str]] = []
    items = list(records)
    sources = {r.id: r for s, r in items if isinstance(r, SourceRecord)}
    for section, record in items:
        derived.extend(builder.add(section, record, sources))
    # Excerpts repeat their document's URL and retrieval date so a fact's provenance is one hop away.
    excerpts = [(s, o) for s, p, o in triples if p == E.excerptOf]
    for excerpt, doc in excerpts:
        slug = str(doc).rsplit("/", 1)[-1]
        if slug in sources:
            triples.add((excerpt, E.sourceUrl, Literal(str(sources[slug].url), datatype=XSD.anyURI)))
            triples.add((excerpt, E.retrievedDate, Literal(sources[slug].retrieved.iso, datatype=XSD.date)))
    return Canonical(triples=triples, derived=derived)
