"""Pydantic models of curated records: one class per section of a data file."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    ValidationInfo,
    field_validator,
    model_validator,
)
from rdflib import URIRef

from eucan.echo import clip
from eucan.ontology.iris import WIKIDATA, role_iri
from eucan.ontology.terms import DCTERMS_TERMS as DCTERMS  # the closed namespaces, as plain attributes
from eucan.ontology.terms import SKOS_TERMS as SKOS
from eucan.ontology.terms import TERMS as ECS
from eucan.ontology.terms import XSD_TERMS as XSD

if TYPE_CHECKING:
    from eucan.loaders.rdf_builder import RdfWriter

from eucan import dates

__all__ = [
    "LINK_PATTERNS",
    "LINK_SUBJECTS",
    "LinkScheme",
    "RECORD_TYPES",
    "SECTIONS",
    "ActorRecord",
    "AuthorityLinkRecord",
    "BaseRecord",
    "Derived",
    "EventRecord",
    "Evidence",
    "InstrumentRecord",
    "MembershipRecord",
    "ParticipationRecord",
    "PartialDate",
    "PostRecord",
    "Record",
    "SECTION_MODELS",
    "SourceRecord",
    "TenureRecord",
    "share_fields_set",
]

SLUG = r"^[a-z0-9][a-z0-9-]*$"
Slug = Annotated[str, Field(pattern=SLUG, max_length=120)]


class PartialDate(BaseModel):
    """A date known to a day, a month or a year; stored as its first day plus the precision."""

    model_config = ConfigDict(frozen=True)

    value: dt.date
    precision: Literal["day", "month", "year"]

    @property
    def iso(self) -> str:
        return self.value.isoformat()

    @property
    def last_day(self) -> dt.date:
        """The last day the partial date can mean (for inclusive end dates)."""
        return dates.last_day(self.value, self.precision)

    @property
    def display(self) -> str:
        """The date in its precision: "2005", "2024-04" or "2025-06-23"."""
        return dates.display(self.value, self.precision) or ""


def _parse_date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    return _date_of(str(value).strip())


@lru_cache(maxsize=65_536)
def _date_of(text: str) -> PartialDate:
    """Dates repeat across records, and a `PartialDate` is frozen: each is built once."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return PartialDate(value=dt.date.fromisoformat(text), precision="day")
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = map(int, text.split("-"))
            return PartialDate(value=dt.date(year, month, 1), precision="month")
        if re.fullmatch(r"\d{4}", text):
            return PartialDate(value=dt.date(int(text), 1, 1), precision="year")
    except ValueError as exc:
        raise ValueError(f"{clip(text)} is not a real date ({exc}); write YYYY-MM-DD, YYYY-MM or YYYY") from None
    raise ValueError(f"{clip(text)} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")


DateField = Annotated[PartialDate, BeforeValidator(_parse_date)]


def _nonblank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value.strip()


Text = Annotated[str, AfterValidator(_nonblank)]


def _excerpt_id(value: str) -> str:
    if not re.fullmatch(r"[0-9a-f]{16}", value):
        raise ValueError(
            "not an excerpt id; write the 16 hex digits that end the old excerpt's IRI"
            " (…/id/excerpt/0e5af7d0f1da956a -> 0e5af7d0f1da956a)"
        )
    return value


ExcerptId = Annotated[str, AfterValidator(_excerpt_id)]


class Evidence(BaseModel):
    """A verbatim quote from a source that states the record's fact."""

    model_config = ConfigDict(extra="forbid")

    source: Slug
    quote: Annotated[Text, Field(max_length=600)]
    lang: Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]
    """Required: the language of the quote (`en`, `fr`, ...), never left to a default."""
    replaces: list[ExcerptId] = Field(default_factory=list)
    """Former excerpt ids (the last segment of their IRIs) this quote corrects: they answer 301 to it."""


Derived = tuple[str, str, str]  # (relationship type, from IRI, to IRI): a shortcut the mapping adds


