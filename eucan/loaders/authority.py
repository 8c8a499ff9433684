"""Authority links: the curated ones checked, and the CELEX and ELI links of EU legal acts derived.

A legal act's CELEX number (its `celex` field) names it in the Publications Office's repository:
its CELEX IRI is `http://publications.europa.eu/resource/celex/<CELEX>`. Its European Legislation
Identifier (ELI) follows from the CELEX number and the form of the act, for the forms whose pattern
was checked against EUR-Lex pages (`ELI: http://data.europa.eu/eli/dec/2023/2135/oj` on the page of
CELEX 32023D2135): a Council decision `dec`, a regulation `reg`, a joint action `joint_action`, each
`/<year>/<number>/oj`. A derived link's evidence is the act's own evidence from EUR-Lex or the
Publications Office; an act without such evidence gets no derived link (its gap is in
docs/coverage.md). A curated link for the same act and scheme wins over the derived one, and must
agree with it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from eucan.errors import Problem
from eucan.loaders.records import (
    ActorRecord,
    AuthorityLinkRecord,
    BaseRecord,
    InstrumentRecord,
    LinkScheme,
    SourceRecord,
)
from eucan.loaders.yaml_source import RawRecord

__all__ = ["CELEX_BASE", "ELI_BASE", "OFFICIAL_HOSTS", "check_links", "derive_links", "derived_iris"]

CELEX_BASE = "http://publications.europa.eu/resource/celex/"
ELI_BASE = "http://data.europa.eu/eli/"
OFFICIAL_HOSTS = frozenset({"eur-lex.europa.eu", "data.europa.eu", "publications.europa.eu", "op.europa.eu"})
"""Where a legal act's own text and metadata are published: evidence from these supports its CELEX and ELI."""

_CELEX = re.compile(r"^3(?P<year>[0-9]{4})(?P<type>[A-Z])(?P<number>[0-9]{4})$")
# (CELEX type letter, words the act's name must contain, words it must not) -> ELI type of document.
_ELI_FORMS = (
    ("D", "decision", ("implementing", "delegated"), "dec"),
    ("R", "regulation", ("implementing", "delegated"), "reg"),
    ("E", "joint action", (), "joint_action"),
)


def derived_iris(act: InstrumentRecord) -> dict[LinkScheme, str]:
    """The CELEX IRI and, where the form of the act allows, the ELI of a legal act with a CELEX number."""
    if act.celex is None:
        return {}
    iris: dict[LinkScheme, str] = {"celex": CELEX_BASE + act.celex}
    found = _CELEX.match(act.celex)
    if found is not None:
        name = act.name.lower()
        for letter, must, must_not, typedoc in _ELI_FORMS:
            if found["type"] == letter and must in name and not any(word in name for word in must_not):
                iris["eli"] = f"{ELI_BASE}{typedoc}/{found['year']}/{int(found['number'])}/oj"
                break
    return iris


def derive_links(
    parsed: list[tuple[RawRecord, BaseRecord]], ids: dict[str, str]
) -> tuple[list[tuple[RawRecord, BaseRecord]], list[Problem]]:
    """The derived CELEX and ELI links of every legal act, and problems with curated links that
    contradict them or whose derived id is taken. `ids` gains the derived ids."""
    urls = {model.id: str(model.url) for _, model in parsed if isinstance(model, SourceRecord)}
    curated: dict[tuple[str, str], tuple[RawRecord, AuthorityLinkRecord]] = {
        (model.subject, model.scheme): (raw, model) for raw, model in parsed if isinstance(model, AuthorityLinkRecord)
    }
    derived: list[tuple[RawRecord, BaseRecord]] = []
    problems: list[Problem] = []
    for raw, act in parsed:
        if not isinstance(act, InstrumentRecord) or act.celex is None:
            continue
        evidence = [ev for ev in act.evidence if urlsplit(urls.get(ev.source, "")).hostname in OFFICIAL_HOSTS]
        line = raw.line_of("celex")
        for scheme, iri in derived_iris(act).items():
            mine = curated.get((act.id, scheme))
            if mine is not None:
                link_raw, link = mine
                if link.iri != iri:
                    problems.append(
                        Problem(
                            link_raw.file,
                            link_raw.line_of("iri"),
                            f"authority_link {link.id!r}: iri {link.iri} contradicts the {scheme} IRI {iri} that "
                            f"the celex {act.celex!r} of {act.id!r} ({raw.file}:{line}) gives; fix one of them",
                        )
                    )
                continue
            if not evidence:
                continue
            link_id = f"{act.id}-{scheme}"
            if link_id in ids:
                problems.append(
                    Problem(
                        raw.file,
                        line,
                        f"instrument {act.id!r}: its derived {scheme} link would have the id {link_id!r}, "
                        f"which another record ({ids[link_id]}) has; rename that record",
                    )
                )
                continue
            model = AuthorityLinkRecord(
                id=link_id,
                subject=act.id,
                scheme=scheme,
                iri=iri,
                evidence=evidence,
                note=f"Derived by the loader from the CELEX number {act.celex} of the act; "
                "the evidence is the act's own evidence from EUR-Lex or the Publications Office.",
            )
            ids[link_id] = AuthorityLinkRecord.section
            derived.append((RawRecord(AuthorityLinkRecord.section, {}, raw.file, line), model))
    return derived, problems


def check_links(parsed: list[tuple[RawRecord, BaseRecord]]) -> list[Problem]:
    """Curated links: one per record and scheme; a country link names a State; a link agrees with the
    actor's older `eu_authority` field."""
    actors = {model.id: (raw, model) for raw, model in parsed if isinstance(model, ActorRecord)}
    actor_types = {slug: model.type for slug, (_, model) in actors.items()}
    seen: dict[tuple[str, str], RawRecord] = {}
    problems: list[Problem] = []
    for raw, model in parsed:
        if not isinstance(model, AuthorityLinkRecord):
            continue
        key = (model.subject, model.scheme)
        if key in seen:
            first = seen[key]
            problems.append(
                Problem(
                    raw.file,
                    raw.line,
                    f"authority_link {model.id!r}: {model.subject!r} already has a {model.scheme} link "
                    f"({first.file}:{first.line}); keep one",
                )
            )
        seen.setdefault(key, raw)
        if model.subject in actors:  # the older `eu_authority` field must not say otherwise
            actor_raw, actor = actors[model.subject]
            field = actor.eu_authority
            if field and f"/authority/{model.scheme}/" in field and field != model.iri:
                problems.append(
                    Problem(
                        raw.file,
                        raw.line_of("iri"),
                        f"authority_link {model.id!r}: iri {model.iri} contradicts eu_authority {field} of "
                        f"{model.subject!r} ({actor_raw.file}:{actor_raw.line_of('eu_authority')}); fix one of them",
                    )
                )
        kind = actor_types.get(model.subject)
        if model.scheme == "country" and kind is not None and kind != "State":
            problems.append(
                Problem(
                    raw.file,
                    raw.line_of("subject"),
                    f"authority_link {model.id!r}: a country link names a State, but {model.subject!r} is a {kind}",
                )
            )
    return problems
