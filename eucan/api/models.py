"""Response models of the web API. Every fact carries `sources`: where it is stated, verbatim."""

from __future__ import annotations

from typing import Any, ClassVar, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "COOPERATION_PAGE",
    "LIST_ITEMS",
    "LIST_SOURCES",
    "ROW_PAGE",
    "ActorDetail",
    "ActorSummary",
    "CooperationRow",
    "DateBasis",
    "DomainDetail",
    "DomainRef",
    "DomainSummary",
    "EventDetail",
    "EventRef",
    "EventSummary",
    "ExactMatch",
    "InstrumentDetail",
    "InstrumentRef",
    "InstrumentSummary",
    "LegalActRef",
    "Membership",
    "Page",
    "Participant",
    "Participation",
    "Partner",
    "PartnerInRow",
    "PathAnswer",
    "PathStep",
    "Period",
    "Post",
    "Ref",
    "SearchHit",
    "SharedInstrument",
    "SideOfShare",
    "Snippet",
    "Source",
    "Tenure",
    "TimelineEntry",
    "ViaRecord",
]

T = TypeVar("T")

LIST_SOURCES = 5
"""A list answer shows at most this many sources of each item (and of each record nested in it): primary
sources first, then by URL and quote. `source_count` says how many there are; the item's own endpoint
(`/api/v1/actors/{id}`, `/instruments/{id}`, `/domains/{id}`, `/events/{id}`) or, for any record, its IRI
(`/id/{kind}/{record}`) gives them all. A detail answer shows every source."""
LIST_ITEMS = 50
"""A list answer shows at most this many of an item's other growing lists: a cooperation row's `partners`,
an event's `participants`, a partner's shared `instruments` (in their documented order); `partner_count`,
`participant_count` and `instrument_count` say how many there are (see each field for where to read all)."""

ROW_PAGE = 20
"""The default page size (`limit`) of the lists whose every item carries a growing list of its own: an actor's
partners (cooperation rows have a smaller one still, `COOPERATION_PAGE`) (each with up to `LIST_ITEMS` shared
instruments and both sides' sources). A page of 50 such items holds ~2,500 nested records and cost ~100 ms of
engine work at a million facts; the other lists default to 50. `limit` still goes up to 500."""

COOPERATION_PAGE = 10
"""The default page size (`limit`) of `/api/v1/cooperation`: a cooperation row carries ~10 partners (each with
its period, role and source count) and up to `LIST_SOURCES` sources of the row and of its instrument, so a page
costs ~1.3 ms of engine and ~1.3 ms of server CPU per row at a million facts (bench/api.py, 2026-12-02); at 20 rows
a page needed ~55 ms of CPU and 4 clients on 2 cores missed the p99 goal of 50 ms (issue 15). `limit` still goes
up to 500."""

_SOURCE_COUNT = "How many sources there are; a list answer shows at most 5 of them (LIST_SOURCES)."


