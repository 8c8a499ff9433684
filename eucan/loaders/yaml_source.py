"""Read curated YAML files, keeping the line of every record and field."""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import subprocess
import sys
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from eucan.echo import clip
from eucan.errors import Problem
from eucan.loaders.records import SECTIONS

__all__ = ["PARALLEL_READ_MIN_BYTES", "RawRecord", "discover", "read_file", "read_files", "read_text"]


_RELEASED: dict[str, Any] = {}
"""What a released record's data and lines are (shared, never written to)."""


@dataclass(slots=True)
class RawRecord:
    """One record as written in a file, with where it was written.

    A large load keeps a record only as its model plus where it was written: `release` drops the
    parsed data and the line of each field, and `line_of` reads the file again to find them (only a
    problem report asks)."""

    section: str
    data: dict[str, Any]
    file: str
    line: int
    lines: dict[str, int] = field(default_factory=dict)
    nested: dict[str, list[dict[str, int]]] = field(default_factory=dict)
    """For a field holding a list of mappings (`evidence`): the line of each key of each item."""
    path: Path | None = None
    """Set by `release`: the file to read again for the lines, with the record's `position` in it."""
    position: int = -1
    content: str = ""
    """The record's content digest, when the reader was asked for it (`read_files`' `fingerprint`)."""

    def release(self, path: Path, position: int) -> None:
        """Forget the data and field lines (record `position` of `path` has them)."""
        self.data, self.lines, self.nested = _RELEASED, _RELEASED, _RELEASED
        self.path, self.position = path, position

    def _reread(self) -> None:
        if self.path is not None:
            try:
                stat = self.path.stat()
            except OSError:
                self.path = None
                return
            found = _lines_of_file(self.path, self.file, stat.st_mtime_ns, stat.st_size)
            if 0 <= self.position < len(found) and found[self.position][0] == self.line:
                _, self.lines, self.nested = found[self.position]
            self.path = None

    def line_of(self, key: str | None) -> int:
        self._reread()
        return self.lines.get(key, self.line) if key else self.line

    def nested_line(self, key: str, index: int, inner: str) -> int:
        """The line of `inner` in item `index` of the list under `key` (else the nearest line known)."""
        self._reread()
        items = self.nested.get(key, [])
        if 0 <= index < len(items):
            return items[index].get(inner, items[index].get("", self.line_of(key)))
        return self.line_of(key)


_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's C parser when available


class _LineLoader(_Base):  # type: ignore[misc]
    """A safe loader that records line numbers and leaves dates as text (we parse them ourselves).
    The lines stay beside the data (`marks`: id of each mapping → its line and its keys' lines), so
    the data needs no copy without them."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.marks: dict[int, tuple[int, dict[str, int]]] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """The tag of a scalar as `BaseResolver.resolve` gives it (the C parser asks for every scalar),
        without the lists it builds on every call; anything else (path or wildcard resolvers, which this
        loader does not add) goes to it."""
        resolvers = self.yaml_implicit_resolvers
        if kind is not yaml.ScalarNode or self.yaml_path_resolvers or None in resolvers:
            return super().resolve(kind, value, implicit)
        if implicit[0]:
            for tag, regexp in resolvers.get(value[:1], ()):
                if regexp.match(value):
                    return tag
        return self.DEFAULT_SCALAR_TAG

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """A value its tag cannot read (`!!int nope`, `!!bool maybe`, a list as a key) is a YAML error at
        its node's line, not a crash."""
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, KeyError) as exc:
            raise _unreadable(node, exc) from None


def _unreadable(node: yaml.Node, exc: Exception) -> yaml.constructor.ConstructorError:
    value = (
        clip(node.value)
        if isinstance(node, yaml.ScalarNode)
        else "a mapping"
        if isinstance(node, yaml.MappingNode)
        else "a list"
    )
    tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
    return yaml.constructor.ConstructorError(
        None, None, f"cannot read {value} as {tag} ({clip(str(exc))})", node.start_mark
    )


