"""Give every untagged quote its `lang:`: `python -m tools.tag_languages [PATHS...]` (default `data/`).

Quotes became required to carry `lang` (December 2026). Before that an untagged quote counted as
English, and `eucan validate` already refused untagged quotes that confidently read as another
language; so this tool writes what the data meant: `lang: en`, or `lang: zxx` ("no linguistic
content") for a quote without a letter (a bare date). It inserts the line after the item's
`source:` line; idempotent (tagged quotes are left alone). Review quotes in other languages by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path

from eucan.loaders.yaml_source import discover, read_file

__all__ = ["main", "tag_file"]


def tag_file(path: Path) -> int:
    """Tag the untagged quotes of one file; the number tagged."""
    raws, _ = read_file(path, str(path))
    lines = path.read_text(encoding="utf-8").split("\n")
    inserts: list[tuple[int, str]] = []
    for raw in raws:
        for index, item in enumerate(raw.data.get("evidence") or []):
            if isinstance(item, dict) and "lang" not in item and isinstance(item.get("quote"), str):
                line = raw.nested_line("evidence", index, "source")
                column = lines[line - 1].find("source:")
                if column < 0 or "{" in lines[line - 1]:  # flow style (`{source: …}`): tag it by hand
                    sys.stderr.write(f"{path}:{line}: quote in flow style left untagged; add `lang:` by hand\n")
                    continue
                lang = "en" if any(c.isalpha() for c in item["quote"]) else "zxx"
                inserts.append((line, " " * column + f"lang: {lang}"))
    for line, text in sorted(set(inserts), reverse=True):  # an aliased list (`*name`) is one text
        lines.insert(line, text)
    if inserts:
        path.write_text("\n".join(lines), encoding="utf-8")
    return len(inserts)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    total = sum(tag_file(path) for path in discover([Path(a) for a in args] or [Path("data")]))
    sys.stdout.write(f"{total} quote(s) tagged\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
