"""An export streamed from the canonical RDF a load saved beside the graph (`loaders.rdf_cache`).

This is the export's fast road, kept free of the engine and of the property-graph mapping so that
`eucan export` can take it without starting the engine (`graph.snapshot.saved_token` says which
load the saved graph holds): the saved N-Triples go through pyoxigraph's parser into its
serializer, after the dataset's description, each subject followed by its `void:inDataset` link.

Turtle and N-Triples exports with the description copy the load's *body* (every triple of the data,
each subject followed by its `void:inDataset` link) when it is kept beside the saved RDF: `eucan load`
makes both while the engine writes the graph (`derive_bodies`, given to the loader), and the first
export of a load that has none keeps its own.

The counts VoID reports (triples, resources, classes, properties) come with the saved file, so the
triples are not counted one by one; the distinct objects and the span of the dates are counted
only when asked (`count_objects`), as the SPARQL service does when VoID or DCAT is first requested.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import shutil
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse, serialize

from eucan.linked.dataset_description import description_triples, in_dataset, is_description
from eucan.linked.formats import RDF_FORMATS, prefixes_for

__all__ = [
    "LOAD_MARKER",
    "ExportStats",
    "Output",
    "CACHED_FORMATS",
    "ExportBodies",
    "Saved",
    "body_suffix",
    "count_triples",
    "derive_bodies",
    "export_saved",
    "open_saved",
    "serialize_triples",
    "stats_of_dump",
]

LOAD_MARKER = "last-load"
"""The file `eucan load` writes in the data folder after each load (`sparql_service.mark_loaded`)."""
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"

Output = IO[bytes] | io.BufferedIOBase
"""Where an export goes: a binary file, a buffer, or a gzip stream."""


@dataclass
class ExportStats:
    """What an export wrote (the numbers VoID reports). `objects_counted` is False when the distinct
    objects and the dates were not counted (an export from the saved counts; `count_objects`)."""

    triples: int = 0
    entities: int = 0
    classes: Counter[str] = field(default_factory=Counter)
    properties: Counter[str] = field(default_factory=Counter)
    objects: set[int] = field(default_factory=set, repr=False)  # hashes of the distinct objects
    first_date: str | None = None  # the earliest and latest xsd:date in the data (temporal coverage)
    last_date: str | None = None
    objects_counted: bool = True

    def see_date(self, value: str) -> None:
        if self.first_date is None or value < self.first_date:
            self.first_date = value
        if self.last_date is None or value > self.last_date:
            self.last_date = value

    @property
    def distinct_objects(self) -> int:
        return len(self.objects)


def count_triples(triples: Iterable[Triple], stats: ExportStats) -> Iterator[Triple]:
    """The triples, counted into `stats` as the engine road counts them (what VoID and DCAT report)."""
    subjects: set[str] = set()
    for triple in triples:
        stats.triples += 1
        subjects.add(str(triple.subject))
        stats.properties[triple.predicate.value] += 1
        stats.objects.add(hash(triple.object))
        obj = triple.object
        if isinstance(obj, Literal) and obj.datatype.value == XSD_DATE:
            stats.see_date(obj.value)
        elif triple.predicate.value == RDF_TYPE and isinstance(obj, NamedNode):
            stats.classes[obj.value] += 1
        yield triple
    stats.entities = len(subjects)


def _saved_counts(counts: dict[str, Any]) -> ExportStats:
    return ExportStats(
        triples=int(counts["triples"]),
        entities=int(counts["entities"]),
        classes=Counter({str(k): int(v) for k, v in counts["classes"].items()}),
        properties=Counter({str(k): int(v) for k, v in counts["properties"].items()}),
        objects_counted=False,
    )


def serialize_triples(triples: Iterable[Triple], output: Output, fmt: str, *, expanded: bool = False) -> None:
    """Write triples in one of the RDF formats with the project's declared prefixes; JSON-LD compacted
    with the ontology's context, one node object per subject (`expanded`: full IRIs, streamed)."""
    spec = RDF_FORMATS[fmt]
    if spec.rdf_format == RdfFormat.JSON_LD:
        if not expanded:
            from eucan.linked.jsonld import compact_jsonld  # rdflib and the ontology: only for this format

            output.write(compact_jsonld(triples))
            return
        serialize(triples, cast(IO[bytes], output), spec.rdf_format)
        return
    serialize(triples, cast(IO[bytes], output), spec.rdf_format, prefixes=prefixes_for(spec.rdf_format))


