"""The canonical RDF of a load, kept beside the graph it wrote, for fast exports.

A load that has written the graph saves the same canonical triples as N-Triples, grouped by
subject (subjects in sorted order, each subject's lines sorted: the file is a function of the
triples), in `<data folder>/rdf/<token>.nt`, with their counts (what VoID reports) in
`<token>.json`; `token` is the one of the `LoadInfo` the load wrote. An export of the graph whose
live `LoadInfo` has that token streams the file through pyoxigraph instead of reading the graph
back from the engine (the graph is the canonical RDF mapped to the property graph, and the round
trip is tested to be isomorphic). Files of other loads are removed when a new one is written.

`write_cache` returns where each subject's block starts (`CacheIndex`); an incremental load
`splice`s the blocks of the subjects it changed into a copy of the file (the rest is copied as
bytes) and patches the counts, instead of writing every triple again.

A full load may also make files *derived* from the saved N-Triples while the engine writes the graph
(`Derive`, given by a caller above this layer: `eucan load` keeps the export's bodies this way, so a
load's first export is a copy, `linked.saved_rdf.derive_bodies`). They are named after the load with
its saved RDF (`<token>.<suffix>`) and removed with it. Each is a header, then one block per subject
in the saved file's order; where each block starts is kept beside it (`<token>.<suffix>.starts`), so an
incremental load splices a derived file as it splices the saved one (the blocks of the changed
subjects made by `Derive.blocks`, the rest copied as bytes): the file is the one a full load would make.
"""

from __future__ import annotations

import bisect
import json
import os
import threading
from array import array
from collections.abc import Iterable, Mapping, MutableSequence, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from rdflib import RDF, URIRef

from eucan.loaders.triples import Triples

__all__ = [
    "RDF_CACHE_DIR",
    "STARTS",
    "CacheIndex",
    "Splice",
    "Derive",
    "block_of",
    "cached",
    "commit_files",
    "commit_splice",
    "discard",
    "keep_derived",
    "plan_splice",
    "prepare_cache",
    "splice",
    "write_cache",
]

RDF_CACHE_DIR = "rdf"
STARTS = ".starts"
"""The end of the name of the file that says where each subject's block starts in a derived file."""


class Derive(Protocol):
    """Makes files from the saved N-Triples (a caller above this layer gives it). Each file is a header,
    then one block per subject of the saved file, in its order, each block a function of the subject's
    saved lines alone: so `splice` can splice the file with the blocks `blocks` makes."""

    def __call__(self, saved: Path) -> Mapping[str, tuple[Path, Sequence[int] | None]]:
        """The files of a complete saved N-Triples file not yet named after its load, written beside it
        (named by no load; `commit_splice` renames them `<token>.<suffix>`): suffix → (the file, where
        each subject's block starts followed by the file's size, or None when that is not known)."""
        ...

    def blocks(self, changed: Mapping[str, str]) -> Mapping[str, Mapping[str, bytes]]:
        """suffix → subject → the block of each of the `changed` subjects (subject → its saved block)."""
        ...


_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_RDF_TYPE = f"<{RDF.type}>"
_TYPED_TEXTS = 200_000
"""At most this many typed literals' texts are remembered while a saved file is made (`prepare_cache`)."""


def _escaped(text: str) -> str:
    """`text` escaped for an N-Triples string (most texts have nothing to escape: `in` is cheaper than
    `translate`, which looks every character up)."""
    if "\\" in text or '"' in text or "\n" in text or "\r" in text:
        return text.translate(_ESCAPE)
    return text


def _object(term: Any) -> str:
    if type(term) is URIRef:
        return f"<{term}>"
    text = _escaped(str(term))
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype is not None:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