class BaseRecord(BaseModel):
    """A record of one section of a data file. Each record type declares its section (the key in
    the YAML file), its kind (the `id/{kind}/` part of its IRI) and builds its own RDF."""

    model_config = ConfigDict(extra="forbid")

    section: ClassVar[str]
    kind: ClassVar[str]

    id: Slug
    alt_ids: list[Slug] = Field(default_factory=list)
    """Ids the record had before (renamed by `tools.rename_ids`): their IRIs redirect (301) to this one."""

    def references(self) -> list[tuple[str, str, str]]:
        """(field, section the id must come from, id) for every reference this record makes."""
        return []

    def alt_ids_rdf(self, out: RdfWriter, node: URIRef) -> None:
        for old in self.alt_ids:
            out.plain(node, ECS.altId, old)

    def to_rdf(self, out: RdfWriter, node: URIRef) -> list[Derived]:
        """Add this record's triples about `node` to `out`; return the derived shortcut relationships."""
        raise NotImplementedError


class Record(BaseRecord):
    """Fields every record that states a fact has."""

    evidence: list[Evidence] = Field(min_length=1)
    note: Text | None = None
    uncertain: Text | None = None
    conflicts_with: list[Slug] = Field(default_factory=list)

    def references(self) -> list[tuple[str, str, str]]:
        """(field, section the id must come from, id) for every reference this record makes."""
        refs = [("evidence", "sources", e.source) for e in self.evidence]
        refs += [("conflicts_with", "*", other) for other in self.conflicts_with]
        return refs


class SourceRecord(BaseRecord):
    """A document that states facts."""

    section = "sources"
    kind = "source"

    url: HttpUrl
    title: Text
    publisher: Slug | None = None
    published: DateField | None = None
    retrieved: DateField
    primary: bool = True
    note: Text | None = None

    def references(self) -> list[tuple[str, str, str]]:
        return [("publisher", "actors", self.publisher)] if self.publisher else []

    def to_rdf(self, out: RdfWriter, node: URIRef) -> list[Derived]:
        out.typed(node, ECS.SourceDocument)
        out.plain(node, DCTERMS.identifier, self.id)
        self.alt_ids_rdf(out, node)
        out.plain(node, ECS.sourceUrl, str(self.url), XSD.anyURI)
        out.text(node, DCTERMS.title, self.title)
        out.link(node, ECS.publisher, "actors", self.publisher)
        out.date(node, ECS.publishedDate, ECS.publishedDatePrecision, self.published)
        out.plain(node, ECS.retrievedDate, self.retrieved.iso, XSD.date)
        out.plain(node, ECS.primarySource, self.primary, XSD.boolean)
        out.text(node, SKOS.note, self.note)
        return []


ActorType = Literal[
    "State",
    "InternationalOrganisation",
    "EUInstitution",
    "EUBody",
    "GovernmentDepartment",
    "Organisation",
    "Person",
]


class _Named(Record):
    name: Text
    name_fr: Text | None = None
    alt_names: list[Text] = Field(default_factory=list)
    acronym: Text | None = None
    description: Text | None = None

    def named_rdf(self, out: RdfWriter, node: URIRef) -> None:
        out.text(node, SKOS.prefLabel, self.name)
        out.text(node, SKOS.prefLabel, self.name_fr, "fr")
        for alt in self.alt_names:
            out.text(node, SKOS.altLabel, alt)
        out.plain(node, ECS.acronym, self.acronym)
        out.text(node, DCTERMS.description, self.description)


class ActorRecord(_Named):
    section = "actors"
    kind = "actor"

    type: ActorType
    part_of: Slug | None = None
    wikidata: Annotated[str, Field(pattern=r"^Q[1-9][0-9]*$")] | None = None
    eu_authority: (
        Annotated[str, Field(pattern=r"^http://publications\.europa\.eu/resource/authority/[a-z-]+/[A-Z0-9_]+$")] | None
    ) = None

    def references(self) -> list[tuple[str, str, str]]:
        refs = super().references()
        return refs + ([("part_of", "actors", self.part_of)] if self.part_of else [])

    def to_rdf(self, out: RdfWriter, node: URIRef) -> list[Derived]:
        out.common(node, self)
        out.typed(node, ECS[self.type])
        self.named_rdf(out, node)
        out.link(node, ECS.subOrganisationOf, "actors", self.part_of)
        if self.wikidata:
            out.triple(node, SKOS.exactMatch, WIKIDATA[self.wikidata])
        if self.eu_authority:
            out.triple(node, SKOS.exactMatch, URIRef(self.eu_authority))
        return []


