"""The one store interface. Everything outside `graph/` talks to a database through it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from eucan.graph.loads import GraphChanges, LoadInfo, Manifest, Staged
from eucan.ontology.mapping import GraphRows

__all__ = ["GraphStore", "LoadInfo", "Progress", "QueryResult", "Staged", "StagedStore", "Staging"]

Progress = Callable[[int, int], None]
"""Called with (rows written so far, total rows)."""


@dataclass
class QueryResult:
    """Columns and rows of a query, values already plain JSON-able Python."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False
    stats: dict[str, Any] = field(default_factory=dict)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


@runtime_checkable
class GraphStore(Protocol):
    """A property-graph engine that runs openCypher (FalkorDB embedded, or Neo4j 5)."""

    backend: str

    def run(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        read_only: bool = True,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> QueryResult:
        """Run Cypher with bound parameters. Read-only by default: writes are refused."""
        ...

    def search(self, text: str, *, limit: int) -> list[tuple[str, float]]:
        """(id, score) of the records whose search properties hold every word of `text`, best first.

        Through the engine's own full-text index (see `graph/fulltext.py`); the text is folded and cut
        into plain words here, so no input can reach the engine's query syntax.
        """
        ...

    def replace_graph(
        self,
        graph: GraphRows,
        *,
        batch_size: int = 1000,
        progress: Progress | None = None,
        manifest: Manifest | None = None,
    ) -> LoadInfo:
        """Replace the whole graph atomically: readers see the old graph or the new one, never a mix.
        Holds the exclusive load lock (`LoadInProgress` if another load keeps it past the timeout)
        and writes the `LoadInfo` it returns (counts and content hash from `manifest` when the caller
        has computed it, else from `graph`). `graph` is a `PropertyGraph`, or rows made while they are
        written (`loaders.rows.StreamedRows`, then with the `manifest` they fill: `loads.write_plan`)."""
        ...

    def update_graph(
        self,
        changes: GraphChanges,
        manifest: Manifest,
        *,
        expected_token: str,
        batch_size: int = 1000,
        progress: Progress | None = None,
    ) -> LoadInfo:
        """Apply an incremental load atomically: readers see the old graph or the new one. `changes`
        were computed against the graph of load `expected_token`; if another load's graph is live,
        raise `StaleGraph` and write nothing. `manifest` describes the graph after the changes (its
        counts and content hash go into the `LoadInfo`). Holds the load lock like `replace_graph`."""
        ...

    def load_generation(self) -> LoadInfo | None:
        """The `LoadInfo` of the load that wrote the live graph (None before the first load)."""
        ...

    def ping(self) -> bool:
        """True when the engine answers."""
        ...

    def probe(self, timeout_ms: int) -> float:
        """Run a trivial graph query within `timeout_ms` (socket included); its time in ms. Raises
        `StoreUnavailable` or `QueryTimeout` when the engine cannot answer (down, saturated, stopped)."""
        ...

    def close(self) -> None:
        """Release connections (and stop an embedded engine this process started)."""
        ...

    def __enter__(self) -> GraphStore: ...

    def __exit__(self, *exc: object) -> None: ...


@runtime_checkable
class Staging(Protocol):
    """A new staging graph of a full load, named by the load's `token`. Picklable: `write` may run in
    another process than the one that made it (a large load's child, `loaders.apart`), connecting to the
    same engine on its own."""

    @property
    def token(self) -> str:
        """The load's token (its `LoadInfo.token` once switched in)."""
        ...

    def write(
        self,
        graph: GraphRows,
        *,
        batch_size: int = 1000,
        progress: Progress | None = None,
        manifest: Manifest | None = None,
    ) -> Staged:
        """Write every row into the staging graph (as `replace_graph` does, before its indexes, `LoadInfo`
        and switch); what it was written with."""
        ...


@runtime_checkable
class StagedStore(Protocol):
    """A store whose full load can be written in two steps, so that the rows can be made and written by
    another process (the embedded FalkorDB store; the Neo4j store writes in the loading process, with
    `replace_graph`). `replace_graph` is these two steps in one process."""

    def staging(self) -> AbstractContextManager[Staging]:
        """Hold the load lock, drop orphan staging graphs and give a new one; it is dropped on leaving
        unless `switch_in` made it the live graph."""
        ...

    def switch_in(self, staging: Staging, staged: Staged) -> LoadInfo:
        """Build the written staging graph's indexes, write its `LoadInfo` and switch it in atomically
        (readers see the old graph or the new one)."""
        ...