@dataclass
class Saved:
    """A load's saved canonical RDF, opened (so a later load that replaces the file cannot change what
    is read), with its counts and its path (`<token>.nt`)."""

    source: BinaryIO
    counts: dict[str, Any]
    path: Path

    def close(self) -> None:
        self.source.close()

    def body_cache(self, fmt: str) -> Path:
        """Where this load's export body in `fmt` is kept (removed with the load's other files)."""
        return self.path.with_name(f"{self.path.stem}.{body_suffix(fmt)}")


def body_suffix(fmt: str) -> str:
    """The end of the name of a load's kept export body in `fmt` (after the load's token): the
    version is in it, since another version may write other bytes."""
    from eucan import __version__

    return f"export-{__version__}.{RDF_FORMATS[fmt].extension}"


def open_saved(folder: Path, token: str) -> Saved | None:
    """The saved canonical RDF of load `token` in `folder`, opened; None when the folder has no complete
    file for it."""
    from eucan.loaders.rdf_cache import cached

    found = cached(folder, token)
    if found is None:
        return None
    path, counts = found
    try:
        return Saved(path.open("rb"), counts, path)
    except OSError:
        return None


CACHED_FORMATS = ("ttl", "nt")
"""Formats whose export body is kept beside the saved RDF after the first export of a load: documents
that can follow the description as they are (Turtle may declare its prefixes again)."""


def _write_body(source: BinaryIO, output: Output, fmt: str) -> None:
    """The body of an export with the description: the saved triples, each subject followed by its
    `void:inDataset` link (lenient: the file was written by the loader from validated terms)."""
    serialize_triples(in_dataset(parse(source, format=RdfFormat.N_TRIPLES, lenient=True)), output, fmt)


BODY_CHUNK = 50_000
"""Triples serialized at a time by `derive_bodies` (cut between subjects)."""
_TURTLE_END = re.compile(rb" \.\n")
"""Where a subject's statements end in pyoxigraph's Turtle (its other lines end with `;` or `,`, and
a literal's newline is escaped)."""


def _without_prefixes(turtle: bytes) -> tuple[bytes, memoryview]:
    """A Turtle document split into its `@prefix` lines and the rest."""
    end = 0
    while turtle.startswith(b"@prefix ", end):
        end = turtle.index(b"\n", end) + 1
    return turtle[:end], memoryview(turtle)[end:]


@dataclass
class _Bodies:
    """One run of triples (whole subjects, in order) serialized as both bodies, with where each
    subject's block starts in each (None when it could not be told: the body is then not spliceable)."""

    subjects: list[bytes]
    turtle_head: bytes
    turtle: memoryview
    turtle_starts: list[int] | None
    lines: bytes
    lines_starts: list[int] | None


def _serialize_bodies(chunk: list[Triple], subjects: list[bytes]) -> _Bodies:
    """Serialize `chunk` (the triples of `subjects`, each subject's `void:inDataset` link first) as
    Turtle and as N-Triples, and find each subject's block in both."""
    fmt = RDF_FORMATS["ttl"].rdf_format
    head, rest = _without_prefixes(cast(bytes, serialize(chunk, None, fmt, prefixes=prefixes_for(fmt))))
    ends = [m.end() for m in _TURTLE_END.finditer(rest)]
    whole = len(ends) == len(subjects) and (not ends or ends[-1] == len(rest))
    turtle_starts = [0, *ends[:-1]][: len(ends)] if whole else None
    lines = cast(bytes, serialize(chunk, None, RDF_FORMATS["nt"].rdf_format))
    lines_starts = _line_starts(lines, subjects)
    return _Bodies(subjects, head, rest, turtle_starts, lines, lines_starts)