def _duplicate(key: Any, key_node: yaml.Node) -> yaml.constructor.ConstructorError:
    return yaml.constructor.ConstructorError(
        None, None, f"duplicate key {clip(key)} (the second one would silently win)", key_node.start_mark
    )


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            known = key in mapping
        except TypeError as exc:  # a list or mapping as a key
            raise _unreadable(key_node, exc) from None
        if known:
            raise _duplicate(key, key_node)
        mapping[key] = loader.construct_object(value_node, deep=True)
        lines[str(key)] = key_node.start_mark.line + 1
    loader.marks[id(mapping)] = (node.start_mark.line + 1, lines)
    return mapping


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


INTERN_MAX = 64
"""Short strings (keys, ids, references, languages, dates) repeat across records: each is kept once."""


def _construct_str(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    text = str(loader.construct_scalar(node))
    return sys.intern(text) if len(text) <= INTERN_MAX else text


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_LineLoader.add_constructor("tag:yaml.org,2002:str", _construct_str)


_STR_TAG, _SEQ_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq"
_MAP_TAG = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG


def _built(node: yaml.Node) -> Any:
    raise AssertionError("a document's builder is used once")  # pragma: no cover


def _construct_plain(loader: _LineLoader, root: yaml.Node) -> Any:
    """What `loader.construct_document(root)` gives (the same data, marks and errors) for a document
    without anchors, built in one pass over the nodes: strings, mappings and lists directly, any
    other node (numbers, booleans, null, dates, explicit tags) by the loader's own constructors.
    PyYAML's generic path (a recursion guard, a cache of every node and a generator per collection)
    was most of the time of reading a large file. Only without anchors: an alias shares its node,
    which the generic path's cache handles."""
    marks, intern, construct = loader.marks, sys.intern, loader.construct_object
    scalar, mapping_node, sequence = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode

    def build(node: yaml.Node) -> Any:
        kind, tag = type(node), node.tag
        if kind is scalar and tag == _STR_TAG:
            text: str = node.value
            return intern(text) if len(text) <= INTERN_MAX else text
        if kind is mapping_node and tag == _MAP_TAG:
            mapping: dict[Any, Any] = {}
            lines: dict[str, int] = {}
            for key_node, value_node in node.value:
                key = build(key_node)
                try:
                    known = key in mapping
                except TypeError as exc:  # a list or mapping as a key
                    raise _unreadable(key_node, exc) from None
                if known:
                    raise _duplicate(key, key_node)
                mapping[key] = build(value_node)
                lines[str(key)] = key_node.start_mark.line + 1
            marks[id(mapping)] = (node.start_mark.line + 1, lines)
            return mapping
        if kind is sequence and tag == _SEQ_TAG:
            return [build(item) for item in node.value]
        return construct(node, deep=True)

    try:
        return build(root)
    finally:
        # `build` refers to itself (and through `construct` to the loader and every mapping's lines): a
        # cycle that only the garbage collector frees, which a load pauses (`pipeline.load_sources`)
        build = _built


def discover(paths: list[Path]) -> list[Path]:
    """The YAML files under the given files or folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.y*ml") if p.suffix in (".yaml", ".yml")))
        else:
            found.append(path)
    return found


def _nested_lines(
    item: dict[str, Any], marks: dict[int, tuple[int, dict[str, int]]]
) -> dict[str, list[dict[str, int]]]:
    nested: dict[str, list[dict[str, int]]] = {}
    for key, value in item.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) and id(v) in marks for v in value):
            nested[str(key)] = [{"": marks[id(v)][0], **marks[id(v)][1]} for v in value]
    return nested


MAX_ALIAS_EXPANSION = 10_000


def _alias_problem(text: str, label: str) -> Problem | None:
    """Aliases (`*name`) may add at most `MAX_ALIAS_EXPANSION` nodes to a file as written: a few
    hundred bytes of nested aliases otherwise expand to billions of nodes ("billion laughs") once
    the records are copied. Counted on the event stream, which never expands an alias."""
    weights: dict[str, int] = {}
    stack: list[list[Any]] = []  # [expanded weight so far, anchor] per open collection
    extra = 0  # nodes the aliases added so far
    try:
        for event in yaml.parse(text, Loader=_Base):
            weight = 0
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                stack.append([1, event.anchor])
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)) and stack:
                weight, anchor = stack.pop()
                if anchor is not None:
                    weights[anchor] = weight
            elif isinstance(event, yaml.ScalarEvent):
                weight = 1
                if event.anchor is not None:
                    weights[event.anchor] = 1
            elif isinstance(event, yaml.AliasEvent):
                weight = weights.get(str(event.anchor), 1)
                extra += weight
                if extra > MAX_ALIAS_EXPANSION:
                    line = event.start_mark.line + 1 if event.start_mark else 1
                    return Problem(
                        label,
                        line,
                        f"YAML aliases expand this file by more than {MAX_ALIAS_EXPANSION:,} nodes "
                        f"(*{str(event.anchor)[:40]} alone adds {weight:,}); write the values out instead",
                    )
            if weight and stack:
                stack[-1][0] += weight
    except yaml.YAMLError:
        return None  # the full parse below reports it with its line
    return None


def read_file(path: Path, label: str) -> tuple[list[RawRecord], list[Problem]]:
    """Parse one file into raw records; YAML errors become problems with the file's line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(label, 1, f"cannot read the file: {exc}")]
    return read_text(text, label)


def read_text(text: str, label: str) -> tuple[list[RawRecord], list[Problem]]:
    """`read_file` of a file's text."""
    # Without an anchor (`&name`) there is nothing an alias could expand: skip the second parse.
    refused = _alias_problem(text, label) if "&" in text else None
    if refused is not None:
        return [], [refused]
    loader = _LineLoader(text)
    try:
        if "&" in text:
            doc = loader.get_single_data()
        else:
            root = loader.get_single_node()
            doc = _construct_plain(loader, root) if root is not None else None
            del root  # the file's nodes (with their marks) are several times its data
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote or bracket is found at the end of the file: point at where it opened.
        at_end = "end of stream" in str(exc.problem)
        mark = (exc.context_mark if at_end else None) or exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        context = f" {exc.context}" if exc.context else ""
        return [], [Problem(label, line, f"invalid YAML: {exc.problem}{context}; check indentation and quoting")]
    except yaml.YAMLError as exc:
        return [], [Problem(label, 1, f"invalid YAML: {exc}")]
    finally:
        loader.dispose()
    marks = loader.marks
    if doc is None:
        return [], []
    if not isinstance(doc, dict):
        return [], [Problem(label, 1, f"the file must be a mapping with sections {', '.join(SECTIONS)}")]
    records: list[RawRecord] = []
    problems: list[Problem] = []
    top_lines = marks[id(doc)][1]
    for section, items in doc.items():
        line = top_lines.get(section, 1)
        if section not in SECTIONS:
            problems.append(
                Problem(label, line, f"unknown section {clip(section)}; expected one of {', '.join(SECTIONS)}")
            )
            continue
        if items is None:
            continue
        if not isinstance(items, list):
            problems.append(
                Problem(label, line, f"section {clip(section)} must be a list of records (each starting with '- ')")
            )
            continue
        for item in items:
            if not isinstance(item, dict):
                problems.append(
                    Problem(label, line, f"every entry of {clip(section)} must be a mapping, got {clip(item)}")
                )
                continue
            item_line, lines = marks[id(item)]
            records.append(RawRecord(section, item, label, item_line, lines, _nested_lines(item, marks)))
    return records, problems


@lru_cache(maxsize=4)
def _lines_of_file(
    path: Path, label: str, mtime_ns: int, size: int
) -> list[tuple[int, dict[str, int], dict[str, list[dict[str, int]]]]]:
    """(line, field lines, nested lines) of every record of a file as it is now (`mtime_ns`, `size`), in order."""
    return [(raw.line, raw.lines, raw.nested) for raw in read_file(path, label)[0]]


PARALLEL_READ_MIN_BYTES = 16_000_000
"""From this many bytes of YAML on, `read_files` parses most files in a worker process."""

WORKER_SHARE = 4
"""Of every `WORKER_SHARE` files, the worker parses all but the first: this process also checks every
record (models, languages) as it comes, so an even split left it the slower of the two."""

WORKER_AHEAD = 2 * WORKER_SHARE
"""How many files ahead of the one being used the worker is asked for."""


def read_files(
    files: list[tuple[Path, str]], *, fingerprint: Callable[[RawRecord], str] | None = None
) -> Generator[tuple[Path, str, list[RawRecord], list[Problem]], None, None]:
    """`read_file` of each (path, label), in order. For large data (`PARALLEL_READ_MIN_BYTES`) a worker
    process parses most files (`WORKER_SHARE`) while this one parses the others and the caller uses
    them: parsing YAML is most of a read and runs in Python (PyYAML's constructor), so two processes
    read about twice as fast on two free cores. The records come back with their data and lines as
    parsed; if the worker cannot start or stops, this process parses its files itself. With
    `fingerprint` (a module-level function), each record's `content` is set to it (the worker computes
    it for the files it parses)."""
    try:
        size = sum(path.stat().st_size for path, _ in files)
    except OSError:
        size = 0
    worker = _Worker.start() if len(files) >= 2 and size >= PARALLEL_READ_MIN_BYTES else None
    theirs = [number for number in range(len(files)) if number % WORKER_SHARE] if worker is not None else []
    sent = 0
    finished = False
    try:
        for number, (path, label) in enumerate(files):
            result = None
            # a few requests ahead (not all: a worker blocked on an unread answer reads no more requests)
            while worker is not None and sent < len(theirs) and theirs[sent] <= number + WORKER_AHEAD:
                worker.send((*files[theirs[sent]], fingerprint))
                sent += 1
            if worker is not None and number % WORKER_SHARE:
                result = worker.receive()
                if result is None:
                    worker = None  # it stopped: read the rest here
            if result is None:
                result = _read_and_fingerprint(path, label, fingerprint)
            yield (path, label, *result)
        finished = True
    finally:
        if worker is not None:
            worker.stop(now=not finished)


def _read_and_fingerprint(
    path: Path, label: str, fingerprint: Callable[[RawRecord], str] | None
) -> tuple[list[RawRecord], list[Problem]]:
    records, problems = read_file(path, label)
    if fingerprint is not None:
        for raw in records:
            raw.content = fingerprint(raw)
    return records, problems


class _Worker:
    """A Python process that parses the files it is sent (`python -c`, nothing of this process copied:
    no fork of a process that may hold gigabytes, no re-import of the caller's main module)."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process

    @classmethod
    def start(cls) -> _Worker | None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(os.path.abspath(p) for p in sys.path if p)}
        try:
            process = subprocess.Popen(
                [sys.executable, "-c", "from eucan.loaders.yaml_source import _serve; _serve()"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=env,
            )
        except OSError:
            return None
        return cls(process)

    def send(self, item: tuple[Path, str, Callable[[RawRecord], str] | None]) -> None:
        assert self.process.stdin is not None
        try:
            pickle.dump(item, self.process.stdin)
            self.process.stdin.flush()
        except OSError:
            pass  # `receive` finds it stopped

    def receive(self) -> tuple[list[RawRecord], list[Problem]] | None:
        assert self.process.stdout is not None
        try:
            result: tuple[list[RawRecord], list[Problem]] = pickle.load(self.process.stdout)
        except (OSError, EOFError, pickle.UnpicklingError):
            self.stop()
            return None
        return result

    def stop(self, *, now: bool = False) -> None:
        """End the worker: once it has answered what it was asked, or `now` (its answers are not wanted)."""
        if now:
            self.process.kill()
        with contextlib.suppress(OSError):
            if self.process.stdin is not None:
                self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        with contextlib.suppress(OSError):
            if self.process.stdout is not None:
                self.process.stdout.close()


def _serve() -> None:
    """The worker's loop: (path, label, fingerprint) in on stdin, `read_file`'s answer (each record's
    `content` set by `fingerprint`, if given) out on stdout, until stdin ends. The cyclic garbage
    collector runs once after each file instead of while one is built: walking the file's new objects
    again and again tripled the worker's time (as in a load, `pipeline.load_sources`)."""
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    gc.disable()
    while True:
        try:
            path, label, fingerprint = pickle.load(source)
        except EOFError:
            return
        pickle.dump(_read_and_fingerprint(path, label, fingerprint), sink, protocol=pickle.HIGHEST_PROTOCOL)
        sink.flush()
        gc.collect()


def iter_files(paths: list[Path], root: Path) -> Iterator[tuple[Path, str]]:
    """Files with the label used in messages (relative to `root` when possible)."""
    for path in discover(paths):
        try:
            label = str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            label = str(path)
        yield path, label
