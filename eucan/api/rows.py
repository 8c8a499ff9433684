"""The row shapes of the internal `api_*` queries (`queries/internal/`), declared once.

Each query returns maps built in Cypher; these `TypedDict`s say which keys they hold and of what
type, so the services that turn rows into response models are type-checked key by key (a
misspelt key fails `mypy`), and a test runs every internal query on the curated data and
validates its rows against the shape declared here (`ROW_SHAPES`). A multi-valued text property
comes back as a list, a single one as a string (`TextValue`).
"""

from __future__ import annotations

from typing import Any

from typing_extensions import TypedDict  # pydantic validates these (in tests) only from typing_extensions on 3.10-3.11

__all__ = [
    "ROW_SHAPES",
    "ActorRow",
    "AuthorityLinkRow",
    "DatedRow",
    "DomainRow",
    "EventRow",
    "InstrumentRow",
    "NamedRow",
    "ParticipationRow",
    "RecordInfoRow",
    "RefRow",
    "SourceRow",
    "TextValue",
]

TextValue = str | list[str] | None


class SourceRow(TypedDict, total=False):
    url: str | None
    quote: TextValue
    lang: str | None
    retrieved: TextValue
    title: TextValue
    primary: bool | None


class RefRow(TypedDict, total=False):
    id: str
    name: str | None
    labels: list[str]
    record: str  # the node's own record id, where the query passes it on


class DatedRow(TypedDict, total=False):
    """A record with a period: its id, its own dates (first day, precision) and its derived bounds (earliest start, latest end)."""

    record: str
    startDate: str | None
    startDatePrecision: str | None
    startDateFirst: str | None
    endDate: str | None
    endDatePrecision: str | None
    endDateLast: str | None
    startDateFirstPrecision: str | None
    startDateBasis: str | None
    endDateBasis: str | None


class AuthorityLinkRow(TypedDict, total=False):
    record: str
    iri: str
    scheme: str


class RecordInfoRow(TypedDict, total=False):
    """`api_records`: the role, on-whose-behalf, subject and sources of one record."""

    id: str
    roles: list[str]
    onBehalfOf: list[RefRow]
    about: list[RefRow]
    sources: list[SourceRow]


class NamedRow(TypedDict, total=False):
    record: str
    id: str
    name: str | None
    name_fr: TextValue
    altNames: TextValue
    acronym: TextValue
    labels: list[str]
    uri: str | None
    description: TextValue
    note: TextValue
    uncertainty: TextValue
    sources: list[SourceRow]  # the list pages' own (api_*_by_ids, api_events_anchored): one round trip a page


class ParticipationRow(DatedRow, total=False):
    actor: RefRow
    instrument: RefRow
    contribution: TextValue
    personnel: int | None
    nationalOperation: TextValue
    uncertainty: TextValue


class MembershipRow(DatedRow, total=False):
    other: RefRow


class TenureRow(DatedRow, total=False):
    post: Any  # an id (posts of an organisation) or a post map with its organisation (a person's posts)
    holder: RefRow


class PostRow(TypedDict, total=False):
    record: str
    id: str
    name: str | None
    name_fr: TextValue


class ActorRow(NamedRow, total=False):
    exactMatch: list[str] | str | None
    authorityLinks: list[AuthorityLinkRow]
    partOf: list[RefRow]
    parts: list[RefRow]
    memberships: list[MembershipRow]
    members: list[MembershipRow]
    posts: list[PostRow]
    postTenures: list[TenureRow]
    tenures: list[TenureRow]
    participations: list[ParticipationRow]


class InstrumentRow(NamedRow, DatedRow, total=False):
    status: str | None
    url: str | None
    celex: TextValue
    authorityLinks: list[AuthorityLinkRow]
    signedDate: str | None
    signedDatePrecision: str | None
    adoptedDate: str | None
    adoptedDatePrecision: str | None
    publicationDate: str | None
    publicationDatePrecision: str | None
    altIds: list[str] | str | None
    entryIntoForceDate: str | None
    entryIntoForceDatePrecision: str | None
    provisionalApplicationDate: str | None
    provisionalApplicationDatePrecision: str | None
    place: TextValue
    domains: list[RefRow]
    participants: list[ParticipationRow]
    legalBasis: list[InstrumentRow]
    partOf: list[RefRow]
    parts: list[RefRow]
    locations: list[RefRow]
    events: list[Any]


class DomainRow(TypedDict, total=False):
    id: str
    name: str | None
    name_fr: TextValue
    altNames: TextValue
    notation: str | None
    uri: str | None
    instrumentCount: int
    sourcedBy: list[str]
    instruments: list[InstrumentRow]


class EventRow(NamedRow, total=False):
    date: str | None
    datePrecision: str | None
    place: TextValue
    instruments: list[RefRow]
    participants: list[RefRow]
    domains: list[RefRow]


class SourcedRefRow(RefRow, total=False):
    sources: list[SourceRow]


class CooperationRow(DatedRow, total=False):
    """A cooperation page query's row: roles and sources come with it (and with the instrument and partners)."""

    actor: RefRow
    instrument: SourcedRefRow
    contribution: TextValue
    personnel: int | None
    nationalOperation: TextValue
    uncertainty: TextValue
    roles: list[str]
    sources: list[SourceRow]
    domains: list[RefRow]
    partnerCount: int
    partners: list[Any]


class Paged(TypedDict):
    total: int
    item: Any


# Each internal API query: its columns and the shape of each (checked against real rows by a test).
ROW_SHAPES: dict[str, dict[str, Any]] = {
    "api_actor": {"actor": ActorRow},
    "api_actor_ids": {"ids": list[str]},
    "api_actors_by_ids": {"item": NamedRow, "token": str | None},
    "api_instrument": {"instrument": InstrumentRow},
    "api_instrument_ids": {"ids": list[str]},
    "api_instrument_ids_in_domain": {"ids": list[str]},
    "api_instruments_by_ids": {"item": InstrumentRow, "token": str | None},
    "api_domain": {"domain": DomainRow},
    "api_domains": {"total": int, "item": DomainRow},
    "api_event": {"event": EventRow},
    "api_events": {"total": int, "item": EventRow},
    "api_event_ids": {"ids": list[str]},
    "api_event_dates": {"pairs": list[list[str]]},
    "api_events_by_ids": {"item": EventRow, "token": str | None},
    "api_events_anchored": {"total": int, "item": EventRow},
    "api_cooperation": {"total": int, "item": CooperationRow},
    "api_cooperation_by_actor": {"total": int, "item": CooperationRow},
    "api_cooperation_by_partner": {"total": int, "item": CooperationRow},
    "api_cooperation_page": {"total": int, "item": CooperationRow},
    "api_cooperation_counts": {"counts": list[list[Any]]},
    "api_cooperation_counts_in_domain": {"counts": list[list[Any]]},
    "api_cooperation_periods": {"last": str, "actors": int, "periods": list[list[Any]]},
    "api_records": {
        "id": str,
        "roles": list[str],
        "onBehalfOf": list[RefRow],
        "about": list[RefRow],
        "sources": list[SourceRow],
    },
    "api_refs": {"ref": RefRow},
    "api_kind": {"labels": list[str]},
    "api_ids": {"ids": list[list[Any]]},
    "api_moved": {"old": str, "id": str, "uri": str},
}