def _line_starts(lines: bytes, subjects: list[bytes]) -> list[int] | None:
    """Where each subject's first line starts in N-Triples whose lines come grouped by subject, in the
    order of `subjects` (a line starts after a newline; a literal's newline is escaped)."""
    if subjects and not lines.startswith(b"<" + subjects[0] + b"> "):
        return None
    starts = [0] if subjects else []
    for subject in itertools.islice(subjects, 1, None):
        found = lines.find(b"\n<" + subject + b"> ", starts[-1])
        if found < 0:
            return None
        starts.append(found + 1)
    return starts


def _runs(triples: Iterable[Triple]) -> Iterator[tuple[list[Triple], list[bytes]]]:
    """The triples with their `void:inDataset` links, in runs of about `BODY_CHUNK` cut between
    subjects, each with its subjects (IRIs as bytes)."""
    chunk: list[Triple] = []
    subjects: list[bytes] = []
    last: object = None
    for triple in in_dataset(triples):
        subject = triple.subject
        if subject != last:
            if len(chunk) >= BODY_CHUNK:
                yield chunk, subjects
                chunk, subjects = [], []
            last = subject
            subjects.append(cast(NamedNode, subject).value.encode("utf-8"))
        chunk.append(triple)
    if chunk:
        yield chunk, subjects


class ExportBodies:
    """The export bodies (`CACHED_FORMATS`) kept beside a load's saved RDF (`loaders.rdf_cache.Derive`):
    a full load makes them from the saved file, an incremental one splices them (their blocks are
    whole subjects, each a function of the subject's saved lines alone)."""

    def __call__(self, saved: Path) -> dict[str, tuple[Path, array[int] | None]]:
        """Write the export bodies of a complete saved N-Triples file beside it: suffix → (file, where
        each subject's block starts, then its size). A load's first export then copies its body instead
        of parsing the saved RDF (pyoxigraph's parse costs about twice its serializer).

        The file is parsed once: each run of `BODY_CHUNK` triples, cut between subjects, is serialized
        as N-Triples and as Turtle (whose prefixes are declared once, at the top), so the bodies are the
        documents `_write_body` writes, at about 60% of the cost of writing them one after the other."""
        ttl, nt = (saved.with_name(f"{saved.name}.{body_suffix(fmt)}") for fmt in ("ttl", "nt"))
        ttl_starts: array[int] | None = array("q")
        nt_starts: array[int] | None = array("q")
        try:
            with saved.open("rb") as source, ttl.open("wb") as ttl_out, nt.open("wb") as nt_out:
                first = True
                for chunk, subjects in _runs(parse(source, format=RdfFormat.N_TRIPLES, lenient=True)):
                    bodies = _serialize_bodies(chunk, subjects)
                    if first:
                        ttl_out.write(bodies.turtle_head)
                        first = False
                    ttl_starts = _shifted(ttl_starts, bodies.turtle_starts, ttl_out.tell())
                    nt_starts = _shifted(nt_starts, bodies.lines_starts, nt_out.tell())
                    ttl_out.write(bodies.turtle)
                    nt_out.write(bodies.lines)
                if ttl_starts is not None:
                    ttl_starts.append(ttl_out.tell())
                if nt_starts is not None:
                    nt_starts.append(nt_out.tell())
        except BaseException:
            for path in (ttl, nt):
                path.unlink(missing_ok=True)
            raise
        return {body_suffix("ttl"): (ttl, ttl_starts), body_suffix("nt"): (nt, nt_starts)}

    def blocks(self, changed: Mapping[str, str]) -> dict[str, dict[str, bytes]]:
        """suffix → subject → the block of each `changed` subject (subject → its saved N-Triples block)
        in each body."""
        ttl: dict[str, bytes] = {}
        nt: dict[str, bytes] = {}
        saved = "".join(changed[subject] for subject in sorted(changed)).encode("utf-8")
        for chunk, subjects in _runs(parse(saved, format=RdfFormat.N_TRIPLES, lenient=True)):
            bodies = _serialize_bodies(chunk, subjects)
            if bodies.turtle_starts is None or bodies.lines_starts is None:
                raise ValueError("the export bodies' blocks could not be told apart")
            for starts, data, out in (
                (bodies.turtle_starts, bodies.turtle, ttl),
                (bodies.lines_starts, memoryview(bodies.lines), nt),
            ):
                ends = [*starts[1:], len(data)]
                for subject, start, end in zip(subjects, starts, ends, strict=True):
                    out[subject.decode("utf-8")] = bytes(data[start:end])
        return {body_suffix("ttl"): ttl, body_suffix("nt"): nt}


