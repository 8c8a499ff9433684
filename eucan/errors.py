"""The project's one exception tree. Callers catch a family, never a driver's own error.

EucanError
├── ConfigError                 bad settings (environment, options)
├── SourceError                 curated files: bad YAML, unknown field or id, bad date, SHACL...
│                               (carries every problem as a `Problem` with file and line)
├── QueryError
│   ├── QueryNotFound           no catalog query of that name
│   ├── QueryParameterError     missing or malformed parameter
│   ├── ReadOnlyViolation       a query that would write, refused before it runs
│   ├── QueryTimeout            a query ran past its time limit
│   ├── QuerySyntaxError        the engine could not run the query text
│   │   └── QueryLimitExceeded  too long, nested too deep, or over the engine's memory or row limits
│   └── ProtocolError           a request the protocol refuses (SPARQL: two queries, dataset parameters)
│       ├── UnsupportedMediaType    a body of a media type or charset the route does not read (415)
│       └── NotAcceptable           no offered media type satisfies Accept (406)
├── NotFound                    an id that names nothing in the graph
└── StoreError
    ├── StoreUnavailable        the engine cannot be reached or started
    └── StoreBusy               another process owns the data folder and cannot be reached
        └── LoadInProgress      another load holds the load lock
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ConfigError",
    "EucanError",
    "LoadInProgress",
    "NotAcceptable",
    "NotFound",
    "Problem",
    "ProtocolError",
    "QueryError",
    "QueryLimitExceeded",
    "QueryNotFound",
    "QueryParameterError",
    "QuerySyntaxError",
    "QueryTimeout",
    "ReadOnlyViolation",
    "SourceError",
    "StoreBusy",
    "StoreError",
    "StoreUnavailable",
    "UnsupportedMediaType",
]


class EucanError(Exception):
    """Root of every error this project raises on purpose."""


class ConfigError(EucanError):
    """A setting is missing or has a value we cannot use."""


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a curated file, located by file and line."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class SourceError(EucanError):
    """The curated sources have problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        count = len(self.problems)
        summary = f"{count} problem{'s' if count != 1 else ''} in the curated sources; nothing was loaded"
        super().__init__("\n".join([*map(str, self.problems), summary]))


class QueryError(EucanError):
    """A query could not be run as asked."""


class QueryNotFound(QueryError):
    """No catalog query has that name."""


class QueryParameterError(QueryError):
    """A parameter is missing or malformed."""


class ReadOnlyViolation(QueryError):
    """The query would change the graph; only read-only queries are allowed here."""


class QueryTimeout(QueryError):
    """The query ran past its time limit and was stopped."""


class QuerySyntaxError(QueryError):
    """The engine rejected the query text."""


class QueryLimitExceeded(QuerySyntaxError):
    """The query is refused by a cost limit (text length, nesting depth, engine memory); the message
    names the limit and the setting that controls it."""


class ProtocolError(QueryError):
    """The request breaks the protocol it is made in (400)."""


class UnsupportedMediaType(ProtocolError):
    """The request body's media type or charset is not one the route reads (415)."""


class NotAcceptable(ProtocolError):
    """None of the media types the route offers is acceptable to the client (406)."""


class NotFound(EucanError):
    """An id that names nothing in the graph."""


class StoreError(EucanError):
    """The graph store failed."""


class StoreUnavailable(StoreError):
    """The graph engine cannot be reached or started."""


class StoreBusy(StoreError):
    """Another process owns the data folder."""


class LoadInProgress(StoreBusy):
    """Another load holds the exclusive load lock of this graph."""


class StaleGraph(StoreError):
    """An incremental load found another load's graph live than the one its changes were computed
    against; nothing was written (load in full)."""
