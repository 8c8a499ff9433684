"""Checks across records: duplicate ids, references that name nothing, SHACL shapes."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Literal

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from eucan.echo import clip
from eucan.errors import Problem
from eucan.loaders import shacl_core
from eucan.loaders.records import BaseRecord, TenureRecord
from eucan.loaders.yaml_source import RawRecord
from eucan.ontology import SHAPES_TTL

__all__ = ["check_ids", "check_references", "check_shacl", "check_successions"]

DOMAIN_IDS_SECTION = "domains"


def check_ids(records: Iterable[tuple[RawRecord, BaseRecord]]) -> tuple[dict[str, str], list[Problem]]:
    """Map every id to its section; report ids used twice (anywhere in data/)."""
    ids: dict[str, str] = {}
    first: dict[str, RawRecord] = {}
    problems: list[Problem] = []
    for raw, model in records:
        slug = model.id
        if slug in first:
            prev = first[slug]
            problems.append(
                Problem(
                    raw.file,
                    raw.line,
                    f"duplicate id {clip(slug)} (first defined at {prev.file}:{prev.line}); ids must be unique across data/",
                )
            )
            continue
        first[slug] = raw
        ids[slug] = raw.section
    return ids, problems


def _suggest(slug: str, candidates: Iterable[str]) -> str:
    close = difflib.get_close_matches(slug, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean {clip(close[0])}?)" if close else ""


def check_references(
    records: Iterable[tuple[RawRecord, BaseRecord]],
    ids: dict[str, str],
    domains: set[str],
    moved: dict[str, str] | None = None,
) -> list[Problem]:
    """Every id a record refers to must exist, in the right section; an old (renamed) id names the new one."""
    moved = moved or {}
    by_section: dict[str, set[str]] = {}
    for slug, section in ids.items():
        by_section.setdefault(section, set()).add(slug)
    by_section[DOMAIN_IDS_SECTION] = domains
    problems: list[Problem] = []
    for raw, model in records:
        for field, section, target in model.references():
            found = target in ids if section == "*" else target in by_section.get(section, ())
            if found and (target in ids or target not in moved):
                continue  # the common case, decided before asking for the field's line (which may read the file again)
            line = raw.line_of(field)
            if target in moved and target not in ids:
                new = moved[target]
                problems.append(
                    Problem(
                        raw.file,
                        line,
                        f"{field}: {clip(target)} was renamed to {clip(new)}; write {clip(new)} "
                        "(or run `python -m tools.rename_ids`, which rewrites every reference)",
                    )
                )
                continue
            if section == "*":
                if target not in ids:
                    problems.append(
                        Problem(raw.file, line, f"{field}: unknown record {clip(target)}{_suggest(target, ids)}")
                    )
                continue
            pool = by_section.get(section, set())
            if target in pool:
                continue
            kind = section.rstrip("s") if section != "domains" else "cooperation domain"
            if target in ids:
                problems.append(
                    Problem(raw.file, line, f"{field}: {clip(target)} is a {ids[target].rstrip('s')}, not a {kind}")
                )
            else:
                problems.append(
                    Problem(raw.file, line, f"{field}: unknown {kind} {clip(target)}{_suggest(target, pool)}")
                )
    return problems


def check_successions(records: Iterable[tuple[RawRecord, BaseRecord]]) -> list[Problem]:
    """Successive holders of one post must not overlap: by the as-of rule (`eucan.dates`) a tenure whose
    latest possible end falls on or after its successor's first day would give the post two holders on
    that day. Refused at the earlier tenure's `end` (or its record when it has none), unless the record
    states a `documented_overlap`. Tenures without a start cannot be ordered and are not checked."""
    by_post: dict[str, list[tuple[RawRecord, TenureRecord]]] = {}
    for raw, model in records:
        if isinstance(model, TenureRecord) and model.start is not None:
            by_post.setdefault(model.post, []).append((raw, model))
    problems: list[Problem] = []
    for post, tenures in sorted(by_post.items()):
        tenures.sort(key=lambda pair: (pair[1].start.value if pair[1].start else dt.date.min, pair[1].id))
        for (raw, earlier), (_, later) in zip(tenures, tenures[1:], strict=False):
            assert earlier.start is not None and later.start is not None
            if earlier.documented_overlap is not None:
                continue
            if earlier.end is None:
                message = (
                    f"tenure {earlier.id!r} has no end, but {later.id!r} holds post {post!r} from {later.start.display}; "
                    f"give {earlier.id!r} an end before {later.start.display}, or state why both held it in documented_overlap"
                )
                problems.append(Problem(raw.file, raw.line, message))
            elif earlier.end.last_day >= later.start.value:
                day_before = later.start.value - dt.timedelta(days=1)
                message = (
                    f"tenure {earlier.id!r} ends {earlier.end.display}, on or after its successor {later.id!r} "
                    f"took up post {post!r} ({later.start.display}); successive holders must not overlap: end it "
                    f"the day before ({day_before.isoformat()}), or state the sources' reason in documented_overlap"
                )
                problems.append(Problem(raw.file, raw.line_of("end"), message))
    return problems


ShaclEngine = Literal["auto", "core", "pyshacl"]


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return Graph().parse(SHAPES_TTL)


def check_shacl(
    data: Iterable[tuple[Any, Any, Any]], locations: dict[str, tuple[str, int]], *, engine: ShaclEngine = "auto"
) -> list[Problem]:
    """Validate against ontology/shapes.ttl; each violation is reported at its record's line.

    `data` is the canonical triples (a set, or an rdflib graph). `auto` runs the fast SHACL Core
    validator (`shacl_core`, same results as pyshacl on these shapes) over an index of the triples,
    and pyshacl if the shapes use a feature it does not implement; `pyshacl` forces pyshacl."""
    if engine != "pyshacl":
        try:
            compiled = shacl_core.compile_shapes(_shapes())
        except shacl_core.Unsupported:
            if engine == "core":
                raise
        else:
            results = shacl_core.validate(shacl_core.Index(data), compiled)
            return [_problem(r.focus, r.path, r.message, locations) for r in results]
    return _check_pyshacl(data, locations)


def _check_pyshacl(data: Iterable[tuple[Any, Any, Any]], locations: dict[str, tuple[str, int]]) -> list[Problem]:
    from pyshacl import validate

    if isinstance(data, Graph):
        graph = data
    else:
        graph = Graph()
        graph.addN((s, p, o, graph) for s, p, o in data)
    # The data already carries every superclass as a type (the builder materialises them), so
    # the ontology need not be mixed in, and with no inference the data can be read in place.
    conforms, report, _ = validate(
        graph, shacl_graph=_shapes(), inference="none", advanced=False, allow_warnings=False, inplace=True
    )
    if conforms:
        return []
    assert isinstance(report, Graph)
    return [
        _problem(
            report.value(result, SH.focusNode),
            report.value(result, SH.resultPath),
            report.value(result, SH.resultMessage),
            locations,
        )
        for result in report.subjects(predicate=SH.focusNode)
    ]


def _problem(focus: object, path: object, message: object, locations: dict[str, tuple[str, int]]) -> Problem:
    file, line = locations.get(str(focus), ("<generated>", 0))
    where = f" {_local(path)}" if isinstance(path, URIRef) else ""
    return Problem(file, line, f"SHACL: {_local(focus)}{where}: {message}")


def _local(node: object) -> str:
    text = str(node)
    for sep in ("#", "/id/"):
        if sep in text:
            return text.rsplit(sep, 1)[-1]
    return text
