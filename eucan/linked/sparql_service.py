"""A read-only SPARQL 1.1 endpoint over the graph's RDF export, kept in step with the graph.

The graph is exported to N-Triples (`rdf_export`) and loaded into pyoxigraph stores that live
in worker processes. A query runs in a worker; when it runs past the time limit the worker is
killed (a thread could not be stopped, and a runaway query would keep a core busy) and a
fresh one takes its place. Results are capped at `row_cap` rows or triples; a capped answer
says so in the `X-Eucan-Truncated` header. SPARQL Update is refused before anything runs;
`sparql_guard` bounds the query's size and nesting first, and refuses `SERVICE` from the parsed
query inside the worker, whose network is cut off where the system allows it.

The parts: `sparql_negotiation` (media types and the Accept header), `sparql_guard` (what a query
must pass), `sparql_limits` (a worker's memory and time), `sparql_worker` (the worker process and
its handle), `sparql_results` (a query answered in the worker). This module keeps the pool of
workers and the store in step with the graph.

Workers: `workers` are kept ready; when all are busy a new one starts, up to `max_workers`, so
a quick query does not wait behind slow ones; extra workers stop when they go idle. A worker
that dies while answering is replaced and the query gets a clear error (it is not retried).

Memory: each worker's address space is capped (`memory_mb`; 0, the default, sizes it from the
graph), so a runaway query fails instead of taking the machine's memory (`sparql_limits`).

Keeping in step: before a query the service compares the graph's fingerprint (node and
relationship counts, plus the marker file that `eucan load` writes in the data folder) with
the one it exported, at most every `check_interval_s`, and rebuilds when it changed.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eucan.errors import QuerySyntaxError, QueryTimeout, ReadOnlyViolation, StoreUnavailable
from eucan.graph.store import GraphStore
from eucan.linked.saved_rdf import LOAD_MARKER  # defined there: `eucan export` does not import this module
from eucan.linked.sparql_guard import check_query
from eucan.linked.sparql_limits import LOAD_SECONDS_PER_TRIPLE, worker_memory_mb
from eucan.linked.sparql_negotiation import RESULT_MEDIA_TYPES, acceptable, negotiate, not_acceptable
from eucan.linked.sparql_worker import Worker

__all__ = [
    "LOAD_MARKER",
    "RESULT_MEDIA_TYPES",
    "SparqlResult",
    "SparqlService",
    "acceptable",
    "check_query",
    "mark_loaded",
    "negotiate",
    "not_acceptable",
    "worker_memory_mb",
]


def mark_loaded(data_dir: Path) -> None:
    """Record that a load happened (read by running servers to rebuild their SPARQL store)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / LOAD_MARKER).write_text(uuid.uuid4().hex, encoding="utf-8")


@dataclass
class SparqlResult:
    content: bytes
    media_type: str
    form: str
    count: int
    truncated: bool


def _result(reply: tuple[Any, ...], accept: str | None) -> SparqlResult:
    """A worker's reply as a result, or the error it reports."""
    if reply[0] == "not acceptable":
        raise not_acceptable(accept, list(reply[1]))
    if reply[0] == "refused":
        raise ReadOnlyViolation(reply[1])
    if reply[0] == "syntax":
        raise QuerySyntaxError(f"the SPARQL query could not be parsed: {reply[1]}")
    if reply[0] == "error":
        raise QuerySyntaxError(f"the SPARQL query failed: {reply[1]}")
    _, body, media, form, count, truncated = reply
    return SparqlResult(content=body, media_type=media, form=form, count=count, truncated=truncated)


@dataclass
class _Built:
    fingerprint: tuple[Any, ...]
    dump: Path
    generation: int
    stats: Any = None
    built_at: float = field(default_factory=time.time)

    @property
    def triples(self) -> int:
        """The triples of the dump: the data's, one `void:inDataset` per resource, and the description."""
        return int(self.stats.triples + self.stats.entities + 16) if self.stats is not None else 0