class PostRecord(_Named):
    section = "posts"
    kind = "post"

    organisation: Slug

    def references(self) -> list[tuple[str, str, str]]:
        return [*super().references(), ("organisation", "actors", self.organisation)]

    def to_rdf(self, out: RdfWriter, node: URIRef) -> list[Derived]:
        out.common(node, self)
        out.typed(node, ECS.Post)
        self.named_rdf(out, node)
        out.link(node, ECS.postIn, "actors", self.organisation)
        return []


class _Period(Record):
    start: DateField | None = None
    end: DateField | None = None

    @model_validator(mode="after")
    def _end_not_before_start(self) -> _Period:
        if self.start and self.end and self.end.last_day < self.start.value:
            raise ValueError(f"end {self.end.iso} is before start {self.start.iso}; swap them or fix the typo")
        return self

    @property
    def bounds(self) -> dates.Bounds:
        """The period's own bounds (earliest possible start, latest possible end; ISO days, None = unknown)."""
        return dates.bounds(self.start.value if self.start else None, self.end.last_day if self.end else None)

    def period_rdf(self, out: RdfWriter, node: URIRef, derived: dates.Bounds | None = None) -> None:
        """The curated dates as stated, and the derived bounds every as-of question compares with: the
        period's own (`dates.bounds`), or those `derived` for it (a participation's, `dates.participation_bounds`)."""
        out.date(node, ECS.startDate, ECS.startDatePrecision, self.start)
        out.date(node, ECS.endDate, ECS.endDatePrecision, self.end)
        first, last = self.bounds if derived is None else derived
        out.plain(node, ECS.startDateFirst, first, XSD.date)
        out.plain(node, ECS.endDateLast, last, XSD.date)


class TenureRecord(_Period):
    section = "tenures"
    kind = "tenure"

    person: Slug
    post: Slug
    documented_overlap: Text | None = None
    """Why this tenure ends on or after its successor's first day, as the record's sources state it.
    Without it, successive holders of a post must not overlap (see `checks.check_successions`)."""

    def references(self) -> list[tuple[str, str, str]]:
        return [*super().references(), ("person", "actors", self.person), ("post", "posts", self.post)]

    def to_rdf(self, out: RdfWriter, node: URIRef) -> list[Derived]:
        out.common(node, self)
        out.typed(node, ECS.Tenure)
        self.period_rdf(out, node)
        out.link(node, ECS.holder, "actors", self.person)
        out.link(node, ECS.post, "posts", self.post)
        out.text(node, ECS.documentedOverlap, self.documented_overlap)
        return []


InstrumentType = Literal[
    "Partnership",
    "Agreement",
    "PescoProject",
    "CsdpMission",
    "CsdpOperation",
    "Dialogue",
    "FinancingInstrument",
    "LegalAct",
    "Framework",
]
Status = Literal[
    "in-force",
    "active",
    "ended",
    "expired",
    "under-negotiation",
    "signed",
    "proposed",
    "superseded",
    "annulled",
    "unknown",
]
LEGAL_ACT_FORBIDDEN = {
    "signed": "adopted",
    "signed_at": "note",
    "start": "adopted (the day the act was adopted) or entry_into_force",
    "provisional_application": "entry_into_force",
}
"""Fields a LegalAct must not use, and the field that holds that kind of date instead."""