@dataclass
class CacheIndex:
    """Where each subject's block starts in a cache file (`starts` has one more entry: the file's size),
    and each subject's `rdf:type` IRIs."""

    subjects: list[str]
    starts: list[int]
    types: dict[str, tuple[str, ...]]

    def span(self, subject: str) -> tuple[int, int] | None:
        at = bisect.bisect_left(self.subjects, subject)
        if at < len(self.subjects) and self.subjects[at] == subject:
            return self.starts[at], self.starts[at + 1]
        return None

    def read(self, path: Path, subjects: Iterable[str]) -> dict[str, str]:
        """The blocks of `subjects` (those the file has) as text."""
        spans = {s: span for s in subjects if (span := self.span(s)) is not None}
        out: dict[str, str] = {}
        with path.open("rb") as handle:
            for subject, (start, end) in sorted(spans.items(), key=lambda item: item[1]):
                handle.seek(start)
                out[subject] = handle.read(end - start).decode("utf-8")
        return out


def block_of(subject: str, lines: Iterable[str]) -> str:
    """One subject's block: its lines (`<p> o .\\n`, subject left out) sorted, each with the subject."""
    head = f"<{subject}> "
    return "".join(head + line for line in sorted(lines))


def _types_of(block: str) -> tuple[str, ...]:
    found = []
    for line in block.splitlines():
        _, predicate, rest = line.split(" ", 2)
        if predicate == _RDF_TYPE and rest.startswith("<"):
            found.append(rest[1 : rest.index(">")])
    return tuple(found)


def _count(block: str, stats: dict[str, Any], sign: int) -> None:
    classes, properties = stats["classes"], stats["properties"]
    for line in block.splitlines():
        _, predicate, rest = line.split(" ", 2)
        key = predicate[1:-1]
        properties[key] = properties.get(key, 0) + sign
        if predicate == _RDF_TYPE and rest.startswith("<"):
            cls = rest[1 : rest.index(">")]
            classes[cls] = classes.get(cls, 0) + sign
        stats["triples"] += sign
    stats["entities"] += sign


def _finish(target: Path, token: str, part: Path, stats: dict[str, Any]) -> Path:
    stats["classes"] = {c: n for c, n in stats["classes"].items() if n}
    stats["properties"] = {p: n for p, n in stats["properties"].items() if n}
    (target / f"{token}.json").write_text(json.dumps(stats), encoding="utf-8")
    path = part.with_suffix("")  # <token>.nt: present only when complete
    part.replace(path)
    for old in target.iterdir():
        if old.name.split(".", 1)[0] != token:
            old.unlink(missing_ok=True)
    return path


def write_cache(folder: Path, token: str, triples: Iterable[tuple[Any, Any, Any]]) -> CacheIndex:
    """Write the triples of load `token` (IRIs and literals only) and their counts; remove older loads' files."""
    part, prepared = prepare_cache(folder, triples)
    return commit_splice(folder, token, part, prepared)


