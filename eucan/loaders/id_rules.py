"""One id scheme per kind of record, and the checks that keep ids, old ids and source URLs honest.

Each check is a small function over the parsed records returning `Problem`s (file:line, the id,
the expected pattern, how to fix); `pipeline.validate_sources` calls them one after another.
The schemes are documented in docs/data-format.md ("Ids"); `tools.rename_ids` renames ids that
break them and keeps the old ids as `alt_ids`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from eucan.echo import clip
from eucan.errors import Problem
from eucan.loaders.records import (
    ActorRecord,
    BaseRecord,
    EventRecord,
    InstrumentRecord,
    MembershipRecord,
    SourceRecord,
    TenureRecord,
)
from eucan.loaders.yaml_source import RawRecord

__all__ = [
    "ID_SCHEMES",
    "REPUBLISHER_HOSTS",
    "IdScheme",
    "check_alt_ids",
    "check_id_schemes",
    "check_republished_sources",
    "check_source_urls",
    "moved_ids",
]


@dataclass(frozen=True)
class IdScheme:
    pattern: str
    """A regular expression the whole id must match."""
    example: str
    rule: str
    """The scheme in words, for messages and docs."""


_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_DATE_TAIL = re.compile(r"-(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

ID_SCHEMES: dict[str, IdScheme] = {
    "source": IdScheme(f"^{_SLUG}$", "eeas-2025-06-23-sdp", "publisher, then date or topic"),
    "actor": IdScheme(f"^{_SLUG}$", "global-affairs-canada", "the English short name"),
    "person": IdScheme(
        r"^[a-z]+(?:-[a-z]+)*(?:-[a-z0-9]+)$",
        "kaja-kallas",
        "given name(s)-family name (a final number may tell namesakes apart)",
    ),
    "post": IdScheme(f"^{_SLUG}$", "canada-minister-foreign-affairs", "organisation, then the post"),
    "tenure": IdScheme(
        r"^tenure-[a-z0-9]+(?:-[a-z0-9]+)+$",
        "tenure-kallas-hrvp",
        "tenure-<family name>-<post>, without a date (a date in the id would contradict `start`)",
    ),
    "instrument": IdScheme(f"^{_SLUG}$", "eu-canada-spa", "the short name"),
    "legal-act": IdScheme(
        r"^la-(\d{4})-([1-9][0-9]*)-(cfsp|eu|ec|eec|euratom|jha)$",
        "la-2021-748-cfsp",
        "la-<year>-<number>-<series>, the act's number as in its title, e.g. Decision (CFSP) 2021/748 "
        "-> la-2021-748-cfsp, Regulation (EU) 2025/1106 -> la-2025-1106-eu; year and number match `celex`",
    ),
    "participation": IdScheme(
        r"^(part|sign|coord|chair|host|contrib|obs)-[a-z0-9]+(?:-[a-z0-9]+)+$",
        "part-canada-sdp-2025",
        "<part|sign|coord|chair|host|contrib|obs>-<actor>-<instrument>",
    ),
    "membership": IdScheme(
        r"^[a-z0-9-]+-membership-[a-z0-9-]+$",
        "nato-membership-canada",
        "<organisation>-membership-<member>, plus -<start day> for a second record of the same membership",
    ),
    "link": IdScheme(
        r"^[a-z0-9]+(?:-[a-z0-9]+)*-(?:celex|eli|corporate-body|country|wikidata)$",
        "eeas-corporate-body",
        "<subject>-<scheme>, the default when `id` is left out",
    ),
    "event": IdScheme(
        r"^[a-z0-9]+(?:-[a-z0-9]+)*-(?:1[89]|20)\d{2}(?:-[a-z0-9]+)*$",
        "summit-2025",
        "a short name with the event's year (and its month and day when known: jcc-2023-03-09)",
    ),
}


def scheme_of(model: BaseRecord) -> str:
    """The id scheme a record follows (kinds, with persons and legal acts apart)."""
    if isinstance(model, ActorRecord) and model.type == "Person":
        return "person"
    if isinstance(model, InstrumentRecord) and model.type == "LegalAct":
        return "legal-act"
    return model.kind


def _expected(model: BaseRecord) -> str | None:
    """A record-specific rule the id breaks (beyond its pattern), in words; None if it keeps them."""
    slug = model.id
    if isinstance(model, TenureRecord) and _DATE_TAIL.search(slug):
        return "a tenure id carries no date"
    if isinstance(model, InstrumentRecord) and model.type == "LegalAct" and model.celex:
        m = re.match(ID_SCHEMES["legal-act"].pattern, slug)
        c = re.match(r"^3(\d{4})[A-Z]{1,2}0*(\d+)", model.celex)
        if m and c and (m.group(1), m.group(2)) != (c.group(1), c.group(2)):
            return f"year and number of the id must be those of celex {model.celex} (la-{c.group(1)}-{c.group(2)}-...)"
    if isinstance(model, MembershipRecord):
        base = f"{model.organisation}-membership-{model.member}"
        start = model.start.iso if model.start else None
        if slug != base and not (start and slug == f"{base}-{start}"):
            return f"expected {base}" + (f" (or {base}-{start} beside another record)" if start else "")
    if isinstance(model, EventRecord):
        m = _DATE_TAIL.search(slug)
        stated = "-".join(part for part in (m.groups() if m else ()) if part)
        if stated and not model.date.iso.startswith(stated):
            return f"the date in the id ({stated}) is not the event's date {model.date.display}"
        if str(model.date.value.year) not in slug:
            return f"the id must carry the event's year {model.date.value.year}"
    return None


def check_id_schemes(records: Iterable[tuple[RawRecord, BaseRecord]]) -> list[Problem]:
    """Every id follows its kind's scheme (`ID_SCHEMES`); a lying id (a date other than the record's) is refused."""
    problems: list[Problem] = []
    for raw, model in records:
        name = scheme_of(model)
        scheme = ID_SCHEMES[name]
        why = None if re.match(scheme.pattern, model.id) else f"does not match {scheme.pattern}"
        why = why or _expected(model)
        if why:
            problems.append(
                Problem(
                    raw.file,
                    raw.line_of("id"),
                    f"{name} id {clip(model.id)}: {why}; the scheme is {scheme.rule} (e.g. {scheme.example}). "
                    "To fix a published id, add the old and new id to tools/id_renames.tsv and run "
                    "`python -m tools.rename_ids` (the old id stays as an alt_id and its IRI redirects)",
                )
            )
    return problems


def moved_ids(records: Iterable[tuple[RawRecord, BaseRecord]]) -> dict[str, str]:
    """Old id -> the id of the record that now carries it as an `alt_id`."""
    return {old: model.id for _, model in records for old in model.alt_ids}


def check_alt_ids(records: Iterable[tuple[RawRecord, BaseRecord]], ids: dict[str, str]) -> list[Problem]:
    """An old id names one record only, and is no live record's id."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for raw, model in records:
        for old in model.alt_ids:
            where = raw.line_of("alt_ids")
            if old in ids:
                problems.append(
                    Problem(raw.file, where, f"alt_ids: {clip(old)} is the id of a record; an old id must be free")
                )
            elif old in seen and seen[old] != model.id:
                problems.append(
                    Problem(raw.file, where, f"alt_ids: {clip(old)} is already an old id of {clip(seen[old])}")
                )
            seen[old] = model.id
    return problems