class InstrumentRecord(_Named, _Period):
    section = "instruments"
    kind = "instrument"

    type: InstrumentType
    signed: DateField | None = None
    signed_at: Text | None = None
    provisional_application: DateField | None = None
    entry_into_force: DateField | None = None
    adopted: DateField | None = None
    """LegalAct: the day the act was adopted (the date in its title)."""
    published: DateField | None = None
    """LegalAct: the day it was published in the Official Journal."""
    status: Status
    part_of: Slug | None = None
    legal_basis: list[Slug] = Field(default_factory=list)
    domains: list[Slug] = Field(default_factory=list)
    location: list[Slug] = Field(default_factory=list)
    celex: Annotated[str, Field(pattern=r"^[0-9CE][0-9]{4}[A-Z]{1,2}[0-9A-Z()_]+$")] | None = None
    url: HttpUrl | None = None

    @model_validator(mode="after")
    def _legal_act_dates(self) -> InstrumentRecord:
        if self.type == "LegalAct":
            for name, instead in LEGAL_ACT_FORBIDDEN.items():
                if getattr(self, name) is not None:
                    raise ValueError(f"a LegalAct has no `{name}`: write its date as `{instead}`")
            if self.celex is None:
                raise ValueError("a LegalAct needs its `celex` number (e.g. 32021D0748, from its EUR-Lex URL)")
        elif self.adopted is not None or self.published is not None:
            raise ValueError("`adopted` and `published` are dates of a LegalAct; use `signed` or `start` here")
        return self

    @property
    def span(self) -> dates.Span:
        """What participations resting on it or within it need (`dates.Span`): its own bounds, the first day
        it existed (a legal act's adoption, else its signature, else its earliest start) and its legal basis."""
        adopted, signed = (d.value.isoformat() if d is not None else None for d in (self.adopted, self.signed))
        start, adoption, signature = (
            d.precision if d is not None else None for d in (self.start, self.adopted, self.signed)
        )
        return dates.Span.of(self.bounds, adopted, signed, self.legal_basis, (start, adoption, signature))

    def references(self) -> list[tuple[str, str, str]]:
        refs = super().references()
        refs += [("part_of", "instruments", self.part_of)] if self.part_of else []
        refs += [("legal_basis", "instruments", x) for x in self.legal_basis]
        refs += [("domains", "domains", x) for x in self.domains]
        refs += [("location", "actors", x) for x in self.location]
        return refs

    def to_rdf(self, out: RdfWriter, node: URIRef) -> list[Derived]:
        out.common(node, self)
        out.typed(node, ECS[self.type])
        self.named_rdf(out, node)
        self.period_rdf(out, node)
        out.date(node, ECS.signedDate, ECS.signedDatePrecision, self.signed)
        out.plain(node, ECS.signedAt, self.signed_at)
        out.date(
            node, ECS.provisionalApplicationDate, ECS.provisionalApplicationDatePrecision, self.provisional_application
        )
        out.date(node, ECS.entryIntoForceDate, ECS.entryIntoForceDatePrecision, self.entry_into_force)
        out.date(node, ECS.adoptedDate, ECS.adoptedDatePrecision, self.adopted)
        out.date(node, ECS.publicationDate, ECS.publicationDatePrecision, self.published)
        out.plain(node, ECS.status, self.status)
        out.plain(node, ECS.celex, self.celex)
        out.plain(node, ECS.officialUrl, str(self.url) if self.url else None, XSD.anyURI)
        out.link(node, ECS.partOf, "instruments", self.part_of)
        for act in self.legal_basis:
            out.link(node, ECS.legalBasis, "instruments", act)
        for dom in self.domains:
            out.link(node, ECS.coversDomain, "domains", dom)
        for place in self.location:
            out.link(node, ECS.location, "actors", place)
        return []


Role = Literal["party", "signatory", "participant", "coordinator", "contributor", "observer", "host", "chair"]