def prepare_cache(
    folder: Path, triples: Iterable[tuple[Any, Any, Any]], derive: Derive | None = None
) -> tuple[Path, Any]:
    """Write the triples into a file named by no load yet (a full load writes it while the engine
    writes the graph); `commit_splice` then gives it the load's token. Subject by subject from a
    `Triples` (the load's canonical RDF, as it holds it), so the lines are never all in memory at once.
    Then `derive`, if given, makes its files from the complete file (`discard` removes them all)."""
    grouped = (triples if isinstance(triples, Triples) else Triples(triples)).subjects
    for subject in grouped:
        if type(subject) is not str:
            raise ValueError(f"the canonical RDF has a blank node ({subject}); it cannot be cached")
    target = folder / RDF_CACHE_DIR
    target.mkdir(parents=True, exist_ok=True)
    properties: dict[str, int] = {}
    classes: dict[str, int] = {}
    typed: dict[str, tuple[str, ...]] = {}
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    rdf_type = str(RDF.type)
    count = 0
    part = target / f"full-{os.getpid()}-{threading.get_ident()}.nt.part"
    subjects = sorted(grouped)
    starts = [0] * (len(subjects) + 1)
    offset = 0
    # A typed literal (a date, a precision, a number) is mostly one object shared by many subjects
    # (`rdf_builder` builds each once): its text is made once, keyed by the object's id (the triples keep
    # every object alive meanwhile). Plain and language-tagged literals are mostly unique: made each time.
    typed_text: dict[int, str] = {}
    predicate_text: dict[str, str] = {}
    with part.open("wb", buffering=1 << 20) as handle:
        for i, subject in enumerate(subjects):
            head = f"<{subject}> "
            lines: list[str] = []
            for predicate, values in grouped[subject].items():
                text = predicate_text.get(predicate)
                if text is None:
                    text = predicate_text[predicate] = f"<{predicate}> "
                text = head + text
                properties[predicate] = properties.get(predicate, 0) + len(values)
                for o in values:
                    if type(o) is URIRef:
                        lines.append(f"{text}<{o}> .\n")
                        continue
                    found = typed_text.get(id(o))
                    if found is None:
                        found = f"{_object(o)} .\n"
                        if o.datatype is not None and len(typed_text) < _TYPED_TEXTS:
                            typed_text[id(o)] = found
                    lines.append(text + found)
                if predicate == rdf_type:
                    kinds = tuple(sorted(str(o) for o in values if type(o) is URIRef))
                    for cls in kinds:
                        classes[cls] = classes.get(cls, 0) + 1
                    if kinds:
                        typed[subject] = shared.setdefault(kinds, kinds)
            lines.sort()  # every line starts with the subject: the order of `block_of`
            data = "".join(lines).encode("utf-8")
            handle.write(data)
            starts[i] = offset
            offset += len(data)
            count += len(lines)
    typed_text.clear()
    starts[-1] = offset
    stats = {"triples": count, "entities": len(subjects), "classes": classes, "properties": properties}
    derived: dict[str, Path] = {}
    if derive is not None:
        try:
            for suffix, (path, where) in derive(part).items():
                derived[suffix] = path
                if where is not None and len(where) == len(subjects) + 1:
                    derived[suffix + STARTS] = _write_starts(path, where)
        except BaseException:
            discard(part, (None, None, derived))
            raise
    return part, (stats, CacheIndex(subjects, starts, typed), derived)


def keep_derived(folder: Path, token: str, derive: Derive) -> None:
    """Make `derive`'s files for load `token`, whose saved RDF is complete, as a full load of it would
    have (for a folder loaded without them, or before they were kept)."""
    found = cached(folder, token)
    if found is None:
        raise FileNotFoundError(f"{folder / RDF_CACHE_DIR} has no complete saved RDF of load {token!r}")
    saved, stats = found
    derived: dict[str, Path] = {}
    try:
        for suffix, (path, where) in derive(saved).items():
            derived[suffix] = path
            if where is not None and len(where) == int(stats["entities"]) + 1:
                derived[suffix + STARTS] = _write_starts(path, where)
        for suffix, path in derived.items():
            path.replace(saved.with_name(f"{token}.{suffix}"))
    finally:
        for path in derived.values():
            path.unlink(missing_ok=True)


def _write_starts(path: Path, where: Sequence[int]) -> Path:
    out = path.with_name(path.name + STARTS)
    with out.open("wb") as handle:
        (where if isinstance(where, array) else array("q", where)).tofile(handle)
    return out


def _read_starts(path: Path, count: int) -> array[int] | None:
    """The starts of a derived file's `count` blocks (and its size), or None if they are not all there."""
    where = array("q")
    try:
        with path.open("rb") as handle:
            where.frombytes(handle.read())
    except (OSError, ValueError):
        return None
    return where if len(where) == count + 1 else None


def discard(part: Path, prepared: Any) -> None:
    """Remove a prepared file and the files derived from it (the load did not switch graphs)."""
    part.unlink(missing_ok=True)
    for path in prepared[2].values():
        path.unlink(missing_ok=True)


def splice(
    folder: Path,
    old_token: str,
    index: CacheIndex,
    changes: Mapping[str, str | None],
    derive: Derive | None = None,
) -> tuple[Path, Any]:
    """Prepare the cache file of the next load from load `old_token`'s: the blocks of `changes`
    (subject → new block, or None to remove it) replace the old ones, everything else is copied as
    bytes. Returns the prepared file (`.nt.part`, given its token by `commit_splice`) and what
    `commit_splice` needs; the old file stays until then. With `derive`, the files derived from the old
    load's saved RDF whose starts were kept are spliced the same way (`Derive.blocks` makes the changed
    blocks); the others are not carried over. (`plan_splice`, then `Splice.copy`.)"""
    planned = plan_splice(folder, old_token, index, changes, derive)
    try:
        planned.copy()
    except BaseException:
        discard(planned.part, planned.prepared)
        raise
    return planned.part, planned.prepared


