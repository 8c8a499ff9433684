"""Pydantic models of curated records: one class per section of a data file."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from eucan.echo import clip
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, HttpUrl, model_validator

__all__ = [
    "ActorRecord",
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
        if self.precision == "day":
            return self.value
        if self.precision == "year":
            return dt.date(self.value.year, 12, 31)
        following = dt.date(self.value.year + (self.value.month == 12), self.value.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)


def _parse_date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    text = str(value).strip()
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


class Evidence(BaseModel):
    """A verbatim quote from a source that states the record's fact."""

    model_config = ConfigDict(extra="forbid")

    source: Slug
    quote: Annotated[Text, Field(max_length=600)]
    lang: Annotated[str, Field(pattern=r"^[a-z]{2,3}$")] = "en"


class Record(BaseModel):
    """Fields every record has."""

    model_config = ConfigDict(extra="forbid")

    id: Slug
    evidence: list[Evidence] = Field(min_length=1)
    note: Text | None = None
    uncertain: Text | None = None
    conflicts_with: list[Slug] = Field(default_factory=list)

    def references(self) -> list[tuple[str, str, str]]:
        """(field, section the id must come from, id) for every reference this record makes."""
        refs = [("evidence", "sources", e.source) for e in self.evidence]
        refs += [("conflicts_with", "*", other) for other in self.conflicts_with]
        return refs


class SourceRecord(BaseModel):
    """A document that states facts."""

    model_config = ConfigDict(extra="forbid")

    id: Slug
    url: HttpUrl
    title: Text
    publisher: Slug | None = None
    published: DateField | None = None
    retrieved: DateField
    primary: bool = True
    note: Text | None = None

    def references(self) -> list[tuple[str, str, str]]:
        return [("publisher", "actors", self.publisher)] if self.publisher else []


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


class ActorRecord(_Named):
    type: ActorType
    part_of: Slug | None = None
    wikidata: Annotated[str, Field(pattern=r"^Q[1-9][0-9]*$")] | None = None
    eu_authority: (
        Annotated[str, Field(pattern=r"^http://publications\.europa\.eu/resource/authority/[a-z-]+/[A-Z0-9_]+$")] | None
    ) = None

    def references(self) -> list[tuple[str, str, str]]:
        refs = super().references()
        return refs + ([("part_of", "actors", self.part_of)] if self.part_of else [])


class PostRecord(_Named):
    organisation: Slug

    def references(self) -> list[tuple[str, str, str]]:
        return [*super().references(), ("organisation", "actors", self.organisation)]


class _Period(Record):
    start: DateField | None = None
    end: DateField | None = None

    @model_validator(mode="after")
    def _end_not_before_start(self) -> _Period:
        if self.start and self.end and self.end.last_day < self.start.value:
            raise ValueError(f"end {self.end.iso} is before start {self.start.iso}; swap them or fix the typo")
        return self


class TenureRecord(_Period):
    person: Slug
    post: Slug

    def references(self) -> list[tuple[str, str, str]]:
        return [*super().references(), ("person", "actors", self.person), ("post", "posts", self.post)]


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
    "in-force", "active", "ended", "expired", "under-negotiation", "signed", "proposed", "superseded", "annulled"
]


class InstrumentRecord(_Named, _Period):
    type: InstrumentType
    signed: DateField | None = None
    signed_at: Text | None = None
    provisional_application: DateField | None = None
    entry_into_force: DateField | None = None
    status: Status | None = None
    part_of: Slug | None = None
    legal_basis: list[Slug] = Field(default_factory=list)
    domains: list[Slug] = Field(default_factory=list)
    location: list[Slug] = Field(default_factory=list)
    celex: Annotated[str, Field(pattern=r"^[0-9CE][0-9]{4}[A-Z]{1,2}[0-9A-Z()_]+$")] | None = None
    url: HttpUrl | None = None

    def references(self) -> list[tuple[str, str, str]]:
        refs = super().references()
        refs += [("part_of", "instruments", self.part_of)] if self.part_of else []
        refs += [("legal_basis", "instruments", x) for x in self.legal_basis]
        refs += [("domains", "domains", x) for x in self.domains]
        refs += [("location", "actors", x) for x in self.location]
        return refs


Role = Literal["party", "signatory", "participant", "coordinator", "contributor", "observer", "host", "chair"]


class ParticipationRecord(_Period):
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


class MembershipRecord(_Period):
    member: Slug
    organisation: Slug

    def references(self) -> list[tuple[str, str, str]]:
        return [*super().references(), ("member", "actors", self.member), ("organisation", "actors", self.organisation)]


EventType = Literal["Summit", "DialogueMeeting", "Signature", "Announcement", "Negotiation", "Meeting"]


class EventRecord(Record):
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


SECTION_MODELS: dict[str, type[BaseModel]] = {
    "sources": SourceRecord,
    "actors": ActorRecord,
    "posts": PostRecord,
    "tenures": TenureRecord,
    "instruments": InstrumentRecord,
    "participations": ParticipationRecord,
    "memberships": MembershipRecord,
    "events": EventRecord,
}
