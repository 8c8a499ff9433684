"""Excerpt IRIs retired with nothing to replace them: they answer 410 Gone, saying why.

An excerpt's IRI is the hash of its source id and its words. A corrected quote names the excerpts it
replaces (`replaces` on the evidence item, stored as `ecs:altId`: 301 to the new IRI); a quote removed
for good has no successor, so its IRI is listed in `retired-excerpts.yaml`, beside this module. The
table is read from the package, not from the graph: a retirement is a fact about the IRIs this
dataset has published, not a fact of the graph (no evidence, nothing to query), and it holds whatever
store the API is pointed at.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from eucan.echo import clip
from eucan.errors import ConfigError

__all__ = ["RETIRED_EXCERPTS", "RetiredExcerpt", "gone_message", "load_retired", "retired_excerpts"]

RETIRED_EXCERPTS = Path(__file__).with_name("retired-excerpts.yaml")
_EXCERPT_ID = re.compile(r"[0-9a-f]{16}")
_EXCERPT_PATH = re.compile(
    r"^/(?:id|page)/excerpt/([0-9a-f]{16})$|^/data/excerpt/([0-9a-f]{16})\.(?:ttl|jsonld|rdf|nt)$"
)
_FIELDS = ("id", "source", "quote", "reason", "retired")


@dataclass(frozen=True)
class RetiredExcerpt:
    id: str
    source: str
    quote: str
    reason: str
    retired: dt.date


def load_retired(path: Path) -> dict[str, RetiredExcerpt]:
    """The table at `path`, by excerpt id; a bad entry is a ConfigError naming the file, entry and fix."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the retired-excerpt table ({clip(str(exc))})") from None
    entries = doc.get("retired_excerpts") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: expected a list under `retired_excerpts:`")
    table: dict[str, RetiredExcerpt] = {}
    for n, entry in enumerate(entries, 1):
        where = f"{path}: retired_excerpts[{n}]"
        if not isinstance(entry, dict) or sorted(entry) != sorted(_FIELDS):
            raise ConfigError(f"{where}: give exactly the fields {', '.join(_FIELDS)}")
        values = {key: str(entry[key]).strip() for key in _FIELDS}
        if not _EXCERPT_ID.fullmatch(values["id"]):
            raise ConfigError(f"{where}: id {clip(values['id'])} is not an excerpt id; write the 16 hex digits")
        if values["id"] in table:
            raise ConfigError(f"{where}: id {values['id']} is listed twice; keep one entry")
        if not all(values[key] for key in _FIELDS):
            raise ConfigError(f"{where}: source, quote and reason must not be blank")
        try:
            retired = dt.date.fromisoformat(values["retired"])
        except ValueError:
            raise ConfigError(f"{where}: retired {clip(values['retired'])} is not a date; write YYYY-MM-DD") from None
        table[values["id"]] = RetiredExcerpt(
            values["id"], values["source"], values["quote"], " ".join(values["reason"].split()), retired
        )
    return table


@lru_cache(maxsize=1)
def retired_excerpts() -> dict[str, RetiredExcerpt]:
    """The shipped table (read once)."""
    return load_retired(RETIRED_EXCERPTS)


def gone_message(path: str) -> str | None:
    """Why the excerpt a URL path names (`/id/excerpt/<id>`, `/page/…`, `/data/….ttl`) was retired; None
    if the path names no retired excerpt."""
    match = _EXCERPT_PATH.match(path)
    found = retired_excerpts().get(match.group(1) or match.group(2)) if match else None
    if found is None:
        return None
    return (
        f"excerpt {found.id} (a quote from source {found.source}) was retired on {found.retired.isoformat()}"
        f" and nothing replaces it: {found.reason}"
    )