class ParticipationRecord(_Period):
    section = "participations"
    kind = "participation"

    actor: Slug
    instrument: Slug
    role: Role
    on_behalf_of: Slug | None = None
    contribution: Text | None = None
    personnel: Annotated[int, Field(ge=0)] | None = None
    national_operation: Text | None = None
    legal_basis: list[Slug] = Field(default_factory=list)

    def references(self) -> list[tuple[str, str, str]]:
        refs = [*super().references(), ("actor", "actors", self.actor), ("instrument", "instruments", self.instrument)]
        refs += [("on_behalf_of", "actors", self.on_behalf_of)] if self.on_behalf_of else []
        refs += [("legal_basis", "instruments", x) for x in self.legal_basis]
        return refs

    def to_rdf(self, out: RdfWriter, node: URIRef) -> list[Derived]:
        out.common(node, self)
        out.typed(node, ECS.Participation)
        # cannot outlast its instrument, nor begin before its legal basis; each derived bound says where it
        # comes from (its basis, the instrument or act whose date it is, the precision of that date)
        precisions = (self.start.precision if self.start else None, self.end.precision if self.end else None)
        start, end = dates.participation_bounds(
            self.bounds, precisions, self.instrument, self.legal_basis, out.instruments
        )
        self.period_rdf(out, node, (start.day, end.day))
        if start.basis is not None:
            out.triple(node, ECS.startDateFirstPrecision, out.literal(start.precision))
            out.triple(node, ECS.startDateBasis, out.literal(start.basis))
            out.link(node, ECS.startDateFrom, "instruments", start.source)
        if end.basis is not None:
            out.triple(node, ECS.endDateBasis, out.literal(end.basis))
            out.link(node, ECS.endDateFrom, "instruments", end.source)
        out.link(node, ECS.participant, "actors", self.actor)
        out.link(node, ECS.instrument, "instruments", self.instrument)
        out.triple(node, ECS.role, role_iri(self.role))
        out.link(node, ECS.onBehalfOf, "actors", self.on_behalf_of)
        out.text(node, ECS.contribution, self.contribution)
        out.plain(node, ECS.personnel, self.personnel, XSD.integer)
        out.plain(node, ECS.nationalOperation, self.national_operation)
        for act in self.legal_basis:
            out.link(node, ECS.legalBasis, "instruments", act)
        return [("PARTICIPATES_IN", out.iri("actors", self.actor), out.iri("instruments", self.instrument))]


class MembershipRecord(_Period):
    section = "memberships"
    kind = "membership"

    member: Slug
    organisation: Slug

    def references(self) -> list[tuple[str, str, str]]:
        return [*super().references(), ("member", "actors", self.member), ("organisation", "actors", self.organisation)]

    def to_rdf(self, out: RdfWriter, node: URIRef) -> list[Derived]:
        out.common(node, self)
        out.typed(node, ECS.Membership)
        self.period_rdf(out, node)
        out.link(node, ECS.member, "actors", self.member)
        out.link(node, ECS.organisation, "actors", self.organisation)
        return [("MEMBER_OF", out.iri("actors", self.member), out.iri("actors", self.organisation))]


EventType = Literal["Summit", "DialogueMeeting", "Signature", "Announcement", "Negotiation", "Meeting"]


class EventRecord(Record):
    section = "events"
    kind = "event"

    type: EventType
    name: Text
    date: DateField
    place: Text | None = None
    instrument: Slug | None = None
    participants: list[Slug] = Field(default_factory=list)
    domains: list[Slug] = Field(default_factory=list)
    description: Text | None = None

    def references(self) -> list[tuple[str, str, str]]:
        refs = super().references()
        refs += [("instrument", "instruments", self.instrument)] if self.instrument else []
        refs += [("participants", "actors", x) for x in self.participants]
        refs += [("domains", "domains", x) for x in self.domains]
        return refs

    def to_rdf(self, out: RdfWriter, node: URIRef) -> list[Derived]:
        out.common(node, self)
        out.typed(node, ECS[self.type])
        out.text(node, SKOS.prefLabel, self.name)
        out.date(node, ECS.date, ECS.datePrecision, self.date)
        out.plain(node, ECS.place, self.place)
        out.link(node, ECS.aboutInstrument, "instruments", self.instrument)
        for actor in self.participants:
            out.link(node, ECS.eventParticipant, "actors", actor)
        for dom in self.domains:
            out.link(node, ECS.coversDomain, "domains", dom)
        out.text(node, DCTERMS.description, self.description)
        return []


LinkScheme = Literal["celex", "eli", "corporate-body", "country", "wikidata"]

