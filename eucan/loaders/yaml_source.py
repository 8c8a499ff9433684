"""Read curated YAML files, keeping the line of every record and field."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from eucan.echo import clip
from eucan.errors import Problem
from eucan.loaders.records import SECTIONS

__all__ = ["RawRecord", "discover", "read_file"]


@dataclass
class RawRecord:
    """One record as written in a file, with where it was written."""

    section: str
    data: dict[str, Any]
    file: str
    line: int
    lines: dict[str, int] = field(default_factory=dict)
    nested: dict[str, list[dict[str, int]]] = field(default_factory=dict)
    """For a field holding a list of mappings (`evidence`): the line of each key of each item."""

    def line_of(self, key: str | None) -> int:
        return self.lines.get(key, self.line) if key else self.line

    def nested_line(self, key: str, index: int, inner: str) -> int:
        """The line of `inner` in item `index` of the list under `key` (else the nearest line known)."""
        items = self.nested.get(key, [])
        if 0 <= index < len(items):
            return items[index].get(inner, items[index].get("", self.line_of(key)))
        return self.line_of(key)


_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's C parser when available


class _LineLoader(_Base):  # type: ignore[misc]
    """A safe loader that records line numbers and leaves dates as text (we parse them ourselves)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {clip(key)} (the second one would silently win)", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        lines[str(key)] = key_node.start_mark.line + 1
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = lines
    return mapping


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def discover(paths: list[Path]) -> list[Path]:
    """The YAML files under the given files or folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.y*ml") if p.suffix in (".yaml", ".yml")))
        else:
            found.append(path)
    return found


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in ("__line__", "__lines__")}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _nested_lines(item: dict[str, Any]) -> dict[str, list[dict[str, int]]]:
    nested: dict[str, list[dict[str, int]]] = {}
    for key, value in item.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) and "__line__" in v for v in value):
            nested[str(key)] = [{"": v["__line__"], **v["__lines__"]} for v in value]
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
    # Without an anchor (`&name`) there is nothing an alias could expand: skip the second parse.
    refused = _alias_problem(text, label) if "&" in text else None
    if refused is not None:
        return [], [refused]
    try:
        doc = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote or bracket is found at the end of the file: point at where it opened.
        at_end = "end of stream" in str(exc.problem)
        mark = (exc.context_mark if at_end else None) or exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        context = f" {exc.context}" if exc.context else ""
        return [], [Problem(label, line, f"invalid YAML: {exc.problem}{context}; check indentation and quoting")]
    except yaml.YAMLError as exc:
        return [], [Problem(label, 1, f"invalid YAML: {exc}")]
    if doc is None:
        return [], []
    if not isinstance(doc, dict):
        return [], [Problem(label, 1, f"the file must be a mapping with sections {', '.join(SECTIONS)}")]
    records: list[RawRecord] = []
    problems: list[Problem] = []
    top_lines: dict[str, int] = doc.get("__lines__", {})
    for section, items in doc.items():
        if section in ("__line__", "__lines__"):
            continue
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
            records.append(
                RawRecord(section, _strip(item), label, item["__line__"], dict(item["__lines__"]), _nested_lines(item))
            )
    return records, problems


def iter_files(paths: list[Path], root: Path) -> Iterator[tuple[Path, str]]:
    """Files with the label used in messages (relative to `root` when possible)."""
    for path in discover(paths):
        try:
            label = str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            label = str(path)
        yield path, label