def _shifted(into: array[int] | None, starts: list[int] | None, offset: int) -> array[int] | None:
    if into is None or starts is None:
        return None
    into.extend(start + offset for start in starts)
    return into


derive_bodies = ExportBodies()
"""What `eucan load` gives the loader (`loaders.rdf_cache.Derive`)."""


class _Tee:
    """A binary sink writing to the export's output and to the body cache being written."""

    def __init__(self, first: Output, second: BinaryIO) -> None:
        self.first, self.second = first, second

    def write(self, data: bytes) -> int:
        self.first.write(data)
        self.second.write(data)
        return len(data)

    def flush(self) -> None:
        self.first.flush()


def export_saved(
    saved: Saved,
    output: Output,
    fmt: str,
    *,
    describe: bool = True,
    modified: str | None = None,
    expanded: bool = False,
    count_objects: bool = False,
    keep_body: bool = True,
) -> ExportStats:
    """Write the saved canonical RDF (with its saved counts) as `fmt`; see `export`.

    Turtle and N-Triples with the description (the CLI's and the dumps' exports) write the description,
    then the body (every triple of the data, each subject followed by its `void:inDataset` link), copied
    as bytes from the one kept beside the saved RDF (made by `eucan load`, `derive_bodies`). A load with
    no kept body (an incremental load, or one by an older version) parses the saved RDF, and its first
    such export keeps the body (`keep_body`) for the next ones."""
    stats = ExportStats() if count_objects else _saved_counts(saved.counts)
    if describe and fmt in CACHED_FORMATS and not count_objects:
        serialize_triples(description_triples(modified=modified), output, fmt)
        body = saved.body_cache(fmt)
        try:
            cached_body = body.open("rb")
        except OSError:
            cached_body = None
        if cached_body is not None:
            with cached_body:
                shutil.copyfileobj(cached_body, cast(IO[bytes], output), 1 << 20)
            return stats
        part = body.with_name(f"{body.name}.{os.getpid()}.part")
        try:
            keep = part.open("wb") if keep_body else None
        except OSError:
            keep = None
        if keep is None:
            _write_body(saved.source, output, fmt)
            return stats
        try:
            with keep:
                _write_body(saved.source, _Tee(output, keep), fmt)  # type: ignore[arg-type]
            part.replace(body)  # fails if a newer load removed this load's files meanwhile: nothing kept
        except OSError:
            pass
        finally:
            part.unlink(missing_ok=True)
        return stats
    # lenient: the file was written by the loader from validated terms; skip re-checking every IRI
    triples: Iterable[Triple] = parse(saved.source, format=RdfFormat.N_TRIPLES, lenient=True)
    if count_objects:
        triples = count_triples(triples, stats)
    if describe:
        triples = itertools.chain(description_triples(modified=modified), in_dataset(triples))
    serialize_triples(triples, output, fmt, expanded=expanded)
    return stats


def stats_of_dump(path: Path) -> ExportStats:
    """Count an N-Triples export (the dataset's description left out), objects and dates included."""
    stats = ExportStats()
    with path.open("rb") as source:
        data = (
            t
            for t in parse(source, format=RdfFormat.N_TRIPLES, lenient=True)
            if not is_description(cast(Any, t.subject).value, t.predicate.value)
        )
        for _ in count_triples(data, stats):
            pass
    return stats
