"""The catalog of named Cypher queries: one `.cypher` file per query, with a documented header.

Header lines (comments at the top of the file)::

    // @title Partners of an actor
    // @description Who an actor cooperates with, through which instruments.
    // @param actor string canada  The actor's id (e.g. canada, eu, germany).
    // @param as_of? date 2024-01-01  Only what held on that day (YYYY-MM-DD).
    // @param ids string[] sdp-2025,eu-canada-fpa  Record ids (a list; comma-separated on the command line).
    // @returns partner, partner_name, instruments
    // @example canada shares sdp-2025 with eu

`@param` gives name, type, example value and a description. Types: `string`, `int`, `float`,
`date`, `bool`, and a list of any of them written `type[]`. A name ending in `?` marks an
optional parameter: it may be omitted and is then bound to null.

Per-engine variants: where Neo4j needs a different text than FalkorDB (e.g. the export pages by
`id()`, which Neo4j 5 deprecates, while FalkorDB has no `elementId()`), a file `name.neo4j.cypher` beside
`name.cypher` holds the Neo4j text (its own comment lines are ignored: the header of `name.cypher`
documents both). `get_query(name, backend=store.backend)` returns the query with that engine's
text; `name.cypher` is the text of every other engine. Both texts are checked by Neo4j's own Cypher
front end (tools/cypher_lint.py, docs/neo4j.md).

Three folders hold queries: the researchers' catalog (this folder), the internal queries the
API, the exporter and the tools run (`internal/`, not listed to researchers), and an optional
folder of the user's own named queries (`EUCAN_QUERIES_DIR`), listed beside the catalog.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from eucan.echo import clip
from eucan.errors import QueryNotFound, QueryParameterError

__all__ = [
    "CATALOG_DIR",
    "INTERNAL_DIR",
    "NamedQuery",
    "Parameter",
    "bind",
    "get_query",
    "list_queries",
    "use_user_queries",
]

CATALOG_DIR = Path(__file__).resolve().parent
INTERNAL_DIR = CATALOG_DIR / "internal"
_TYPES = ("string", "int", "date", "bool", "float")
BACKENDS = ("neo4j",)
"""Engines that may have their own variant of a query (`name.<backend>.cypher`)."""
_user_dirs: list[Path] = []


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str  # a scalar type, or `type[]` for a list
    example: str
    description: str
    optional: bool = False

    @property
    def is_list(self) -> bool:
        return self.type.endswith("[]")

    @property
    def item_type(self) -> str:
        return self.type.removesuffix("[]")

    def describe(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "example": self.example,
            "optional": self.optional,
            "description": self.description,
        }


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
    variants: tuple[tuple[str, str], ...] = ()
    """(backend, text) of the engines that run a text of their own (`name.<backend>.cypher`)."""

    def text_for(self, backend: str | None) -> str:
        """The text that `backend` runs: its variant if it has one, else the common text."""
        return dict(self.variants).get(backend or "", self.text)

    def for_backend(self, backend: str | None) -> NamedQuery:
        """This query with `backend`'s text as its `text`."""
        return replace(self, text=self.text_for(backend))

    def example_params(self) -> dict[str, Any]:
        return bind(self, {p.name: p.example for p in self.parameters if not p.optional})

    def describe(self) -> dict[str, Any]:
        """What `eucan queries` and `GET /api/v1/queries` show of a query."""
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "parameters": [p.describe() for p in self.parameters],
            "returns": list(self.returns),
            "example": " ".join(self.examples),
        }