# What an authority IRI of each scheme looks like (the loader refuses anything else, at the `iri` line).
LINK_PATTERNS: dict[str, str] = {
    "celex": r"^http://publications\.europa\.eu/resource/celex/[0-9CE][0-9]{4}[A-Z]{1,2}[0-9A-Z()_]+$",
    "eli": r"^http://data\.europa\.eu/eli/[a-z_]+/[0-9]{4}/[0-9]+/oj$",
    "corporate-body": r"^http://publications\.europa\.eu/resource/authority/corporate-body/[A-Z][A-Z0-9_]*$",
    "country": r"^http://publications\.europa\.eu/resource/authority/country/[A-Z]{3}$",
    "wikidata": r"^http://www\.wikidata\.org/entity/Q[1-9][0-9]*$",
}
LINK_EXAMPLES: dict[str, str] = {
    "celex": "http://publications.europa.eu/resource/celex/32021D0509",
    "eli": "http://data.europa.eu/eli/dec/2021/509/oj",
    "corporate-body": "http://publications.europa.eu/resource/authority/corporate-body/EEAS",
    "country": "http://publications.europa.eu/resource/authority/country/CAN",
    "wikidata": "http://www.wikidata.org/entity/Q16",
}
# The section a link's subject must come from, by scheme (`*`: any record).
LINK_SUBJECTS: dict[str, str] = {
    "celex": "instruments",
    "eli": "instruments",
    "corporate-body": "actors",
    "country": "actors",
    "wikidata": "*",
}


class AuthorityLinkRecord(Record):
    """A verified identifier of a record in an external authority, with the excerpts that show it.

    Curated in `authority_links` (`data/authority-links.yaml`); the loader also derives the CELEX and
    ELI links of every legal act from its `celex` field (`loaders.authority`). The id defaults to
    `<subject>-<scheme>`: one link per record and scheme."""

    section = "authority_links"
    kind = "link"

    subject: Slug
    scheme: LinkScheme
    iri: str

    @model_validator(mode="before")
    @classmethod
    def _default_id(cls, data: Any) -> Any:
        if isinstance(data, dict) and "id" not in data and isinstance(data.get("subject"), str):
            return {**data, "id": f"{data['subject']}-{data.get('scheme')}"}
        return data

    @field_validator("iri")
    @classmethod
    def _iri_fits_scheme(cls, iri: str, info: ValidationInfo) -> str:
        scheme = info.data.get("scheme")  # absent when the scheme itself is refused
        if scheme in LINK_PATTERNS and not re.fullmatch(LINK_PATTERNS[scheme], iri):
            raise ValueError(f"not a {scheme} IRI; write it like {LINK_EXAMPLES[scheme]}")
        return iri

    def references(self) -> list[tuple[str, str, str]]:
        return [*super().references(), ("subject", LINK_SUBJECTS[self.scheme], self.subject)]

    def to_rdf(self, out: RdfWriter, node: URIRef) -> list[Derived]:
        out.common(node, self)
        out.typed(node, ECS.AuthorityLink)
        subject = out.ref(out.ids[self.subject], self.subject)
        target = URIRef(self.iri)
        out.triple(node, ECS.linkSubject, subject)
        out.plain(node, ECS.authorityScheme, self.scheme)
        out.triple(node, ECS.linkTarget, target)
        out.triple(subject, SKOS.exactMatch, target)
        return []


_FIELDS_SETS: dict[frozenset[str], frozenset[str]] = {}


def share_fields_set(record: BaseRecord) -> BaseRecord:
    """Let `record` and its evidence share one frozen set of the names of their fields that were given
    (pydantic keeps a set per model, the largest part of a small one; the loader never assigns to a
    record, which would need it to grow). Returns `record`."""
    for model in (record, *getattr(record, "evidence", ())):
        given = frozenset(model.__pydantic_fields_set__)
        object.__setattr__(model, "__pydantic_fields_set__", _FIELDS_SETS.setdefault(given, given))
    return record


# The one registry of record types: a new section is one class above plus its entry here.
RECORD_TYPES: tuple[type[BaseRecord], ...] = (
    SourceRecord,
    ActorRecord,
    PostRecord,
    TenureRecord,
    InstrumentRecord,
    ParticipationRecord,
    MembershipRecord,
    EventRecord,
    AuthorityLinkRecord,
)
SECTION_MODELS: dict[str, type[BaseRecord]] = {t.section: t for t in RECORD_TYPES}
SECTIONS: tuple[str, ...] = tuple(SECTION_MODELS)