@dataclass
class Splice:
    """A splice worked out (`plan_splice`): the next load's index, counts and each file's pieces, known
    before a byte is copied. `copy` writes the files (the old bytes copied in the kernel: it can run in a
    thread while the engine writes the graph and the load state is saved); `commit_splice(folder, token,
    part, prepared)` then names them after the load."""

    part: Path
    prepared: Any
    jobs: list[tuple[Path, Path, list[tuple[int, int] | bytes], Sequence[int] | None]]
    """(old file, new file, pieces: (offset, count) of the old file or new bytes, starts to write beside it)"""

    def copy(self) -> None:
        for old, new, pieces, starts in self.jobs:
            _write_pieces(old, new, pieces)
            if starts is not None:
                _write_starts(new, starts)


def plan_splice(
    folder: Path,
    old_token: str,
    index: CacheIndex,
    changes: Mapping[str, str | None],
    derive: Derive | None = None,
) -> Splice:
    """`splice`, worked out without copying: the new index and counts, and what `Splice.copy` writes."""
    target = folder / RDF_CACHE_DIR
    old = target / f"{old_token}.nt"
    stats = json.loads((target / f"{old_token}.json").read_text(encoding="utf-8"))
    stats["entities"] = int(stats["entities"])
    before = index.read(old, changes)
    types = dict(index.types)
    blocks: dict[str, bytes | None] = {}
    for subject in changes:
        if subject in before:
            _count(before[subject], stats, -1)
            types.pop(subject, None)
        block = changes[subject]
        if block:
            blocks[subject] = block.encode("utf-8")
            _count(block, stats, 1)
            found = tuple(sorted(_types_of(block)))
            if found:
                types[subject] = found
        else:
            blocks[subject] = None
    part = target / f"next-{os.getpid()}.nt.part"
    new_subjects: list[str] = []
    new_starts: list[int] = []
    pieces = _splice_blocks(index.subjects, index.starts, blocks, new_starts, new_subjects)
    jobs: list[tuple[Path, Path, list[tuple[int, int] | bytes], Sequence[int] | None]] = [(old, part, pieces, None)]
    derived: dict[str, Path] = {}
    if derive is not None and new_subjects and index.subjects:
        _splice_derived(target, old_token, part, index, changes, derive, derived, jobs)
    return Splice(part, (stats, CacheIndex(new_subjects, new_starts, types), derived), jobs)


def _splice_derived(
    target: Path,
    old_token: str,
    part: Path,
    index: CacheIndex,
    changes: Mapping[str, str | None],
    derive: Derive,
    derived: dict[str, Path],
    jobs: list[tuple[Path, Path, list[tuple[int, int] | bytes], Sequence[int] | None]],
) -> None:
    """The splices of the derived files of load `old_token` that have their starts, into files beside
    `part` (recorded in `derived`, suffix → file, as `prepare_cache` records them), added to `jobs`."""
    kept = {}
    for found in target.glob(f"{old_token}.*{STARTS}"):
        suffix = found.name[len(old_token) + 1 : -len(STARTS)]
        where = _read_starts(found, len(index.subjects))
        if where is not None and (target / f"{old_token}.{suffix}").is_file():
            kept[suffix] = where
    if not kept:
        return
    made = derive.blocks({subject: block for subject, block in changes.items() if block})
    for suffix, where in kept.items():
        if suffix not in made:
            continue  # made by another version: not carried over
        new = made[suffix]
        blocks = {subject: (new[subject] if block else None) for subject, block in changes.items()}
        path = part.with_name(f"{part.name}.{suffix}")
        derived[suffix] = path
        derived[suffix + STARTS] = path.with_name(path.name + STARTS)
        new_where = array("q")
        pieces = _splice_blocks(index.subjects, where, blocks, new_where)
        jobs.append((target / f"{old_token}.{suffix}", path, pieces, new_where))