def _parse(path: Path, *, internal: bool = False) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, list[str]] = {}
    for line in text.splitlines():
        match = re.match(r"^//\s*@(\w+)\s*(.*)$", line)
        if match:
            meta.setdefault(match.group(1), []).append(match.group(2).strip())
    params = []
    for spec in meta.get("param", []):
        parts = spec.split(None, 3)
        if len(parts) < 3 or parts[1].removesuffix("[]") not in _TYPES or not re.fullmatch(r"\w+\??", parts[0]):
            raise ValueError(
                f"{path}: bad @param line {spec!r}; write: @param name[?] type[[]] example description "
                f"(types: {', '.join(_TYPES)})"
            )
        name, optional = parts[0].removesuffix("?"), parts[0].endswith("?")
        params.append(Parameter(name, parts[1], parts[2], parts[3] if len(parts) > 3 else "", optional))
    body = _body(text)
    return NamedQuery(
        name=path.stem,
        title=" ".join(meta.get("title", [path.stem])),
        description=" ".join(meta.get("description", [])),
        parameters=tuple(params),
        returns=tuple(c.strip() for c in " ".join(meta.get("returns", [])).split(",") if c.strip()),
        text=body,
        internal=internal,
        examples=tuple(meta.get("example", [])),
    )


def _body(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")).strip()


def _folder(folder: Path, *, internal: bool = False) -> dict[str, NamedQuery]:
    """The queries of one folder, each with its per-engine variants (`name.<backend>.cypher`)."""
    paths = sorted(folder.glob("*.cypher"))
    queries = {path.stem: _parse(path, internal=internal) for path in paths if "." not in path.stem}
    for path in paths:
        if "." not in path.stem:
            continue
        base, _, backend = path.stem.partition(".")
        if backend not in BACKENDS or base not in queries:
            raise ValueError(
                f"{path}: a variant file is named <query>.<backend>.cypher, with a query {base}.cypher beside it "
                f"and a backend among {', '.join(BACKENDS)}"
            )
        variant = (backend, _body(path.read_text(encoding="utf-8")))
        queries[base] = replace(queries[base], variants=(*queries[base].variants, variant))
    return queries


def use_user_queries(folder: Path | None) -> None:
    """Also list the named queries in `folder` (the `EUCAN_QUERIES_DIR` setting) beside the catalog."""
    _user_dirs[:] = [folder] if folder else []
    _load_all.cache_clear()


@lru_cache(maxsize=1)
def _load_all() -> dict[str, NamedQuery]:
    queries = _folder(CATALOG_DIR)
    for folder in _user_dirs:
        for name, query in _folder(folder).items():
            if name in queries:
                raise ValueError(f"{folder / name}.cypher: a catalog query is already named {name!r}; rename the file")
            queries[name] = query
    queries.update(_folder(INTERNAL_DIR, internal=True))
    return queries


def list_queries(*, include_internal: bool = False) -> list[NamedQuery]:
    return [q for q in _load_all().values() if include_internal or not q.internal]


def get_query(name: str, *, backend: str | None = None) -> NamedQuery:
    """The named query; with `backend` (a store's `backend`), its `text` is the one that engine runs."""
    queries = _load_all()
    if name not in queries:
        import difflib

        close = difflib.get_close_matches(name, list(queries), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise QueryNotFound(f"no catalog query named {clip(name)}{hint}; run `eucan queries` to list them")
    return queries[name].for_backend(backend) if backend else queries[name]


def _convert(param: Parameter, raw: Any) -> Any:
    if raw is None:
        return None
    if param.is_list:
        items = raw if isinstance(raw, (list, tuple)) else [x for x in str(raw).split(",") if x.strip()]
        return [_convert_one(param, item.strip() if isinstance(item, str) else item) for item in items]
    return _convert_one(param, raw)


def _convert_one(param: Parameter, raw: Any) -> Any:
    kind = param.item_type
    try:
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "bool":
            if isinstance(raw, bool):
                return raw
            if str(raw).lower() in ("true", "1", "yes"):
                return True
            if str(raw).lower() in ("false", "0", "no"):
                return False
            raise ValueError(raw)
        if kind == "date":
            return dt.date.fromisoformat(str(raw)).isoformat()
    except ValueError:
        accepted = {"int": "a whole number", "float": "a number", "bool": "true or false", "date": "a date YYYY-MM-DD"}
        raise QueryParameterError(f"parameter {param.name}={clip(raw)} must be {accepted[kind]}") from None
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