def check_source_urls(records: Iterable[tuple[RawRecord, BaseRecord]]) -> list[Problem]:
    """Two sources with the same URL are one document: merge them (same page, other versions: add a
    `#fragment` or query naming the version, and say so in `note`)."""
    first: dict[str, tuple[RawRecord, str]] = {}
    problems: list[Problem] = []
    for raw, model in records:
        if isinstance(model, SourceRecord):
            url = str(model.url)
            if url in first:
                prev, prev_id = first[url]
                problems.append(
                    Problem(
                        raw.file,
                        raw.line_of("url"),
                        f"source {clip(model.id)} has the same URL as {clip(prev_id)} ({prev.file}:{prev.line}); "
                        f"merge them: keep one and point the evidence at it (`python -m tools.rename_ids` "
                        f"with the line `{model.id}\t{prev_id}` in tools/id_renames.tsv)",
                    )
                )
            else:
                first[url] = (raw, model.id)
    return problems


REPUBLISHER_HOSTS: tuple[str, ...] = (
    "reliefweb.int",
    "newswire.ca",
    "einpresswire.com",
    "prnewswire.com",
    "globenewswire.com",
    "businesswire.com",
    "miragenews.com",
    "menafn.com",
    "parltrack.org",
    "eumonitor.eu",
    "paperzz.com",
    "docslib.org",
    "scribd.com",
    "vivelecanada.ca",
    "ieu-monitoring.com",
    "lexaris.eu",
    "sdu.nl",
    "wikipedia.org",
    "wikiwand.com",
    "4ort.xyz",
    "the-uncensored-wiki.com",
    "iiab.me",
)
"""Hosts that republish other bodies' texts: a source there is secondary (`primary: false`) whatever it copies."""


def _republisher(url: str) -> str | None:
    host = (urlsplit(url).hostname or "").lower()
    return next((h for h in REPUBLISHER_HOSTS if host == h or host.endswith("." + h)), None)


def check_republished_sources(records: Iterable[tuple[RawRecord, BaseRecord]]) -> list[Problem]:
    """The primary-flag rule: primary = published by the body that authored it; a copy on a
    republisher's site is secondary, with the official URL in `note` when known."""
    problems: list[Problem] = []
    for raw, model in records:
        if isinstance(model, SourceRecord) and model.primary:
            host = _republisher(str(model.url))
            if host:
                problems.append(
                    Problem(
                        raw.file,
                        raw.line_of("primary"),
                        f"source {clip(model.id)}: {host} republishes other bodies' texts, so the source is "
                        "secondary; write `primary: false` and give the official URL in `note` when known",
                    )
                )
    return problems