class _Counted(BaseModel):
    """A model whose `*_count` fields default to the length of the list they count (a detail shows it whole)."""

    _COUNTS: ClassVar[tuple[tuple[str, str], ...]] = (("source_count", "sources"),)

    @model_validator(mode="before")
    @classmethod
    def _count_lists(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for count, listed in cls._COUNTS:
                if count in cls.model_fields and count not in data:
                    data = {**data, count: len(data.get(listed) or [])}
        return data


class Source(BaseModel):
    """One source excerpt: the document's URL and title, the verbatim quote, the day it was read."""

    url: str
    quote: str
    lang: str = Field(default="en", description="Language of the quote (quotes are copied verbatim).")
    retrieved: str | None = Field(default=None, description="Day the source was read (YYYY-MM-DD).")
    title: str | None = None
    primary: bool | None = Field(default=None, description="True for a primary source (official text or statement).")


class ExactMatch(BaseModel):
    """A verified identifier of the record in an external authority (skos:exactMatch), with the
    sources that show it."""

    iri: str = Field(
        description="The authority IRI, e.g. http://publications.europa.eu/resource/authority/country/CAN."
    )
    scheme: str = Field(description="celex, eli, corporate-body, country or wikidata.")
    record: str = Field(description="The id of the authority-link record (its IRI: /id/link/{record}).")
    sources: list[Source] = []


DateBasis = Literal["stated", "instrument", "legal-basis"]
"""Where a derived bound or a timeline entry's date comes from (`Period.start_basis`, `TimelineEntry.date_basis`):
the fact's own date, its instrument's, or the adoption of the legal act it rests on (`eucan.dates`)."""


class Period(BaseModel):
    """When a fact held. `start`/`end` are the fact's own dates as its sources state them: ISO days; a
    precision of `month` or `year` means only that much is known (the date is then the first day of the
    month or year). Both ends are inclusive; null = not stated. The as-of rule (eucan.dates) compares the
    derived bounds: a fact holds on day D when `start_first` <= D <= `end_last`, a missing bound being open.
    A participation that states no start or no end has its instrument's there (it cannot outlast its
    instrument): `start` null with `start_first` set, or `end` null with `end_last` set, shows a bound so
    taken. `undated` is true when the sources give the fact neither start nor end: it holds within its
    instrument's period (on every day when that is unknown too), and this flag says so."""

    start: str | None = None
    start_precision: str | None = None
    start_first: str | None = Field(
        default=None,
        description="Earliest day the fact can have held, derived at load time: `start`, or for a participation "
        "stating none its instrument's start, or the adoption of the most specific legal act it rests on when later.",
    )
    end: str | None = None
    end_precision: str | None = None
    end_last: str | None = Field(
        default=None,
        description="Latest day the fact can have held, derived at load time: the last day `end` can mean "
        "(2005 -> 2005-12-31), or for a participation stating no end its instrument's.",
    )
    start_basis: DateBasis | None = Field(
        default=None,
        description="A participation's: where `start_first` comes from, as the loader derived it: `stated` (its own "
        "start), `instrument` (its instrument's start) or `legal-basis` (the adoption of the most specific legal act "
        "it rests on, when later than its instrument's start); null for other facts and when no start is known.",
    )
    start_first_precision: str | None = Field(
        default=None,
        description="A participation's: the precision (day, month, year) of the date `start_first` was taken from, "
        "to show it as its source gives it (a start of 2004-12 is 2004-12-01).",
    )
    end_basis: DateBasis | None = Field(
        default=None,
        description="A participation's: where `end_last` comes from: `stated` (its own end) or `instrument` (its "
        "instrument's end: it cannot outlast its instrument); null for other facts and when no end is known.",
    )
    undated: bool = Field(default=False, description="True when the sources give the fact neither start nor end.")


class Ref(BaseModel):
    """A reference to an actor, an instrument or another named thing."""

    id: str
    name: str | None = None
    type: str | None = Field(default=None, description="Most specific class, e.g. State, PescoProject, CsdpMission.")


class DomainRef(BaseModel):
    id: str
    name: str | None = None


class InstrumentRef(Ref, _Counted):
    sources: list[Source] = []
    source_count: int = Field(default=0, description=_SOURCE_COUNT)


class Page(BaseModel, Generic[T]):
    """A page of a list: `count` is the number of items matching in all pages; `next` the URL of the next page."""

    data: list[T]
    count: int
    next: str | None = None
    limit: int
    offset: int


# -- actors ------------------------------------------------------------------------------------


class ActorSummary(Ref, _Counted):
    name_fr: str | None = None
    acronym: list[str] = []
    alt_names: list[str] = []
    sources: list[Source] = []
    source_count: int = Field(default=0, description=_SOURCE_COUNT)


class Membership(BaseModel):
    record: str = Field(description="Id of the membership record.")
    organisation: Ref | None = None
    member: Ref | None = None
    period: Period
    sources: list[Source]


class Tenure(BaseModel):
    record: str
    holder: Ref | None = None
    post: Ref | None = None
    organisation: Ref | None = None
    period: Period
    sources: list[Source]


class Post(BaseModel):
    id: str
    name: str | None = None
    name_fr: str | None = None
    sources: list[Source]
    tenures: list[Tenure] = []


class _ParticipationFacts(BaseModel):
    """What a participation states, seen from the actor's side or from the instrument's."""

    record: str
    role: str | None = None
    on_behalf_of: Ref | None = None
    period: Period
    contribution: str | None = None
    personnel: int | None = None
    national_operation: str | None = None
    uncertainty: str | None = None
    sources: list[Source]


class Participation(_ParticipationFacts):
    instrument: Ref


class ActorDetail(ActorSummary):
    uri: str | None = None
    description: str | None = None
    note: str | None = None
    uncertainty: str | None = None
    same_as: list[str] = Field(default=[], description="Every identifier elsewhere (skos:exactMatch), sourced or not.")
    exact_match: list[ExactMatch] = Field(
        default=[], description="Authority links (skos:exactMatch), each with the sources that show it."
    )
    part_of: list[Ref] = []
    parts: list[Ref] = []
    memberships: list[Membership] = Field(default=[], description="Organisations this actor is a member of.")
    members: list[Membership] = Field(default=[], description="Members of this actor (for organisations).")
    posts: list[Post] = Field(default=[], description="Posts in this actor and who held them.")
    tenures: list[Tenure] = Field(default=[], description="Posts this person held.")
    participations: list[Participation] = []


# -- instruments -------------------------------------------------------------------------------


class InstrumentSummary(Ref, _Counted):
    name_fr: str | None = None
    acronym: list[str] = []
    alt_names: list[str] = []
    status: str | None = None
    signed: str | None = None
    signed_precision: str | None = None
    adopted: str | None = Field(
        default=None, description="A legal act: the day it was adopted (the date in its title)."
    )
    adopted_precision: str | None = None
    published: str | None = Field(
        default=None, description="A legal act: the day it was published in the Official Journal."
    )
    published_precision: str | None = None
    entry_into_force: str | None = None
    entry_into_force_precision: str | None = None
    period: Period
    sources: list[Source] = []
    source_count: int = Field(default=0, description=_SOURCE_COUNT)


class Participant(_ParticipationFacts):
    actor: Ref


class LegalActRef(Ref):
    celex: str | None = None
    signed: str | None = None
    adopted: str | None = None
    sources: list[Source] = []


class EventRef(Ref):
    date: str | None = None
    date_precision: str | None = None
    place: str | None = None
    sources: list[Source] = []


class EventSummary(Ref, _Counted):
    """A dated occurrence: a summit, a dialogue meeting, a signature, an announcement, a negotiation, a meeting."""

    date: str | None = Field(
        default=None, description="YYYY-MM-DD (the first day when only the month or year is known)."
    )
    date_precision: str | None = Field(default=None, description="day, month or year.")
    place: str | None = None
    instrument: Ref | None = Field(default=None, description="The dialogue, agreement or project the event belongs to.")
    participants: list[Ref] = Field(default=[], description="Who took part, by id; a list answer shows at most 50.")
    participant_count: int = Field(default=0, description="How many took part (all of them: /api/v1/events/{id}).")
    sources: list[Source] = []
    source_count: int = Field(default=0, description=_SOURCE_COUNT)

    _COUNTS = (("source_count", "sources"), ("participant_count", "participants"))


class EventDetail(EventSummary):
    uri: str | None = None
    description: str | None = None
    note: str | None = None
    uncertainty: str | None = None
    domains: list[DomainRef] = []


class InstrumentDetail(InstrumentSummary):
    uri: str | None = None
    alt_ids: list[str] = Field(default=[], description="Former ids of the record; their URLs answer 301 to this one.")
    url: str | None = None
    description: str | None = None
    note: str | None = None
    uncertainty: str | None = None
    celex: str | None = None
    exact_match: list[ExactMatch] = Field(
        default=[],
        description="Authority links (CELEX and ELI IRIs of a legal act, skos:exactMatch), each with its sources.",
    )
    place: str | None = Field(default=None, description="Where it was signed (several places joined with '; ').")
    provisional_application: str | None = None
    provisional_application_precision: str | None = None
    domains: list[DomainRef] = []
    participants: list[Participant] = []
    legal_basis: list[LegalActRef] = []
    part_of: list[Ref] = []
    parts: list[Ref] = []
    locations: list[Ref] = []
    events: list[EventRef] = []


# -- domains -----------------------------------------------------------------------------------


class DomainSummary(_Counted):
    id: str
    name: str | None = None
    name_fr: str | None = None
    alt_names: list[str] = []
    notation: str | None = None
    uri: str | None = None
    instrument_count: int = 0
    sources: list[Source] = Field(default=[], description="Sources of the partnerships that list this area.")
    source_count: int = Field(default=0, description=_SOURCE_COUNT)


class DomainDetail(DomainSummary):
    instruments: list[InstrumentSummary] = Field(
        default=[],
        description="The first 50 instruments covering the domain, as the first page of "
        "/api/v1/instruments?domain={id} (by name, then id); `instrument_count` says how many there are, and "
        "that list pages through all of them.",
    )


# -- search, cooperation, partners, path, timeline ---------------------------------------------


class Snippet(BaseModel):
    """The passage around the match, cut at word boundaries ("…" where cut)."""

    field: str = Field(
        description="Where the words were found: name, alt_name, description, quote, source_title or id."
    )
    text: str
    lang: str | None = Field(default=None, description="Language of a quote.")
    source: str | None = Field(default=None, description="URL of the source a quote or title comes from.")


class SearchHit(Ref, _Counted):
    kind: str = Field(description="actor, instrument, domain, post, event, participation, membership, tenure or other.")
    name_fr: str | None = None
    date: str | None = Field(
        default=None,
        description="An event's date; an instrument's signature or start; a participation's, membership's or "
        "tenure's start (YYYY-MM-DD, the first day when only the month or year is known).",
    )
    date_precision: str | None = Field(default=None, description="day, month or year.")
    actor: Ref | None = Field(default=None, description="Who: the participant, member or holder of a fact.")
    about: Ref | None = Field(default=None, description="In what: the instrument, organisation or post of a fact.")
    score: float = Field(description="The engine's full-text relevance; hits come best first.")
    matched: list[str] = Field(description="The names that hold the words.")
    snippet: Snippet | None = None
    sources: list[Source] = []
    source_count: int = Field(default=0, description=_SOURCE_COUNT)


class PartnerInRow(Ref):
    """Another participant of a cooperation row's instrument: who, in what role, when, and how many sources its
    participation has (a list answer carries no partner's sources; they are the record's own,
    /id/participation/{record}, and each participant's in /api/v1/instruments/{id})."""

    record: str = Field(description="Id of the partner's participation record.")
    role: str | None = None
    period: Period
    source_count: int = Field(
        default=0,
        description="How many sources the partner's participation has (read them at /id/participation/{record}).",
    )


class CooperationRow(_Counted):
    """One participation of `actor` in `instrument`, with the other participants (`partners`)."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Who cooperates with whom, on what, when, on what source."}
    )

    record: str = Field(description="Id of the actor's participation record.")
    actor: Ref
    role: str | None = None
    instrument: InstrumentRef
    domains: list[DomainRef]
    period: Period
    contribution: str | None = None
    personnel: int | None = None
    national_operation: str | None = Field(
        default=None, description="The national operation of a contribution (e.g. Operation BOREAS)."
    )
    uncertainty: str | None = None
    partners: list[PartnerInRow] = Field(
        description="The other participants (by actor id, then record), at most 50; all of them: the instrument's "
        "participants, /api/v1/instruments/{id}."
    )
    partner_count: int = Field(default=0, description="How many other participants there are.")
    sources: list[Source]
    source_count: int = Field(default=0, description=_SOURCE_COUNT)

    _COUNTS = (("source_count", "sources"), ("partner_count", "partners"))


class SideOfShare(_Counted):
    record: str
    role: str | None = None
    period: Period
    sources: list[Source]
    source_count: int = Field(default=0, description=_SOURCE_COUNT)


class SharedInstrument(BaseModel):
    instrument: Ref
    actor: SideOfShare
    partner: SideOfShare


class Partner(_Counted):
    partner: Ref
    instruments: list[SharedInstrument] = Field(
        description="The instruments shared (by instrument id), at most 50; all of them: "
        "/api/v1/cooperation?actor={id}&partner={partner}."
    )
    instrument_count: int = Field(default=0, description="How many instruments the two share.")

    _COUNTS = (("instrument_count", "instruments"),)


class ViaRecord(BaseModel):
    record: str
    role: str | None = None
    period: Period
    sources: list[Source]


class PathStep(BaseModel):
    step: int
    left: Ref
    relation: str = Field(
        description="PARTICIPATES_IN, MEMBER_OF, SUB_ORGANISATION_OF, HOLDS (a person's tenure of a post), POST_IN, "
        "EVENT_PARTICIPANT or ABOUT_INSTRUMENT (as stored: left or right may be the subject)."
    )
    right: Ref
    via: list[ViaRecord] = Field(description="The records that make this step, with their sources.")


class PathAnswer(BaseModel):
    source: Ref
    target: Ref
    max_hops: int
    found: bool
    hops: int | None = None
    steps: list[PathStep]


class TimelineEntry(_Counted):
    date: str | None = Field(
        description="YYYY-MM-DD (the first day when only the month or year is known); null for an undated fact, "
        "listed after every dated entry (and only when neither from nor to is given)."
    )
    precision: str | None = None
    kind: str = Field(
        description="event, participation-start, participation-end, signature, entry-into-force, "
        "membership-start, membership-end, tenure-start, tenure-end; for a fact with neither start nor end "
        "(a participation: neither its own, nor its instrument's, nor its legal acts'): participation-undated, "
        "membership-undated, tenure-undated"
    )
    record: str
    type: str | None = None
    title: str | None = None
    instrument: Ref | None = None
    place: str | None = Field(default=None, description="Where an event took place.")
    date_basis: DateBasis | None = Field(
        default=None,
        description="Where `date` comes from: `stated` (the record's own date, as its sources give it), "
        "`instrument` (a participation that states no start or no end of its own: its instrument's start or end, "
        "since it cannot outlast its instrument) or `legal-basis` (a participation that states no start and rests "
        "on legal acts: the adoption of the most specific of them, when later than its instrument's start). "
        "The start of a participation is its `startDateFirst` and its end the one whose last day is its "
        "`endDateLast`: the bounds every as-of question (`as_of`) compares with, so the timeline and "
        "`/cooperation?as_of=` agree on since when and until when it held. Null for an undated entry.",
    )
    derived_from: Ref | None = Field(
        default=None,
        description="The instrument or legal act whose date `date` is (date_basis `instrument` or `legal-basis`); "
        "null for a stated date.",
    )
    sources: list[Source]
    source_count: int = Field(default=0, description=_SOURCE_COUNT)