def _splice_blocks(
    subjects: list[str],
    starts: Sequence[int],
    blocks: Mapping[str, bytes | None],
    new_starts: MutableSequence[int],
    new_subjects: list[str] | None = None,
) -> list[tuple[int, int] | bytes]:
    """The pieces of a file (a header, then the blocks of `subjects`, starting at `starts`, which ends
    with the file's size) with the blocks of `blocks` (subject → new block, or None to remove it) in
    their place: (offset, count) ranges of the old file and new bytes, in order. `new_starts` (and
    `new_subjects`) get the new file's index."""
    cursor = 0  # position in the old index
    written = starts[0]  # bytes written so far: the header, then the blocks
    pieces: list[tuple[int, int] | bytes] = [(0, written)] if written else []

    def copy_until(stop: int) -> None:
        nonlocal cursor, written
        if stop <= cursor:
            return
        first, last = starts[cursor], starts[stop]
        pieces.append((first, last - first))
        shift = written - first
        if new_subjects is not None:
            new_subjects.extend(subjects[cursor:stop])
        new_starts.extend(s + shift for s in starts[cursor:stop])
        written += last - first
        cursor = stop

    for subject in sorted(blocks):
        at = bisect.bisect_left(subjects, subject)
        copy_until(at)
        if at < len(subjects) and subjects[at] == subject:
            cursor = at + 1
        data = blocks[subject]
        if data:
            pieces.append(data)
            if new_subjects is not None:
                new_subjects.append(subject)
            new_starts.append(written)
            written += len(data)
    copy_until(len(subjects))
    new_starts.append(written)
    return pieces


def _write_pieces(old: Path, part: Path, pieces: list[tuple[int, int] | bytes]) -> None:
    with old.open("rb", buffering=0) as source, part.open("wb", buffering=0) as handle:
        for piece in pieces:
            if isinstance(piece, bytes):
                _write_all(handle, piece)
            else:
                _copy_range(source, handle, *piece)


def _write_all(handle: Any, data: bytes) -> None:
    """Write all of `data` (an unbuffered file may take less than it is given)."""
    view = memoryview(data)
    while view:
        view = view[handle.write(view) :]


def _copy_range(source: Any, target: Any, offset: int, count: int) -> None:
    """Copy `count` bytes of `source` from `offset` to `target`'s position (in the kernel where it can)."""
    copy = getattr(os, "copy_file_range", None)
    while count > 0:
        done = 0
        if copy is not None:
            try:
                done = copy(source.fileno(), target.fileno(), min(count, 1 << 30), offset)
            except OSError:
                copy = None
        if not done:
            source.seek(offset)
            chunk = source.read(min(count, 1 << 24))
            if not chunk:
                raise OSError("the saved canonical RDF is shorter than its index")
            _write_all(target, chunk)
            done = len(chunk)
        offset += done
        count -= done


def commit_splice(folder: Path, token: str, part: Path, prepared: Any) -> CacheIndex:
    """Name the prepared file (and the files derived from it) after load `token` (the graph switch is
    done) and remove older files."""
    stats, index, derived = prepared
    commit_files(folder, token, part, stats, derived)
    assert isinstance(index, CacheIndex)
    return index


def commit_files(folder: Path, token: str, part: Path, stats: dict[str, Any], derived: Mapping[str, Path]) -> None:
    """`commit_splice` without the index (a load whose state, index included, another process saved)."""
    target = folder / RDF_CACHE_DIR
    for suffix, path in derived.items():
        path.replace(target / f"{token}.{suffix}")  # before the .nt: nothing reads them without it
    named = target / f"{token}.nt.part"
    part.replace(named)
    _finish(target, token, named, stats)


def cached(folder: Path, token: str) -> tuple[Path, dict[str, Any]] | None:
    """The N-Triples file and counts of load `token`, if this folder has them."""
    if not token:
        return None
    path = folder / RDF_CACHE_DIR / f"{token}.nt"
    try:
        stats = json.loads((folder / RDF_CACHE_DIR / f"{token}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return (path, stats) if path.is_file() else None
