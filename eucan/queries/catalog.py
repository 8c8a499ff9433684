"""The catalog of named Cypher queries: one `.cypher` file per query, with a documented header.

Header lines (comments at the top of the file)::

    // @title Partners of an actor
    // @description Who an actor cooperates with, through which instruments.
    // @param actor string canada  The actor's id (e.g. canada, eu, germany).
    // @param as_of date 2024-01-01  Optional: only what held on that day (YYYY-MM-DD).
    // @returns partner, partner_name, instruments
    // @example canada shares sdp-2025 with eu

`@param` gives name, type (string, int, date, bool), example value and a description; a
parameter whose description starts with "Optional" may be omitted (it is then bound to null).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from eucan.echo import clip
from eucan.errors import QueryNotFound, QueryParameterError

__all__ = ["CATALOG_DIR", "NamedQuery", "Parameter", "bind", "get_query", "list_queries"]

CATALOG_DIR = Path(__file__).resolve().parent
_TYPES = ("string", "int", "date", "bool", "float")


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    example: str
    description: str

    @property
    def optional(self) -> bool:
        return self.description.lower().startswith("optional")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    returns: tuple[str, ...]
    text: str
    internal: bool = False
    examples: tuple[str, ...] = field(default_factory=tuple)

    def example_params(self) -> dict[str, Any]:
        return bind(self, {p.name: p.example for p in self.parameters if not p.optional})


def _parse(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, list[str]] = {}
    for line in text.splitlines():
        match = re.match(r"^//\s*@(\w+)\s*(.*)$", line)
        if match:
            meta.setdefault(match.group(1), []).append(match.group(2).strip())
    params = []
    for spec in meta.get("param", []):
        parts = spec.split(None, 3)
        if len(parts) < 3 or parts[1] not in _TYPES:
            raise ValueError(f"{path.name}: bad @param line {spec!r}; write: @param name type example description")
        params.append(Parameter(parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else ""))
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")).strip()
    return NamedQuery(
        name=path.stem,
        title=" ".join(meta.get("title", [path.stem])),
        description=" ".join(meta.get("description", [])),
        parameters=tuple(params),
        returns=tuple(c.strip() for c in " ".join(meta.get("returns", [])).split(",") if c.strip()),
        text=body,
        internal="internal" in meta,
        examples=tuple(meta.get("example", [])),
    )


@lru_cache(maxsize=1)
def _load_all() -> dict[str, NamedQuery]:
    return {path.stem: _parse(path) for path in sorted(CATALOG_DIR.glob("*.cypher"))}


def list_queries(*, include_internal: bool = False) -> list[NamedQuery]:
    return [q for q in _load_all().values() if include_internal or not q.internal]


def get_query(name: str) -> NamedQuery:
    queries = _load_all()
    if name not in queries:
        import difflib

        close = difflib.get_close_matches(name, list(queries), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise QueryNotFound(f"no catalog query named {clip(name)}{hint}; run `eucan queries` to list them")
    return queries[name]


def _convert(param: Parameter, raw: Any) -> Any:
    if raw is None:
        return None
    try:
        if param.type == "int":
            return int(raw)
        if param.type == "float":
            return float(raw)
        if param.type == "bool":
            if isinstance(raw, bool):
                return raw
            if str(raw).lower() in ("true", "1", "yes"):
                return True
            if str(raw).lower() in ("false", "0", "no"):
                return False
            raise ValueError(raw)
        if param.type == "date":
            return dt.date.fromisoformat(str(raw)).isoformat()
    except ValueError:
        accepted = {"int": "a whole number", "float": "a number", "bool": "true or false", "date": "a date YYYY-MM-DD"}
        raise QueryParameterError(f"parameter {param.name}={clip(raw)} must be {accepted[param.type]}") from None
    return str(raw)


def bind(query: NamedQuery, given: dict[str, Any]) -> dict[str, Any]:
    """Check and convert parameters for a named query (missing optional ones become null)."""
    known = {p.name: p for p in query.parameters}
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise QueryParameterError(
            f"query {query.name!r} has no parameter {clip(unknown[0])}; its parameters: {', '.join(known) or 'none'}"
        )
    bound: dict[str, Any] = {}
    for name, param in known.items():
        if name not in given or given[name] in (None, ""):
            if not param.optional:
                raise QueryParameterError(
                    f"query {query.name!r} needs parameter {name!r} ({param.type}, e.g. {param.example}): {param.description}"
                )
            bound[name] = None
            continue
        bound[name] = _convert(param, given[name])
    return bound
