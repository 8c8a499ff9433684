"""Rename record ids everywhere, keeping the old ids: `python -m tools.rename_ids [PATHS...]`.

Reads the committed mapping `tools/id_renames.tsv` (`old<TAB>new`, `#` comments) and, in every
YAML file under the given paths (default: `data/`), rewrites each old id where an id stands
(`id:`, reference fields, their block and flow lists, and ids named in `note`/`uncertain`),
then makes sure the record now called `new` lists `old` under `alt_ids:`. Test files under
`tests/` given as paths (`.py`) have quoted old ids rewritten too. A file (YAML or Python) that
contains the marker `rename_ids: keep` is left alone (tests of the renames themselves).

Deterministic and idempotent: running it twice changes nothing the second time, so the lead can
run it again after merging new data files. Text is edited line by line (comments and layout
stay). A mapping where both the old and the new record exist is refused: merge those by hand
first (keep one record, move the other's evidence onto it), then run the tool.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

__all__ = ["MAPPING", "load_mapping", "main", "rename_python", "rename_yaml"]

MAPPING = Path(__file__).with_name("id_renames.tsv")
ID_KEYS = {
    "id",
    "source",
    "actor",
    "instrument",
    "person",
    "post",
    "member",
    "organisation",
    "publisher",
    "part_of",
    "on_behalf_of",
    "location",
    "participants",
    "legal_basis",
    "conflicts_with",
    "subject",
}
TEXT_KEYS = {"note", "uncertain"}
_KEY_LINE = re.compile(r"^(?P<indent>\s*(?:- )?)(?P<key>[a-z_]+):(?P<rest>.*)$")
_ITEM_LINE = re.compile(r"^(?P<indent>\s*)- (?P<value>[a-z0-9][a-z0-9-]*)\s*$")
KEEP_MARKER = "rename_ids: keep"


def load_mapping(path: Path = MAPPING) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        parts = text.split()
        if len(parts) != 2:
            raise SystemExit(f"{path}:{number}: write `old<TAB>new`, got {line!r}")
        old, new = parts
        if old in mapping and mapping[old] != new:
            raise SystemExit(f"{path}:{number}: {old} is renamed twice")
        mapping[old] = new
    # follow chains (a -> b, b -> c) so every old id points at the final one
    for old in list(mapping):
        seen = {old}
        while mapping[old] in mapping:
            nxt = mapping[mapping[old]]
            if nxt in seen:
                raise SystemExit(f"{path}: renames form a cycle through {old}")
            seen.add(nxt)
            mapping[old] = nxt
    return mapping


def _token_pattern(mapping: dict[str, str]) -> re.Pattern[str] | None:
    if not mapping:
        return None
    alternatives = "|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z0-9_-])({alternatives})(?![A-Za-z0-9_-])")


def rename_yaml(text: str, mapping: dict[str, str]) -> tuple[str, list[str]]:
    """The file's text with ids renamed and alt_ids added; and the ids renamed in it (by their `id:`)."""
    pattern = _token_pattern(mapping)
    if pattern is None:
        return text, []
    lines = text.split("\n")
    out: list[str] = []
    renamed: list[str] = []
    block_key: str | None = None
    for line in lines:
        m = _KEY_LINE.match(line)
        item = _ITEM_LINE.match(line)
        if m:
            key, rest = m.group("key"), m.group("rest")
            block_key = key if not rest.strip() else None
            if key in ID_KEYS or key in TEXT_KEYS:
                new_rest = pattern.sub(lambda t: mapping[t.group(1)], rest)
                if key == "id" and new_rest != rest:
                    renamed.append(rest.strip())
                line = f"{m.group('indent')}{key}:{new_rest}"
        elif item and block_key in ID_KEYS:
            value = item.group("value")
            if value in mapping:
                line = f"{item.group('indent')}- {mapping[value]}"
        out.append(line)
    return _add_alt_ids("\n".join(out), mapping), renamed


def _add_alt_ids(text: str, mapping: dict[str, str]) -> str:
    """After `id: new`, make sure `alt_ids:` lists every old id that maps to `new`."""
    olds_of: dict[str, list[str]] = {}
    for old, new in sorted(mapping.items()):
        olds_of.setdefault(new, []).append(old)
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        m = _KEY_LINE.match(line)
        i += 1
        if not (m and m.group("key") == "id" and m.group("rest").strip() in olds_of):
            continue
        new = m.group("rest").strip()
        indent = " " * len(m.group("indent"))
        existing: list[str] = []
        # an `alt_ids: [...]` line right after the id is ours to rewrite
        if i < len(lines):
            alt = re.match(rf"^{indent}alt_ids:\s*\[(.*)\]\s*$", lines[i])
            if alt:
                existing = [x.strip() for x in alt.group(1).split(",") if x.strip()]
                i += 1
        merged = sorted(set(existing) | set(olds_of[new]))
        out.append(f"{indent}alt_ids: [{', '.join(merged)}]")
    return "\n".join(out)


def rename_python(text: str, mapping: dict[str, str]) -> str:
    """Quoted old ids in a test module, rewritten (none if it carries the keep marker)."""
    if KEEP_MARKER in text:
        return text
    pattern = _token_pattern(mapping)
    if pattern is None:
        return text
    return re.sub(
        r"(['\"])([a-z0-9/][a-z0-9/.?=&_-]*)\1",
        lambda q: q.group(1) + pattern.sub(lambda t: mapping[t.group(1)], q.group(2)) + q.group(1),
        text,
    )


def _files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml", ".py"))
        else:
            found.append(path)
    return found


def _defined_ids(files: list[Path]) -> dict[str, Path]:
    ids: dict[str, Path] = {}
    for path in files:
        if path.suffix in (".yaml", ".yml"):
            for m in re.finditer(r"^\s*- id:\s*([a-z0-9-]+)\s*$", path.read_text(encoding="utf-8"), re.M):
                ids[m.group(1)] = path
    return ids


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [Path(a) for a in args] or [Path("data")]
    mapping = load_mapping()
    files = _files(paths)
    defined = _defined_ids(files)
    clashes = [(old, new) for old, new in mapping.items() if old in defined and new in defined]
    if clashes:
        for old, new in clashes:
            sys.stderr.write(
                f"{defined[old]}: both {old} and {new} are records; merge them by hand "
                "(keep one, move the other's evidence onto it), then run again\n"
            )
        return 1
    changed = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        if KEEP_MARKER in text:
            continue  # a file that names old ids on purpose (tests of the renames themselves)
        new_text = rename_yaml(text, mapping)[0] if path.suffix in (".yaml", ".yml") else rename_python(text, mapping)
        if new_text != text:
            path.write_text(new_text, encoding="utf-8")
            changed += 1
            sys.stdout.write(f"rewrote {path}\n")
    sys.stdout.write(f"{len(mapping)} renames; {changed} file(s) changed\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