class SparqlService:
    """The SPARQL store of one process: built from the graph on first use, rebuilt when it changes."""

    def __init__(
        self,
        *,
        store: GraphStore,
        work_dir: Path | None = None,
        marker_dir: Path | None = None,
        timeout_ms: int = 10_000,
        row_cap: int = 10_000,
        workers: int = 2,
        max_workers: int | None = None,
        check_interval_s: float = 2.0,
        max_length: int = 20_000,
        max_nesting: int = 128,
        memory_mb: int = 0,
    ) -> None:
        self.store = store
        self._own_dir = work_dir is None
        self.work_dir = work_dir or Path(tempfile.mkdtemp(prefix="eucan-sparql-"))
        self.work_dir.mkdir(parents=True, exist_ok=True)
        self.marker_dir = marker_dir
        self.timeout_ms = timeout_ms
        self.row_cap = row_cap
        self.check_interval_s = check_interval_s
        self.max_length = max_length
        self.max_nesting = max_nesting
        self.memory_mb = memory_mb  # 0: sized from the graph (`worker_memory_mb`)
        self.keep_workers = max(1, workers)
        self.max_workers = max(self.keep_workers, max_workers or self.keep_workers)
        self._idle: list[Worker] = []
        self._out = 0  # workers handed out (or being started)
        self._pool = threading.Condition()
        self._lock = threading.Lock()
        self._stats_lock = threading.Lock()
        self._built: _Built | None = None
        self._checked_at = 0.0
        self._closed = False

    # -- keeping in step ---------------------------------------------------------------
    def _marker(self) -> str:
        if self.marker_dir is None:
            return ""
        try:
            return (self.marker_dir / LOAD_MARKER).read_text(encoding="utf-8").strip()
        except OSError:
            return ""

    def fingerprint(self) -> tuple[Any, ...]:
        from eucan.linked.export import graph_fingerprint

        return (*graph_fingerprint(store=self.store), self._marker())

    def refresh(self, *, force: bool = False) -> bool:
        """Rebuild the SPARQL store if the graph changed (or when forced). True if it rebuilt."""
        with self._lock:
            now = time.monotonic()
            if not force and self._built is not None and now - self._checked_at < self.check_interval_s:
                return False
            self._checked_at = now
            current = self.fingerprint()
            if not force and self._built is not None and self._built.fingerprint == current:
                return False
            self._rebuild(current)
            return True

    def _rebuild(self, fingerprint: tuple[Any, ...]) -> None:
        from eucan.linked.export import ExportStats, export

        generation = (self._built.generation + 1) if self._built else 1
        dump = self.work_dir / f"graph-{generation}.nt"
        partial = dump.with_suffix(".partial")
        with partial.open("wb") as handle:
            stats: ExportStats = export(store=self.store, output=handle, fmt="nt")
        partial.replace(dump)
        self._built = _Built(fingerprint=fingerprint, dump=dump, generation=generation, stats=stats)
        # Keep the previous dump: a query that started before this rebuild may still start a worker on it.
        (self.work_dir / f"graph-{generation - 2}.nt").unlink(missing_ok=True)

    @property
    def stats(self) -> Any:
        """`ExportStats` of the RDF the endpoint serves (after a refresh). An export from the load's
        saved RDF brings its counts but not the distinct objects and dates: those are counted from
        the dump the first time they are asked for (VoID, DCAT), not at every start."""
        self.refresh()
        built = self._built
        assert built is not None
        if not built.stats.objects_counted:
            from eucan.linked.saved_rdf import stats_of_dump

            with self._stats_lock:  # not the rebuild lock: queries go on while this counts
                if not built.stats.objects_counted:
                    built.stats = stats_of_dump(built.dump)
        return built.stats

    # -- queries -----------------------------------------------------------------------
    def _acquire(self, deadline: float) -> Worker | None:
        """An idle worker, or None when the caller may start a new one (below `max_workers`)."""
        with self._pool:
            while True:
                if self._idle:
                    self._out += 1
                    return self._idle.pop()
                if self._out < self.max_workers:
                    self._out += 1
                    return None
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._closed:
                    raise QueryTimeout(
                        f"the SPARQL endpoint is busy with {self._out} other queries (setting "
                        "EUCAN_SPARQL_MAX_WORKERS); try again shortly"
                    )
                self._pool.wait(remaining)

    def _release(self, worker: Worker | None) -> None:
        surplus = None
        with self._pool:
            self._out -= 1
            if worker is not None:
                if not self._closed and len(self._idle) < self.keep_workers:
                    self._idle.append(worker)
                else:
                    surplus = worker
            self._pool.notify()
        if surplus is not None:
            surplus.stop()

    @property
    def network_isolated(self) -> bool | None:
        """Whether the ready workers run without network (None before any has started)."""
        with self._pool:
            return all(w.isolated for w in self._idle) if self._idle else None

    @property
    def workers_running(self) -> int:
        """Worker processes alive now (idle and busy)."""
        with self._pool:
            return len(self._idle) + self._out

    def query(self, text: str, *, accept: str | None = None, base_iri: str | None = None) -> SparqlResult:
        """Run a read-only SPARQL query; answer in the negotiated media type (`NotAcceptable` when
        Accept takes none of the types offered for the query's form). Relative IRIs in the query
        resolve against `base_iri` (a `BASE` in the query wins)."""
        if self._closed:
            raise StoreUnavailable("the SPARQL service is closed")
        check_query(text, max_length=self.max_length, max_nesting=self.max_nesting)
        self.refresh()
        built = self._built
        assert built is not None
        timeout_s = self.timeout_ms / 1000
        deadline = time.monotonic() + timeout_s
        worker = self._acquire(deadline)
        try:
            if worker is None or worker.generation != built.generation:
                if worker is not None:
                    worker.stop()
                worker = None
                triples = built.triples
                worker = Worker(
                    built.dump,
                    built.generation,
                    start_timeout_s=max(60.0, timeout_s, triples * LOAD_SECONDS_PER_TRIPLE),
                    memory_mb=self.memory_mb or worker_memory_mb(triples),
                    triples=triples,
                )
            # The time limit covers the query in the worker (the SERVICE check, parsing, evaluation,
            # serialising); waiting for a free worker is bounded by the same limit, separately.
            reply = worker.ask((text, accept, self.row_cap, base_iri), timeout_s)
        except (QueryTimeout, StoreUnavailable, QuerySyntaxError):
            worker = None  # stopped by `ask` (or never started)
            raise
        finally:
            self._release(worker)
        return _result(reply, accept)

    async def aquery(self, text: str, *, accept: str | None = None, base_iri: str | None = None) -> SparqlResult:
        """`query` for an event loop (the HTTP endpoint). When a worker of the current store is ready
        and the graph was checked within `check_interval_s`, the reply is awaited on the loop: no thread
        hop, which costs a busy machine milliseconds per hop. Otherwise `query` runs in a thread."""
        if self._closed:
            raise StoreUnavailable("the SPARQL service is closed")
        check_query(text, max_length=self.max_length, max_nesting=self.max_nesting)
        built = self._built
        worker = None
        if built is not None and time.monotonic() - self._checked_at < self.check_interval_s:
            with self._pool:
                if self._idle and self._idle[-1].generation == built.generation:
                    self._out += 1
                    worker = self._idle.pop()
        if worker is None:
            return await asyncio.to_thread(self.query, text, accept=accept, base_iri=base_iri)
        try:
            reply = await worker.ask_async((text, accept, self.row_cap, base_iri), self.timeout_ms / 1000)
        except BaseException:
            worker = None  # stopped by `ask_async`
            raise
        finally:
            self._release(worker)
        return _result(reply, accept)

    def close(self) -> None:
        self._closed = True
        with self._pool:
            idle, self._idle = self._idle, []
            self._pool.notify_all()
        for worker in idle:
            worker.stop()
        if self._own_dir:
            shutil.rmtree(self.work_dir, ignore_errors=True)

    def __enter__(self) -> SparqlService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
