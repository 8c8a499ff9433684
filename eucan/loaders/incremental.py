"""Incremental validation: after an edit, check and map only what the edit can affect.

A successful load keeps its state beside the graph (`load-state.bin` in the data folder, tied to the
load's token like the graph's `LoadInfo` and the saved canonical RDF): a digest of every file, and
for every record what the other records' checks and the graph need to know about it — its section,
file and position, IRI, the ids it refers to, its source excerpts and its shortcut relationships,
tenures' dates — plus the graph's node digests (`graph.loads.Manifest`) and where each subject's
triples sit in the saved canonical RDF (`rdf_cache.CacheIndex`).

The next load (`plan`) reads only the files whose bytes changed, and in them parses only the records
whose text changed (`record_chunks`; the whole file when it is not laid out so that each record's text
alone reads as it does in the file); of those, only the records whose content changed are validated
and mapped again. The state's records are decoded only where the reload needs them (`StoredRecords`), and
saving it writes again only the frames of records that changed. With the same checks as a full validation:

- models, duplicate ids (against every id), references (the changed records' against every id;
  records that referred to an id that went away or changed section), successions (every post a
  changed tenure is or was in), quote languages (the changed records);
- SHACL over the affected subjects — the changed records, the excerpts they cite or cited, and the
  records that refer to a node whose type changed — against the types of every node they refer to;
- property-graph rows and node digests for the affected nodes: those subjects, the actors whose
  shortcut relationships change, the records whose search text depends on a changed excerpt or
  source (the rows are computed with the excerpts and sources they read).

Any problem means `Fallback`: the caller runs the full validation, which words the report exactly
as it always does (a broken edit costs a full validation; a good one costs what it touched). So
does anything the state cannot vouch for (no state, another load's state, a changed vocabulary).
`tests/loaders/test_incremental_property.py` checks on random single edits, good and broken, that
the incremental result is the full one: same verdict, same canonical RDF, same node digests, and
the graph the changes produce is the graph a full load writes.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import marshal
import re
import sys
import tempfile
import weakref
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError
from rdflib import Graph, URIRef

from eucan import dates
from eucan.graph.loads import GraphChanges, Manifest, manifest_of
from eucan.loaders import shacl_core
from eucan.loaders.checks import _shapes, check_references, check_successions
from eucan.loaders.id_rules import check_id_schemes, check_republished_sources
from eucan.loaders.languages import check_languages, prefetch_model
from eucan.loaders.phase_timer import PhaseTimer
from eucan.loaders.rdf_builder import RdfWriter, section_iri
from eucan.loaders.rdf_cache import RDF_CACHE_DIR, CacheIndex, _object, block_of
from eucan.loaders.records import (
    SECTION_MODELS,
    ActorRecord,
    AuthorityLinkRecord,
    BaseRecord,
    InstrumentRecord,
    PartialDate,
    ParticipationRecord,
    Record,
    SourceRecord,
    TenureRecord,
)
from eucan.loaders.search_text import add_search_properties
from eucan.loaders.yaml_source import RawRecord, iter_files, read_file, read_text
from eucan.ontology.iris import excerpt_iri
from eucan.ontology.mapping import PropertyGraph, graph_to_property_graph

__all__ = [
    "STATE_FILE",
    "Fallback",
    "LoadState",
    "Plan",
    "RecordSpill",
    "Unscoped",
    "file_digest",
    "plan",
    "record_entry",
    "save_state",
]

STATE_FILE = "load-state.bin"
STATE_VERSION = 7  # 7: participations say where their derived bounds come from (the saved RDF); 6: record frames read when asked for (signatures), derived relationships apart; 5: records in frames of `RECORD_PART`, their number in the head; 4: node digests of marshal's bytes

# One record, as the state keeps it (marshal-able tuples and strings):
# (section, file, position, uri, fingerprint, refs, excerpts, derived)
#   refs: ((section or "*", id), ...); excerpts: ((excerpt IRI, source id, quote, lang), ...);
#   derived: ((type, from IRI, to IRI), ...)
Entry = tuple[Any, ...]
SECTION, FILE, POSITION, URI, FINGERPRINT, REFS, EXCERPTS, DERIVED = range(8)


class Fallback(Exception):  # noqa: N818 - a signal, not an error: "do the full validation"
    """The incremental path cannot vouch for the result: validate and load in full."""


class Unscoped(Fallback):
    """A change this path hands to the full validation by design (whatever its verdict): sources,
    actors, instruments, authority links, former ids, new ids."""


def file_digest(path: Path) -> str:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return ""


def file_digests(path: Path) -> tuple[str, tuple[str, ...] | None]:
    """The digest of a file's bytes, and of each record's text in it (`record_chunks`; None when the file's
    layout is not one it splits)."""
    try:
        data = path.read_bytes()
    except OSError:
        return "", None
    chunks = record_chunks(data)
    return hashlib.blake2b(data, digest_size=16).hexdigest(), _chunk_digests(data, chunks) if chunks else None


_TOP_LINE = re.compile(rb"\n([^ \r\n][^\r\n]*)")  # after a newline (the regex engine looks for it fast)
_SECTION_KEY = re.compile(rb"([A-Za-z_][A-Za-z0-9_-]*):[ \t]*(?:#[^\r\n]*)?\r?")
_ITEM = re.compile(rb"( *)-(?: [^\r\n]*)?\r?")
_CONTENT_LINE = re.compile(rb"^[ \t]*[^ \t\r\n]", re.MULTILINE)
_SHALLOW: dict[int, re.Pattern[bytes]] = {}
_ANCHOR = re.compile(rb"[\n \t\[{,:]&[^ \t\r\n]")
"""Where an anchor could be (`&name` after a space, a line's start or a flow indicator); an `&` inside a
word (a URL's query) is none. Text that only looks like one (`"R &D"`) just turns the splitting off."""


def record_chunks(data: bytes) -> list[tuple[str, int, int, int]] | None:
    """Where each record of a YAML file is written: (section, start, end, line) of the text of each item
    of each section's block sequence, in order; None unless the file is laid out so that each record's
    text alone parses as it does in the file. That is: no anchors (`&name`: an alias in one record
    could name another's), at column 0 only comments and section keys (`name:`, once each, nothing after the
    colon) and, under a key, the items of one block sequence, each starting `- ` at the same column,
    with nothing else at or left of that column. A record's text then ends where the next one starts:
    an item whose text would run on (an unclosed quote or bracket) does not parse alone, and an item
    boundary inside such a run makes more pieces than the file has records (which the caller checks)."""
    lined = b"\n" + data  # offsets in `lined` are one more than in `data`
    if b"&" in data and _ANCHOR.search(lined):
        return None
    keys: list[tuple[str, int, int]] = []  # section, start of its key's line, start of its body
    zero_items: list[int] = []
    for found in _TOP_LINE.finditer(lined):
        line = found.group(1)
        if line.startswith(b"#"):
            continue
        if line.startswith(b"-"):
            if not _ITEM.fullmatch(line):
                return None
            zero_items.append(found.start())  # the line's start in `data`
            continue
        key = _SECTION_KEY.fullmatch(line)
        if key is None or any(name == key.group(1).decode() for name, _, _ in keys):
            return None
        keys.append((key.group(1).decode(), found.start(), found.end() - 1))
    if not keys or _has_content(data, 0, keys[0][1]):
        return None
    out: list[tuple[str, int, int, int]] = []
    next_zero, at_line, counted = 0, 1, 0
    for number, (name, _, body) in enumerate(keys):
        end = keys[number + 1][1] if number + 1 < len(keys) else len(data)
        starts: list[int] = []
        while next_zero < len(zero_items) and zero_items[next_zero] < end:
            starts.append(zero_items[next_zero])
            next_zero += 1
        if starts:
            if _has_content(data, body, starts[0]):
                return None
        else:
            first = _first_content(data, body, end)
            if first < 0:
                continue  # an empty section
            stop = data.find(b"\n", first, end)
            item = _ITEM.fullmatch(data, first, end if stop < 0 else stop)
            if item is None or not item.group(1):
                return None
            column = len(item.group(1))
            pattern = _SHALLOW.get(column)
            if pattern is None:
                pattern = _SHALLOW[column] = re.compile(rb"\n( {0,%d}[^ \r\n][^\r\n]*)" % column)
            for shallow in pattern.finditer(lined, body + 1, end + 1):
                text = shallow.group(1)
                stripped = text.lstrip(b" ")
                if stripped.startswith(b"#"):
                    continue
                if len(text) - len(stripped) != column or not _ITEM.fullmatch(text):
                    return None
                starts.append(shallow.start())
        for start, stop in zip(starts, [*starts[1:], end], strict=True):
            at_line += data.count(b"\n", counted, start)
            counted = start
            out.append((name, start, stop, at_line))
    return out


def _first_content(data: bytes, start: int, end: int) -> int:
    """Where the first line of `data[start:end]` other than blank ones and comments starts (-1: none)."""
    at = start
    while at < end:
        found = _CONTENT_LINE.search(data, at, end)
        if found is None:
            return -1
        if data[found.end() - 1 : found.end()] != b"#":
            return found.start()
        newline = data.find(b"\n", found.end(), end)
        at = end if newline < 0 else newline + 1
    return -1


def _has_content(data: bytes, start: int, end: int) -> bool:
    """Whether `data[start:end]` has a line other than blank ones and comments."""
    return _first_content(data, start, end) >= 0


def _chunk_digests(data: bytes, chunks: list[tuple[str, int, int, int]]) -> tuple[str, ...]:
    blake = hashlib.blake2b
    return tuple(
        blake(b"%s\0%s" % (section.encode(), data[start:end]), digest_size=12).hexdigest()
        for section, start, end, _ in chunks
    )


def fingerprint(raw: RawRecord) -> str:
    return hashlib.blake2b(repr((raw.section, raw.data)).encode(), digest_size=12).hexdigest()


def record_entry(
    raw: RawRecord, model: BaseRecord, position: int, derived: Iterable[Any], content: str | None = None
) -> Entry:
    """The state's entry of a record; `content` is its `fingerprint` when its data was released."""
    refs = tuple((section, target) for _, section, target in model.references())
    excerpts = (
        tuple(
            (sys.intern(str(excerpt_iri(ev.source, ev.quote))), ev.source, ev.quote, ev.lang) for ev in model.evidence
        )
        if isinstance(model, Record)
        else ()
    )
    uri = sys.intern(str(section_iri(raw.section, model.id)))  # the canonical RDF's own subject string
    print_ = content if content is not None else fingerprint(raw)
    return (raw.section, raw.file, position, uri, print_, refs, excerpts, tuple(tuple(d) for d in derived))


def tenure_entry(raw: RawRecord, model: TenureRecord) -> tuple[Any, ...]:
    def date(value: PartialDate | None) -> tuple[str, str] | None:
        return (value.iso, value.precision) if value is not None else None

    return (model.id, model.post, date(model.start), date(model.end), model.documented_overlap, raw.file, raw.line)


def _tenure(entry: tuple[Any, ...]) -> tuple[RawRecord, TenureRecord]:
    ident, post, start, end, overlap, file, line = entry

    def date(value: tuple[str, str] | None) -> PartialDate | None:
        import datetime as dt

        return PartialDate(value=dt.date.fromisoformat(value[0]), precision=value[1]) if value else None  # type: ignore[arg-type]

    model = TenureRecord.model_construct(
        id=ident, post=post, start=date(start), end=date(end), documented_overlap=overlap
    )
    return RawRecord("tenures", {}, file, line), model


@dataclass
class LoadState:
    """What the load with `token` validated and wrote (see the module's docstring)."""

    token: str
    files: dict[str, tuple[str, list[str], tuple[str, ...] | None]]
    """file label → (digest of its bytes, ids of its records in order, digest of each record's text in
    order (`record_chunks`) or None)"""
    records: dict[str, Entry]
    tenures: dict[str, tuple[Any, ...]]
    manifest: Manifest
    index: CacheIndex
    vocabulary: str = ""
    """Digest of the shapes, ontology and SKOS schemes the state was validated against."""
    derived: int = 0
    """Records the full validation derived from others (authority links of legal acts): counted, not kept."""
    spilled: RecordSpill | None = field(default=None, compare=False, repr=False)
    """Records a full validation already wrote out as frames (before those in `records`): `unpack`
    brings them back."""
    stored: StoredRecords | None = field(default=None, compare=False, repr=False)
    """The records of a state read back (`load`), decoded a frame at a time when asked for; `records`
    is then empty."""

    @property
    def record_count(self) -> int:
        """Records the load holds, as a full load counts them (derived ones included)."""
        if self.stored is not None:
            return len(self.stored) + self.derived
        return len(self.records) + (self.spilled.count if self.spilled else 0) + self.derived

    def unpack(self) -> None:
        """Read the spilled (or stored) records back into `records` (in their order, before the others)."""
        if self.stored is not None:
            self.records, self.stored = dict(self.stored.items()), None
        if self.spilled is not None:
            records: dict[str, Entry] = {}
            for frame in self.spilled.frames():
                records.update(marshal.loads(frame))
            records.update(self.records)
            self.records, self.spilled = records, None

    def iter_records(self) -> Iterator[tuple[str, Entry]]:
        """Every record's (id, entry), the spilled or stored ones read back one frame at a time."""
        if self.stored is not None:
            yield from self.stored.items()
        if self.spilled is not None:
            for frame in self.spilled.frames():
                yield from marshal.loads(frame).items()
        yield from self.records.items()

    def dump(self) -> bytes:
        return b"".join(self.frames())

    def frames(self) -> Iterator[bytes]:
        """The state as frames (an 8-byte length, then a marshal object), made one at a time.

        One marshal object for a million facts built ~1 GB of bytes and of marshal's shared-object
        table at the end of the load; frames of at most `STATE_PART` items keep that to one frame's
        worth. What one object shared, the frames still share: the subjects' IRIs are written once (the
        index's sorted list), and the node digests, relationship counts and types are written as values
        in that list's order; the other strings that repeat (record ids, sections, references) are
        interned, and marshal interns them again as it reads, so equal ones are one object again."""
        m, subjects = self.manifest, self.index.subjects
        head = (STATE_VERSION, self.token, self.vocabulary, self.files, self.tenures, m.relationships, m.hash_sum)
        if self.stored is not None:
            bodies, signatures, buckets = self.stored.encoded()
            count, frames = len(self.stored), len(bodies)
        else:
            count = len(self.records) + (self.spilled.count if self.spilled else 0)
            frames = (len(self.spilled.sizes) if self.spilled else 0) + -(-len(self.records) // RECORD_PART)
        yield from _frame((*head, self.derived, len(subjects), count, frames, len(buckets) if self.stored else frames))
        yield from _list_frames(subjects)
        yield from _list_frames(self.index.starts)
        extras = []
        for mapping in (m.digests, m.links, self.index.types):
            in_order = len(mapping) == len(subjects) and list(mapping) == subjects  # e.g. the index's types
            values = list(mapping.values()) if in_order else list(map(mapping.get, subjects))
            yield from _list_frames(values)
            if len(values) - values.count(None) != len(mapping):  # keys that are not subjects (none, so far)
                known = set(subjects)
                extras.append({key: value for key, value in mapping.items() if key not in known})
            else:
                extras.append({})
            del values
        if self.stored is not None:
            for body in bodies:
                yield len(body).to_bytes(8, "little")
                yield body
            yield from _frame(signatures)
            for body in buckets:
                yield len(body).to_bytes(8, "little")
                yield body
        else:
            yield from self._built_frames(frames)
        yield from _frame(extras)

    def _built_frames(self, frames: int) -> Iterator[bytes]:
        """The record frames of a full validation's state, their signatures and its derived buckets."""
        signatures: list[bytes] = []
        derived: dict[str, dict[tuple[str, str], int]] = {}
        if self.spilled is not None:  # whole frames of RECORD_PART records: the rest follow as before
            for body in self.spilled.frames():
                yield len(body).to_bytes(8, "little")
                yield body
            signatures.extend(self.spilled.signatures)
            derived = {start: dict(counts) for start, counts in self.spilled.derived.items()}
        items = list(self.records.items())
        for start in range(0, len(items), RECORD_PART):
            part = dict(items[start : start + RECORD_PART])
            yield from _frame(part)
            signatures.append(_signature(part))
            for entry in part.values():
                _add_derived(derived, entry)
        del items
        yield from _frame(signatures)
        buckets: list[dict[str, dict[tuple[str, str], int]]] = [{} for _ in range(frames)]
        for origin, counts in derived.items():
            buckets[_bucket_of(origin, frames)][origin] = counts
        for bucket in buckets:
            yield from _frame(bucket)

    @classmethod
    def load(cls, data: bytes) -> LoadState:
        bodies = _read_bodies(memoryview(data))
        frames = (marshal.loads(body) for body in bodies)  # noqa: S302 - our own file
        head = next(frames)
        if not isinstance(head, tuple) or not head or head[0] != STATE_VERSION:
            found = head[0] if isinstance(head, tuple) and head else "?"
            raise ValueError(f"the saved load state is of another version ({found}; this code reads {STATE_VERSION})")
        _, token, vocabulary, files, tenures, relationships, hash_sum, derived, size, count, parts, buckets = head
        subjects = _read_list(frames, size)
        starts = _read_list(frames, size + 1)
        keyed = []
        for _ in range(3):
            values = _read_list(frames, size)
            keyed.append(
                dict(zip(subjects, values, strict=True))
                if None not in values
                else {key: value for key, value in zip(subjects, values, strict=True) if value is not None}
            )
            del values
        record_bodies = [next(bodies) for _ in range(parts)]
        signatures = next(frames)
        if len(signatures) != parts or not isinstance(buckets, int) or (parts and buckets < 1):
            raise ValueError("the load state's records disagree")
        stored = StoredRecords(record_bodies, signatures, [next(bodies) for _ in range(buckets)], count)
        for mapping, extra in zip(keyed, next(frames), strict=True):
            mapping.update(extra)
        digests, links, types = keyed
        manifest = Manifest(digests=digests, relationships=relationships, token=token, links=links, hash_sum=hash_sum)
        index = CacheIndex(subjects, starts, types)
        return cls(token, files, {}, tenures, manifest, index, vocabulary, derived, stored=stored)


STATE_PART = 100_000
"""Items per frame of the saved load state's lists (`LoadState.frames`)."""
RECORD_PART = 2000
"""Records per frame of the saved load state: an incremental load writes again only the frames of the
records it changed (`StoredRecords.encoded`)."""


_ID_KEY, _URI_KEY, _EXCERPT_KEY = 0x1D1D, 0x5252, 0xE7E7
"""crc32 start values: a record frame's signature tells its ids, IRIs and cited excerpts' IRIs apart."""


def _signature(part: dict[str, Entry]) -> bytes:
    """The crc32 of each key a frame of records answers to (`StoredRecords`), sorted (array 'I')."""
    crc = zlib.crc32
    keys = set()
    for ident, entry in part.items():
        keys.add(crc(ident.encode(), _ID_KEY))
        keys.add(crc(entry[URI].encode(), _URI_KEY))
        for excerpt in entry[EXCERPTS]:
            keys.add(crc(excerpt[0].encode(), _EXCERPT_KEY))
    return array("I", sorted(keys)).tobytes()


def _bucket_of(uri: str, buckets: int) -> int:
    return zlib.crc32(uri.encode()) % buckets


def _add_derived(index: dict[str, dict[tuple[str, str], int]], entry: Entry, sign: int = 1) -> None:
    """Count (or uncount) a record's derived relationships in `index` (from IRI → (type, to) → records)."""
    for rel_type, start, end in entry[DERIVED]:
        counts = index.setdefault(start, {})
        left = counts.get((rel_type, end), 0) + sign
        if left:
            counts[(rel_type, end)] = left
        else:
            del counts[(rel_type, end)]
            if not counts:
                del index[start]


class StoredRecords:
    """The records of a saved load state, decoded a frame at a time when asked for (`LoadState.load`).

    Each record frame has a signature (the crc32 of the ids, IRIs and cited excerpts' IRIs it holds), so
    finding a record by id or IRI, or the records that cite an excerpt, decodes only the frames that may
    hold it; the records' derived relationships are counted apart, by their start, in buckets. Changes
    (`__setitem__`, `pop`) are kept beside the frames, which are shared, unchanged, by every view
    (`view`): saving writes again only the frames and buckets they touch, the others as they were read."""

    def __init__(
        self, bodies: list[Any], signatures: list[Any], buckets: list[Any], count: int, shared: Any = None
    ) -> None:
        self.bodies, self.buckets, self.base_count = bodies, buckets, count
        if shared is None:
            sigs = []
            for body in signatures:
                sig = array("I")
                sig.frombytes(body)
                sigs.append(sig)
            shared = (sigs, {}, {}, {})  # signatures, decoded frames, decoded buckets, id → frame
        self.shared = shared
        self.changes: dict[str, Entry | None] = {}
        self.delta: dict[str, dict[tuple[str, str], int]] = {}
        self.added = 0

    def view(self) -> StoredRecords:
        """The same records with no changes (sharing what was decoded)."""
        return StoredRecords(self.bodies, [], self.buckets, self.base_count, self.shared)

    def _frame(self, number: int) -> dict[str, Entry]:
        decoded = self.shared[1]
        part: dict[str, Entry] | None = decoded.get(number)
        if part is None:
            part = marshal.loads(self.bodies[number])  # noqa: S302 - our own file
            decoded[number] = part
            homes = self.shared[3]
            for ident in part:
                homes[ident] = number
        return part

    def _frames_with(self, key: str, kind: int) -> Iterator[dict[str, Entry]]:
        crc = zlib.crc32(key.encode(), kind)
        for number, sig in enumerate(self.shared[0]):
            at = bisect.bisect_left(sig, crc)
            if at < len(sig) and sig[at] == crc:
                yield self._frame(number)

    def _stored(self, ident: str) -> Entry | None:
        for part in self._frames_with(ident, _ID_KEY):
            if ident in part:
                return part[ident]
        return None

    def get(self, ident: str, default: Entry | None = None) -> Entry | None:
        if ident in self.changes:
            found = self.changes[ident]
            return default if found is None else found
        found = self._stored(ident)
        return default if found is None else found

    def __getitem__(self, ident: str) -> Entry:
        found = self.get(ident)
        if found is None:
            raise KeyError(ident)
        return found

    def __contains__(self, ident: object) -> bool:
        return isinstance(ident, str) and self.get(ident) is not None

    def __setitem__(self, ident: str, entry: Entry) -> None:
        old = self.get(ident)
        if old is not None:
            _add_derived(self.delta, old, -1)
        else:
            self.added += 1
        _add_derived(self.delta, entry)
        self.changes[ident] = entry

    def pop(self, ident: str) -> Entry:
        old = self[ident]
        _add_derived(self.delta, old, -1)
        self.changes[ident] = None
        self.added -= 1
        return old

    def update(self, entries: dict[str, Entry]) -> None:
        for ident, entry in entries.items():
            self[ident] = entry

    def __len__(self) -> int:
        return self.base_count + self.added

    def items(self) -> Iterator[tuple[str, Entry]]:
        """Every record (decodes every frame: for the rare changes that need them all)."""
        changes = self.changes
        for number in range(len(self.bodies)):
            for ident, entry in self._frame(number).items():
                if ident in changes:
                    continue
                yield ident, entry
        for ident, found in changes.items():
            if found is not None:
                yield ident, found

    def values(self) -> Iterator[Entry]:
        return (entry for _, entry in self.items())

    def by_uri(self, uri: str) -> Entry | None:
        """The record whose IRI is `uri`."""
        for found in self.changes.values():
            if found is not None and found[URI] == uri:
                return found
        for part in self._frames_with(uri, _URI_KEY):
            for ident, entry in part.items():
                if entry[URI] == uri and ident not in self.changes:
                    return entry
        return None

    def citing(self, uri: str) -> Iterator[tuple[str, Entry]]:
        """The records whose evidence cites excerpt `uri`."""
        for part in self._frames_with(uri, _EXCERPT_KEY):
            for ident, entry in part.items():
                if ident not in self.changes and any(x[0] == uri for x in entry[EXCERPTS]):
                    yield ident, entry
        for ident, found in self.changes.items():
            if found is not None and any(x[0] == uri for x in found[EXCERPTS]):
                yield ident, found

    def _bucket(self, number: int) -> dict[str, dict[tuple[str, str], int]]:
        decoded = self.shared[2]
        bucket: dict[str, dict[tuple[str, str], int]] | None = decoded.get(number)
        if bucket is None:
            bucket = marshal.loads(self.buckets[number])  # noqa: S302 - our own file
            decoded[number] = bucket
        return bucket

    def derived_from(self, starts: Iterable[str]) -> list[tuple[str, str, str]]:
        """The derived relationships (type, from, to) that start at `starts`."""
        out: list[tuple[str, str, str]] = []
        for start in starts:
            counts = dict(self._bucket(_bucket_of(start, len(self.buckets))).get(start, {}))
            for key, change in self.delta.get(start, {}).items():
                counts[key] = counts.get(key, 0) + change
            out.extend((rel_type, start, end) for (rel_type, end), n in counts.items() if n > 0)
        return out

    def encoded(self) -> tuple[list[Any], list[bytes], list[Any]]:
        """The record frames, their signatures and the derived buckets with the changes made: a frame or
        bucket the changes do not touch is its bytes as read."""
        homes = self.shared[3]
        by_frame: dict[int, list[str]] = {}
        new = {}
        for ident, found in self.changes.items():
            if self._stored(ident) is not None:
                by_frame.setdefault(homes[ident], []).append(ident)
            elif found is not None:
                new[ident] = found
        bodies, sigs = list(self.bodies), [sig.tobytes() for sig in self.shared[0]]
        for number, idents in by_frame.items():
            part = dict(self._frame(number))
            for ident in idents:
                found = self.changes[ident]
                if found is None:
                    del part[ident]
                else:
                    part[ident] = found
            bodies[number], sigs[number] = marshal.dumps(part), _signature(part)
        if new:
            bodies.append(marshal.dumps(new))
            sigs.append(_signature(new))
        buckets = list(self.buckets)
        touched: dict[int, list[str]] = {}
        for start in self.delta:
            touched.setdefault(_bucket_of(start, len(buckets)), []).append(start)
        for number, starts in touched.items():
            bucket = {start: dict(counts) for start, counts in self._bucket(number).items()}
            for start in starts:
                counts = bucket.setdefault(start, {})
                for key, change in self.delta[start].items():
                    left = counts.get(key, 0) + change
                    if left:
                        counts[key] = left
                    else:
                        counts.pop(key, None)
                if not counts:
                    del bucket[start]
            buckets[number] = marshal.dumps(bucket)
        return bodies, sigs, buckets


class RecordSpill:
    """Record entries of a full validation written out, `RECORD_PART` at a time, as the state's own
    record frames (marshal), to an unnamed temporary file: a million facts' entries are ~1 GB as
    objects, held otherwise from the canonical RDF to the end of the load, the phase of its peak
    memory. The file goes away when it is closed or this process ends."""

    def __init__(self) -> None:
        self.file: IO[bytes] = tempfile.TemporaryFile(prefix="eucan-state-")
        weakref.finalize(self, self.file.close)
        self.sizes: list[int] = []
        self.count = 0
        self.signatures: list[bytes] = []
        self.derived: dict[str, dict[tuple[str, str], int]] = {}

    def add(self, records: dict[str, Entry]) -> None:
        items = iter(records.items())
        for _ in range(0, len(records), RECORD_PART):
            part = dict(islice(items, RECORD_PART))
            body = marshal.dumps(part)
            self.file.write(body)
            self.sizes.append(len(body))
            self.signatures.append(_signature(part))
            for entry in part.values():
                _add_derived(self.derived, entry)
        self.count += len(records)

    def frames(self) -> Iterator[bytes]:
        self.file.flush()
        self.file.seek(0)
        for size in self.sizes:
            yield self.file.read(size)
        self.file.seek(0, 2)


def _frame(value: Any) -> Iterator[bytes]:
    body = marshal.dumps(value)
    yield len(body).to_bytes(8, "little")
    yield body


def _list_frames(values: list[Any]) -> Iterator[bytes]:
    for start in range(0, len(values), STATE_PART):
        yield from _frame(values[start : start + STATE_PART])
    if not values:
        yield from _frame([])


def _read_list(frames: Iterator[Any], size: int) -> list[Any]:
    out: list[Any] = next(frames)
    while len(out) < size:
        out.extend(next(frames))
    if len(out) != size:
        raise ValueError("the load state's lists disagree")
    return out


def _read_bodies(view: memoryview) -> Iterator[memoryview]:
    at = 0
    while at < len(view):
        size = int.from_bytes(view[at : at + 8], "little")
        at += 8
        if at + size > len(view):
            raise EOFError("the load state ends early")
        yield view[at : at + size]
        at += size
    raise EOFError("the load state ends early")


def vocabulary_digest() -> str:
    """The files whose change invalidates every earlier check: the shapes, ontology and SKOS schemes,
    and the code that validates and maps records (the loaders, the ontology modules, the graph's rows)."""
    from eucan import loaders, ontology
    from eucan.ontology import DOMAINS_TTL, ONTOLOGY_TTL, ROLES_TTL, SHAPES_TTL

    digest = hashlib.blake2b(digest_size=16)
    code = [p for package in (loaders, ontology) for p in sorted(Path(str(package.__file__)).parent.glob("*.py"))]
    code.append(Path(__file__).parent.parent / "graph" / "fulltext.py")  # the search text's folding
    for path in (SHAPES_TTL, ONTOLOGY_TTL, DOMAINS_TTL, ROLES_TTL, *code):
        digest.update(Path(str(path)).read_bytes())
    return digest.hexdigest()


def read_state(folder: Path) -> LoadState | None:
    """The load state saved in `folder`; None when there is none, or it cannot be read."""
    found = read_state_or_why(folder)
    return found if isinstance(found, LoadState) else None


def read_state_or_why(folder: Path) -> LoadState | str:
    """The load state saved in `folder`, or why there is none to use ("" when none was saved): another
    version, cut short, not a state. The load is then full."""
    enabled = gc.isenabled()
    gc.disable()  # the collector would walk the decoded tuples again and again (most of a large read)
    try:
        data = (folder / STATE_FILE).read_bytes()
    except FileNotFoundError:
        return ""
    except OSError as exc:
        return f"the saved load state cannot be read ({exc.strerror or exc})"
    try:
        return LoadState.load(data)
    except ValueError as exc:
        if str(exc).startswith("the saved load state"):
            return str(exc)
        return "the saved load state cannot be read (damaged or cut short)"
    except (EOFError, TypeError, KeyError, IndexError, StopIteration):
        return "the saved load state cannot be read (damaged or cut short)"
    finally:
        if enabled:
            gc.enable()


def save_state(folder: Path, state: LoadState) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    part = folder / f"{STATE_FILE}.part"
    with part.open("wb") as handle:
        for frame in state.frames():
            handle.write(frame)
    part.replace(folder / STATE_FILE)


@dataclass
class Plan:
    """What an incremental load writes, and the state it leaves."""

    changes: GraphChanges
    manifest: Manifest
    state: LoadState
    rdf_changes: dict[str, str | None]
    files: list[str]
    records: int
    triples: int = 0
    timings: dict[str, float] = field(default_factory=dict)


def _read_changed(
    path: Path, label: str, prior: tuple[str, list[str], tuple[str, ...] | None] | None
) -> tuple[list[RawRecord | str], tuple[str, ...] | None]:
    """The records of a changed file, each read (a `RawRecord`) or, when its text is one the last load
    read in this file, its id (`record_chunks`: each record's text alone parses as in the file, so the
    same text is the same record); and the digests of the records' texts (None: not split). Raises
    `Fallback` on any problem (the full validation reports it)."""
    try:
        data = path.read_bytes()
    except OSError:
        raise Fallback("a file cannot be read") from None
    chunks = record_chunks(data)
    prints = _chunk_digests(data, chunks) if chunks is not None else None
    known_prints = prior[2] if prior is not None else None
    items: list[RawRecord | str] = []
    if prints is None or known_prints is None or prior is None or len(known_prints) != len(prior[1]):
        raws, problems = read_file(path, label)
        if problems:
            raise Fallback("a file has problems")
        items.extend(raws)
        return items, prints
    assert chunks is not None
    known = dict(zip(known_prints, prior[1], strict=True))
    for (section, start, end, line), digest in zip(chunks, prints, strict=True):
        ident = known.get(digest)
        if ident is not None:
            items.append(ident)
            continue
        try:
            text = data[start:end].decode("utf-8")
        except UnicodeDecodeError:
            raise Fallback("a file is not UTF-8") from None
        # as `read_file` reads it (universal newlines), at its line, under its section's key
        text = "\n" * (line - 2) + section + ":\n" + text.replace("\r\n", "\n").replace("\r", "\n")
        raws, problems = read_text(text, label)
        if problems or len(raws) != 1:
            raise Fallback("a record has problems")
        items.append(raws[0])
    return items, prints


def _lines(triples: Iterable[tuple[Any, Any, Any]]) -> dict[str, list[str]]:
    """N-Triples lines (subject left out) grouped by subject, as `rdf_cache` writes them."""
    out: dict[str, list[str]] = {}
    for s, p, o in triples:
        line = f"<{p}> <{o}> .\n" if type(o) is URIRef else f"<{p}> {_object(o)} .\n"
        out.setdefault(str(s), []).append(line)
    return out


def _parse(blocks: Iterable[str]) -> list[tuple[Any, Any, Any]]:
    text = "".join(blocks)
    if not text:
        return []
    graph = Graph()
    graph.parse(data=text, format="nt")
    return list(graph)


_SOURCE_URL = "<https://w3id.org/eucan-security/ontology#sourceUrl>"
_RETRIEVED = "<https://w3id.org/eucan-security/ontology#retrievedDate>"
_ALT_ID = "<https://w3id.org/eucan-security/ontology#altId>"


def plan(
    state: LoadState,
    state_dir: Path,
    paths: list[Path],
    root: Path,
    *,
    domains: set[str],
    incoming: Callable[[list[str]], list[tuple[str, str, str]]],
) -> Plan | None:
    """The changes since the load `state` describes; None if no file changed. `incoming(uris)` gives the
    relationships (from, type, to) that point at those nodes in the live graph. Raises `Fallback`."""
    timer = PhaseTimer()
    timings, lap = timer.timings, timer.lap

    if state.vocabulary != vocabulary_digest():
        raise Fallback("the shapes, ontology or vocabularies changed")
    files = list(iter_files(paths, root))
    if not files:
        raise Fallback("no files")
    labels = [label for _, label in files]
    order = {label: i for i, label in enumerate(labels)}
    digests = {label: file_digest(path) for path, label in files}
    changed = [label for label in labels if state.files.get(label, ("",))[0] != digests[label]]
    gone_files = [label for label in state.files if label not in order]
    if not changed and not gone_files:
        return None
    prefetch_model()  # the changed records' quotes are checked against it: loaded while they are read

    # -- read: the changed files, and in them the records whose content changed ------------------
    records = _stored(state).view()  # the state's records, decoded where asked for; the changes beside them
    old: dict[str, Entry] = {}  # records that went or changed: their entries as they were
    for label in gone_files:
        for ident in state.files[label][1]:
            old[ident] = records.pop(ident)
    new_pairs: list[tuple[RawRecord, BaseRecord, int]] = []
    files_state = {label: entry for label, entry in state.files.items() if label in order}
    for path, label in files:
        if label not in changed:
            continue
        prior = state.files.get(label)
        items, prints = _read_changed(path, label, prior)
        before = set(prior[1]) if prior is not None else set()
        # a record's position in its file is its place in the file's ids: an unchanged record that did not
        # move is not looked up (its frame is not decoded)
        was_at = {ident: at for at, ident in enumerate(prior[1])} if prior is not None else {}
        ids: list[str] = []
        for position, raw in enumerate(items):
            if isinstance(raw, str):  # its text is as it was: so is the record
                if raw not in before:
                    raise Fallback("a record's text is in the file twice")
                if was_at[raw] != position:
                    entry = records.get(raw)
                    if entry is None or entry[FILE] != label:
                        raise Fallback("a record's text is in the file twice")
                    records[raw] = (*entry[:POSITION], position, *entry[POSITION + 1 :])
                ids.append(raw)
                before.discard(raw)
                continue
            found = raw.data.get("id")
            ident = found if isinstance(found, str) else ""
            entry = records.get(ident) if ident in before else None
            if entry is not None and entry[FINGERPRINT] == fingerprint(raw) and entry[SECTION] == raw.section:
                if entry[POSITION] != position:
                    records[ident] = (*entry[:POSITION], position, *entry[POSITION + 1 :])
                ids.append(ident)
                before.discard(ident)
                continue
            try:
                model = SECTION_MODELS[raw.section].model_validate(raw.data)
            except ValidationError:
                raise Fallback("a record does not validate") from None
            new_pairs.append((raw, model, position))
            ids.append(model.id)
        for ident in before:  # records that left this file, or changed
            if ident in records and records[ident][FILE] == label:
                old[ident] = records.pop(ident)
        files_state[label] = (digests[label], ids, prints if prints is not None and len(prints) == len(ids) else None)
    seen: set[str] = set()
    for _, model, _ in new_pairs:
        if model.id in records or model.id in seen:
            raise Fallback("duplicate id")
        seen.add(model.id)
    lap("read")

    # -- checks across records ------------------------------------------------------------------
    section_of = _Sections(records, {model.id: raw.section for raw, model, _ in new_pairs})
    pairs = [(raw, model) for raw, model, _ in new_pairs]
    targets = {target for _, model in pairs for _, _, target in model.references()}
    named = {target: section_of[target] for target in targets if target in section_of}  # what they refer to
    if check_references(pairs, named, domains):
        raise Fallback("a reference names nothing")
    gone_ids = {ident for ident, entry in old.items() if section_of.get(ident) != entry[SECTION]}
    if gone_ids:
        for entry in records.values():
            if any(target in gone_ids for _, target in entry[REFS]):
                raise Fallback("a record refers to an id that went away")
    tenures = dict(state.tenures)
    posts = {tenures[i][1] for i in old if i in tenures}
    for ident in old:
        tenures.pop(ident, None)
    for raw, model, _ in new_pairs:
        if isinstance(model, TenureRecord):
            tenures[model.id] = tenure_entry(raw, model)
            posts.add(model.post)
    touched_tenures = [_tenure(t) for t in tenures.values() if t[1] in posts]
    if check_successions(touched_tenures):
        raise Fallback("successions")
    if check_languages(pairs):
        raise Fallback("languages")
    if check_id_schemes(pairs) or check_republished_sources(pairs):
        raise Fallback("id scheme or primary flag")
    # What this path does not scope, the full validation checks: sources (one URL per source, the
    # primary rule, the EUR-Lex evidence of derived authority links), actors and instruments (the
    # subjects of authority links, derived CELEX/ELI links; and an instrument's dates bound its
    # participations': their derived `startDateFirst`/`endDateLast`, `dates.within`, are rewritten with
    # it by the full load, atomically), authority links, former ids, and any change to the set of ids
    # (an id may not be another record's former id).
    unscoped = {kind.section for kind in (SourceRecord, ActorRecord, InstrumentRecord, AuthorityLinkRecord)}
    if any(raw.section in unscoped or getattr(model, "alt_ids", None) for raw, model in pairs):
        raise Unscoped("a source, actor, instrument, authority link or former id changed")
    if any(entry[SECTION] in unscoped for entry in old.values()):
        raise Unscoped("a source, actor, instrument or authority link changed or went away")
    if {model.id for _, model in pairs} - set(old):  # (an id still in `records` is a duplicate, refused above)
        raise Unscoped("a new id (it may not be another record's former id)")
    lap("checks")

    # -- canonical RDF of the changed records and of the excerpts they touch --------------------
    triples: set[Any] = set()
    writer = RdfWriter(triples, section_of)
    # a changed participation's derived bounds take those it does not state from its instrument's and its
    # legal acts', as the live load wrote them (an instrument that changed sends the load to the full path)
    writer.instruments = _instrument_spans(
        state,
        state_dir,
        {s for _, m in pairs if isinstance(m, ParticipationRecord) for s in (m.instrument, *m.legal_basis)},
    )
    entries: dict[str, Entry] = {}
    for raw, model, position in new_pairs:
        node = writer.ref(raw.section, model.id)
        derived = model.to_rdf(writer, node)
        entries[model.id] = record_entry(raw, model, position, derived)
    grouped = _lines(triples)
    rdf_changes: dict[str, str | None] = {}
    for entry in old.values():
        rdf_changes[entry[URI]] = None
    for entry in entries.values():
        rdf_changes[entry[URI]] = block_of(entry[URI], grouped.get(entry[URI], []))
    records.update(entries)
    changed_sources = {i for i, e in {**old, **entries}.items() if e[SECTION] == "sources"}
    touched = {x[0] for e in (*old.values(), *entries.values()) for x in e[EXCERPTS]}
    citers: dict[str, list[tuple[tuple[int, int], str, str, str, str]]] = {}
    # (a changed source sends the load to the full path above: then every record would be read here)
    citing = records.items() if changed_sources else ((i, e) for uri in list(touched) for i, e in records.citing(uri))
    for ident, entry in citing:
        for uri, source, quote, lang in entry[EXCERPTS]:
            if uri in touched or source in changed_sources:
                touched.add(uri)
                citers.setdefault(uri, []).append(((order[entry[FILE]], entry[POSITION]), ident, source, quote, lang))
    source_blocks = _blocks(state, state_dir, {str(section_iri("sources", s)) for s in changed_sources}, rdf_changes)
    need = {str(section_iri("sources", c[0][2])) for c in citers.values()} - set(source_blocks)
    source_blocks.update(_blocks(state, state_dir, need, rdf_changes))
    scratch: set[Any] = set()
    excerpt_writer = RdfWriter(scratch, section_of)
    # An excerpt's former ids (`ecs:altId`) come from its source's former ids and from the evidence items
    # that say they `replace` a quote. Those of the changed records are known here; an unchanged record's
    # are not, so an excerpt whose saved former ids the changed ones do not explain goes to the full path.
    excerpt_writer.source_alt_ids = {uri.rsplit("/", 1)[-1]: _alt_ids(block) for uri, block in source_blocks.items()}
    former_ids: dict[str, set[str]] = {}
    for _, model, _ in new_pairs:
        for ev in model.evidence if isinstance(model, Record) else ():
            if ev.replaces:
                former_ids.setdefault(str(excerpt_iri(ev.source, ev.quote)), set()).update(ev.replaces)
    for uri, block in _blocks(state, state_dir, [u for u in touched if citers.get(u)], {}).items():
        _, _, source, quote, _ = min(citers[uri])
        renamed = {str(excerpt_iri(o, quote)).rsplit("/", 1)[-1] for o in excerpt_writer.source_alt_ids.get(source, ())}
        if set(_alt_ids(block)) - renamed - former_ids.get(uri, set()):
            raise Unscoped("an excerpt has former ids an unchanged record may give it")
    for uri in touched:
        cited = citers.get(uri)
        if not cited:
            rdf_changes[uri] = None
            continue
        _, _, source, quote, lang = min(cited)
        node = URIRef(uri)
        excerpt_writer.typed(node, URIRef("https://w3id.org/eucan-security/ontology#SourceExcerpt"))
        excerpt_writer.text(node, URIRef("https://w3id.org/eucan-security/ontology#quote"), quote, lang)
        excerpt_writer.link(node, URIRef("https://w3id.org/eucan-security/ontology#excerptOf"), "sources", source)
        excerpt_writer.excerpt_alt_ids(node, source, quote)
        for former in former_ids.get(uri, ()):
            excerpt_writer.plain(node, URIRef(_ALT_ID[1:-1]), former)
        lines = _lines((s, p, o) for s, p, o in scratch if str(s) == uri)
        scratch.clear()
        own = lines.get(uri, [])
        source_block = source_blocks.get(str(section_iri("sources", source))) or ""
        for line in source_block.splitlines(keepends=True):
            _, predicate, rest = line.split(" ", 2)
            if predicate in (_SOURCE_URL, _RETRIEVED):
                own.append(f"{predicate} {rest}")
        rdf_changes[uri] = block_of(uri, own)
    lap("rdf")

    # -- SHACL over the affected subjects --------------------------------------------------------
    new_types = {uri: _types(block) for uri, block in rdf_changes.items() if block}
    retyped = {
        ident
        for ident, entry in old.items()
        if ident in entries
        and entries[ident][URI] == entry[URI]
        and new_types.get(entry[URI]) != state.index.types.get(entry[URI])
    }
    focus = {uri for uri, block in rdf_changes.items() if block}
    if retyped:
        focus |= {e[URI] for e in records.values() if any(t in retyped for _, t in e[REFS])}
    blocks = _blocks(state, state_dir, focus, rdf_changes)
    data = _parse(blocks.values())
    rdf_type = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    objects = {str(o) for _, _, o in data if type(o) is URIRef}
    for uri in objects - focus:
        classes = new_types.get(uri, ()) if uri in rdf_changes else state.index.types.get(uri, ())
        data.extend((URIRef(uri), rdf_type, URIRef(cls)) for cls in classes)
    compiled = shacl_core.compile_shapes(_shapes())
    if shacl_core.validate(shacl_core.Index(data), compiled, focus=focus):
        raise Fallback("SHACL")
    lap("shacl")

    # -- property-graph rows of the affected nodes ----------------------------------------------
    closure = {uri for uri, block in rdf_changes.items() if block}
    closure |= {d[1] for e in (*old.values(), *entries.values()) for d in e[DERIVED]}
    closure |= {records[c[1]][URI] for cited in citers.values() for c in cited}
    support: set[str] = set()
    for uri in closure:
        entry = records.by_uri(uri)
        if entry is not None:
            for excerpt, source, _, _ in entry[EXCERPTS]:
                support.add(excerpt)
                support.add(str(section_iri("sources", source)))
    subjects = {
        uri
        for uri in closure | support
        if rdf_changes.get(uri) or state.index.span(uri) or records.by_uri(uri) is not None
    }
    subjects = {uri for uri in subjects if not (uri in rdf_changes and rdf_changes[uri] is None)}
    derived = records.derived_from(subjects)
    rows_graph = graph_to_property_graph(_parse(_blocks(state, state_dir, subjects, rdf_changes).values()), derived)
    add_search_properties(rows_graph)
    current = manifest_of(rows_graph)
    before_digests = state.manifest.digests
    removed = {uri for uri, block in rdf_changes.items() if block is None and uri in before_digests}
    rewrite = {uri for uri, digest in current.digests.items() if before_digests.get(uri) != digest}
    deleted = removed | {uri for uri in rewrite if uri in before_digests}
    nodes = {
        labels: kept for labels, rows in rows_graph.nodes.items() if (kept := [r for r in rows if r["uri"] in rewrite])
    }
    rels: dict[str, list[dict[str, str]]] = {}
    for rel_type, rows in rows_graph.relationships.items():
        kept = [r for r in rows if r["from"] in rewrite]
        if kept:
            rels[rel_type] = kept
    replaced = sorted(deleted - removed)
    for source, rel_type, target in incoming(replaced) if replaced else []:
        if source not in rewrite and source not in removed:
            rels.setdefault(rel_type, []).append({"from": source, "to": target})
    manifest = state.manifest.patched(removed, current)
    lap("property_graph")
    new_state = LoadState(
        token="",
        files=files_state,
        records={},
        tenures=tenures,
        manifest=manifest,
        index=state.index,
        vocabulary=state.vocabulary,
        derived=state.derived,
        stored=records,
    )
    return Plan(
        changes=GraphChanges(delete=sorted(deleted), write=PropertyGraph(nodes=nodes, relationships=rels)),
        manifest=manifest,
        state=new_state,
        rdf_changes=rdf_changes,
        files=labels,
        records=new_state.record_count,
        timings=timings,
    )


def _stored(state: LoadState) -> StoredRecords:
    """The state's records as `StoredRecords` (a state a full validation made is written and read back once)."""
    if state.stored is not None:
        return state.stored
    made: StoredRecords | None = getattr(state, "_stored", None)
    if made is None:
        made = LoadState.load(state.dump()).stored
        assert made is not None
        state._stored = made  # type: ignore[attr-defined]
    return made


class _Sections(dict[str, str]):
    """Record id → section, for the ids asked about: the changed records', else the stored records'."""

    def __init__(self, records: StoredRecords, changed: dict[str, str]) -> None:
        super().__init__(changed)
        self.records = records

    def __missing__(self, ident: str) -> str:
        entry = self.records.get(ident)
        if entry is None:
            raise KeyError(ident)
        self[ident] = entry[SECTION]
        return str(entry[SECTION])

    def __contains__(self, ident: object) -> bool:
        return isinstance(ident, str) and self.get(ident) is not None

    def get(self, ident: str, default: Any = None) -> Any:
        try:
            return self[ident]
        except KeyError:
            return default


_ONTOLOGY = "<https://w3id.org/eucan-security/ontology#"
_START_FIRST, _END_LAST = f"{_ONTOLOGY}startDateFirst>", f"{_ONTOLOGY}endDateLast>"
_ADOPTED, _SIGNED, _LEGAL_BASIS = f"{_ONTOLOGY}adoptedDate>", f"{_ONTOLOGY}signedDate>", f"{_ONTOLOGY}legalBasis>"
_PRECISIONS = {f"{_ONTOLOGY}{name}DatePrecision>": name for name in ("start", "adopted", "signed")}
_INSTRUMENTS = str(section_iri("instruments", "x"))[:-1]


def _instrument_spans(state: LoadState, state_dir: Path, slugs: Iterable[str]) -> dict[str, dates.Span]:
    """These instruments' `dates.Span` (`InstrumentRecord.span`) as the saved canonical RDF has them."""
    uris = {str(section_iri("instruments", slug)): slug for slug in slugs}
    out: dict[str, dates.Span] = {}
    for uri, block in _blocks(state, state_dir, uris, {}).items():
        found: dict[str, str] = {}
        basis: list[str] = []
        for line in block.splitlines():
            _, predicate, rest = line.split(" ", 2)
            if predicate == _LEGAL_BASIS:
                basis.append(rest[1 : rest.index(">")].removeprefix(_INSTRUMENTS))
            elif predicate in (_START_FIRST, _END_LAST, _ADOPTED, _SIGNED):
                found[predicate] = rest.split('"', 2)[1]
            elif predicate in _PRECISIONS:
                found[_PRECISIONS[predicate]] = rest.split('"', 2)[1]
        bounds = (found.get(_START_FIRST), found.get(_END_LAST))
        precisions = (found.get("start"), found.get("adopted"), found.get("signed"))
        out[uris[uri]] = dates.Span.of(bounds, found.get(_ADOPTED), found.get(_SIGNED), basis, precisions)
    return out


def _alt_ids(block: str) -> list[str]:
    """The former ids (`ecs:altId`, plain slugs) in a subject's block of N-Triples."""
    return [line.split('"', 2)[1] for line in block.splitlines() if line.split(" ", 2)[1] == _ALT_ID]


def _types(block: str) -> tuple[str, ...]:
    found = []
    for line in block.splitlines():
        _, predicate, rest = line.split(" ", 2)
        if predicate == "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" and rest.startswith("<"):
            found.append(rest[1 : rest.index(">")])
    return tuple(sorted(found))


def _blocks(
    state: LoadState, state_dir: Path, subjects: Iterable[str], changes: dict[str, str | None]
) -> dict[str, str]:
    """The current block of each subject: changed ones from `changes`, the rest from the saved file."""
    out: dict[str, str] = {}
    rest = []
    for uri in subjects:
        if uri in changes:
            block = changes[uri]
            if block:
                out[uri] = block
        else:
            rest.append(uri)
    if rest:
        path = state_dir / RDF_CACHE_DIR / f"{state.token}.nt"
        out.update(state.index.read(path, rest))
    return out
