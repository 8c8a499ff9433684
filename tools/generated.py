"""Write a generated document, or check that the committed one is current (`--check`)."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["write_or_check"]


def write_or_check(path: Path, text: str, *, check: bool, generator: str, summary: str = "") -> int:
    """Exit status: with `check`, 1 when `path` differs from `text`; otherwise write it and return 0."""
    if check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            sys.stderr.write(f"{path} is stale; run: {generator}\n")
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    sys.stderr.write(f"wrote {path}{summary}\n")
    return 0
