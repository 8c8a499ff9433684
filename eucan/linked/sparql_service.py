"""A read-only SPARQL 1.1 endpoint over the graph's RDF export, kept in step with the graph.

The graph is exported to N-Triples (`rdf_export`) and loaded into pyoxigraph stores that live
in worker processes. A query runs in a worker; when it runs past the time limit the worker is
killed (a thread could not be stopped, and a runaway query would keep a core busy) and a
fresh one takes its place. Results are capped at `row_cap` rows or triples; a capped answer
says so in the `X-Eucan-Truncated` header. SPARQL Update is refused before anything runs;
`sparql_guard` bounds the query's size and nesting first, and refuses `SERVICE` from the parsed
query inside the worker, whose network is cut off where the system allows it.

Workers: `workers` are kept ready; when all are busy a new one starts, up to `max_workers`, so
a quick query does not wait behind slow ones; extra workers stop when they go idle. A worker
that dies while answering is replaced and the query gets a clear error (it is not retried).

Memory: each worker's address space is capped (`memory_mb`), so a runaway query fails instead of
taking the machine's memory. The store itself needs about 400 bytes of address space per triple
(measured: 1.9 M triples reach 0.95 GB), so by default (`memory_mb=0`) the cap is sized from the
graph: `worker_memory_mb` (1024 MB for queries plus 512 bytes per triple), and so is the time a
worker may take to load it. A worker that cannot load the graph under a fixed cap says which setting
to raise (`EUCAN_SPARQL_WORKER_MEMORY_MB`) and by how much.

Keeping in step: before a query the service compares the graph's fingerprint (node and
relationship counts, plus the marker file that `eucan load` writes in the data folder) with
the one it exported, at most every `check_interval_s`, and rebuilds when it changed.
"""

from __future__ import annotations

import asyncio
import pickle
import re
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from eucan.echo import clip
from eucan.errors import NotAcceptable, QuerySyntaxError, QueryTimeout, ReadOnlyViolation, StoreUnavailable
from eucan.graph.store import GraphStore
from eucan.linked.saved_rdf import LOAD_MARKER  # defined there: `eucan export` does not import this module
from eucan.linked.sparql_guard import check_size, isolate_network, refuse_service

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


# Media types by query form, the first one being the default.
RESULT_MEDIA_TYPES: dict[str, list[str]] = {
    "solutions": [
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
        "application/json",
    ],
    "boolean": ["application/sparql-results+json", "application/sparql-results+xml", "application/json"],
    "graph": ["text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"],
}

_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)
_LEXICAL = re.compile(
    r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|<[^<>\s]*>|#[^\n]*", re.DOTALL
)


def check_query(text: str, *, max_length: int = 20_000, max_nesting: int = 128) -> None:
    """Refuse empty, too long or too deeply nested queries and SPARQL Update, before any work.
    (SERVICE is refused from the parsed query, in the worker: `sparql_guard.refuse_service`.)"""
    check_size(text, max_length=max_length, max_nesting=max_nesting)
    if not text.strip():
        raise QuerySyntaxError("the query is empty; send a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    if _UPDATE.match(_LEXICAL.sub(lambda m: " " if m.group(0).startswith("#") else m.group(0), text)):
        raise ReadOnlyViolation(
            "SPARQL Update is not allowed: this endpoint is read-only (SELECT, ASK, CONSTRUCT, DESCRIBE)"
        )


def acceptable(accept: str | None, offered: list[str]) -> str | None:
    """The offered media type the Accept header ranks highest (q-values honoured; the first offered
    type when there is no Accept header), or None when it accepts none of them (406)."""
    if not accept or not accept.strip():
        return offered[0]
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        q = 1.0
        for param in pieces[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, position, media))
    for neg_q, _, media in sorted(ranked):
        if neg_q == 0:
            break
        if media in offered:
            return media
        if media == "*/*" or (media.endswith("/*") and media.count("/") == 1):
            prefix = media.split("/")[0]
            for candidate in offered:
                if media == "*/*" or candidate.startswith(prefix + "/"):
                    return candidate
    return None


def negotiate(accept: str | None, form: str | list[str]) -> str:
    """The media type to answer with, from an Accept header (q-values honoured); the first
    offered type when nothing acceptable is offered. `form` is a query form or a list of types."""
    offered = RESULT_MEDIA_TYPES[form] if isinstance(form, str) else form
    return acceptable(accept, offered) or offered[0]


def not_acceptable(accept: str | None, offered: list[str]) -> NotAcceptable:
    """The 406 error for an Accept header that takes none of `offered`."""
    return NotAcceptable(
        f"none of the media types offered here matches Accept: {clip(accept or '')}; offered: {', '.join(offered)}"
    )


QUERY_MEMORY_MB = 1024
"""Address space a worker has for queries beyond its store, when its cap is sized from the graph."""
STORE_BYTES_PER_TRIPLE = 512
"""Address space a worker's store is given per triple (about 400 measured, with room to spare)."""
LOAD_SECONDS_PER_TRIPLE = 30e-6
"""Time a worker is given to load each triple (about 9 µs measured on 2 busy cores)."""


def worker_memory_mb(triples: int) -> int:
    """The address-space cap of a worker holding `triples` triples, when sized from the graph."""
    return QUERY_MEMORY_MB + -(-triples * STORE_BYTES_PER_TRIPLE // (1 << 20))


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


# --- the worker process ---------------------------------------------------------------------


_BNODE = "urn:eucan:bnode"


def _sparql_term(term: Any) -> str:
    """A term in SPARQL syntax for a VALUES row (blank nodes travel as typed literals, see `_solutions`)."""
    if term is None:
        return "UNDEF"
    if type(term).__name__ == "BlankNode":
        return f'"{term.value}"^^<{_BNODE}>'
    return f"{term}"


_JSON_RESULTS = ("application/sparql-results+json", "application/json")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class _NotPlain(Exception):
    """A term the JSON writer leaves to pyoxigraph (a literal with a base direction)."""


def _json_term(term: Any) -> dict[str, Any]:
    """One RDF term as SPARQL 1.1 JSON results write it (as pyoxigraph's serializer does, key for key)."""
    from pyoxigraph import BlankNode, Literal, NamedNode, Triple

    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, Literal):
        if getattr(term, "direction", None):
            raise _NotPlain
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _json_term(term.subject),
                "predicate": _json_term(term.predicate),
                "object": _json_term(term.object),
            },
        }
    raise _NotPlain


def _json_solutions(names: list[str], rows: list[list[Any]]) -> bytes:
    import json

    bindings = [
        {name: _json_term(term) for name, term in zip(names, row, strict=True) if term is not None} for row in rows
    ]
    return json.dumps(
        {"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def _solutions(result: Any, media: str, cap: int) -> tuple[bytes, int, bool]:
    """At most `cap` solutions (a `QuerySolutions` cannot be cut short). SPARQL JSON, the default, is
    written here from the kept rows; other formats by pyoxigraph's own results serializer, the kept
    rows replayed through a VALUES table on an empty store."""
    from pyoxigraph import QueryResultsFormat, Store

    names = [v.value for v in result.variables]
    rows: list[list[Any]] = []
    truncated = False
    for solution in result:
        if len(rows) >= cap:
            truncated = True
            break
        rows.append(list(solution))
    if media in _JSON_RESULTS:
        try:
            return _json_solutions(names, rows), len(rows), truncated
        except _NotPlain:
            pass
    inner = [f"eucan_{i}" for i in range(len(names))]
    while set(inner) & set(names):
        inner = ["x" + n for n in inner]
    table = " ".join("(" + " ".join(_sparql_term(t) for t in row) + ")" for row in rows)
    binds = " ".join(
        f"BIND(IF(isLITERAL(?{i}) && DATATYPE(?{i}) = <{_BNODE}>, BNODE(STR(?{i})), ?{i}) AS ?{n})"
        for i, n in zip(inner, names, strict=True)
    )
    projection = " ".join(f"?{n}" for n in names) or "*"
    replay = f"SELECT {projection} WHERE {{ VALUES ({' '.join('?' + i for i in inner)}) {{ {table} }} {binds} }}"
    fmt = QueryResultsFormat.from_media_type(media) or QueryResultsFormat.JSON
    replayed: Any = Store().query(replay)
    body: bytes = replayed.serialize(format=fmt)
    return body, len(rows), truncated


def _boolean(value: bool, media: str) -> bytes:
    from pyoxigraph import QueryResultsFormat, Store

    fmt = QueryResultsFormat.from_media_type(media) or QueryResultsFormat.JSON
    answer: Any = Store().query("ASK {}" if value else "ASK { FILTER(false) }")
    body: bytes = answer.serialize(format=fmt)
    return body


def _graph(result: Any, media: str, cap: int) -> tuple[bytes, int, bool]:
    from pyoxigraph import RdfFormat, serialize

    from eucan.linked.export import PREFIXES

    triples: list[Any] = []
    truncated = False
    for triple in result:
        if len(triples) >= cap:
            truncated = True
            break
        triples.append(triple)
    fmt = RdfFormat.from_media_type(media)
    assert fmt is not None
    prefixes = PREFIXES if fmt in (RdfFormat.TURTLE, RdfFormat.RDF_XML, RdfFormat.JSON_LD) else None
    body = serialize(triples, None, fmt, prefixes=prefixes)
    assert body is not None
    return body, len(triples), truncated


def _send(stream: IO[bytes], message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack(">Q", len(data)) + data)
    stream.flush()


def _recv(stream: IO[bytes]) -> Any:
    header = stream.read(8)
    if len(header) < 8:
        raise EOFError
    (size,) = struct.unpack(">Q", header)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)  # noqa: S301 - only ever our own worker's replies


def _answer(store: Any, text: str, accept: str | None, cap: int, base_iri: str | None = None) -> tuple[Any, ...]:
    from pyoxigraph import QueryBoolean, QuerySolutions

    try:
        refuse_service(text)
    except ReadOnlyViolation as exc:
        return ("refused", str(exc))
    try:
        result = store.query(text, base_iri=base_iri)
        form = (
            "boolean"
            if isinstance(result, QueryBoolean)
            else "solutions"
            if isinstance(result, QuerySolutions)
            else "graph"
        )
        media = acceptable(accept, RESULT_MEDIA_TYPES[form])
        if media is None:
            return ("not acceptable", RESULT_MEDIA_TYPES[form])
        if isinstance(result, QueryBoolean):
            return ("ok", _boolean(bool(result), media), media, "boolean", 1, False)
        if isinstance(result, QuerySolutions):
            body, count, truncated = _solutions(result, media, cap)
            return ("ok", body, media, "solutions", count, truncated)
        body, count, truncated = _graph(result, media, cap)
        return ("ok", body, media, "graph", count, truncated)
    except SyntaxError as exc:
        return ("syntax", str(exc).splitlines()[0][:500])
    except MemoryError:
        return ("error", "the query needed more memory than a worker may use (setting EUCAN_SPARQL_WORKER_MEMORY_MB)")
    except Exception as exc:  # evaluation errors (e.g. a type error in a function) are the query's fault
        message = str(exc).splitlines()[0][:500] if str(exc) else ""
        return ("error", f"{type(exc).__name__}: {message}")


def _cap_memory(megabytes: int) -> None:
    """Cap this process's address space: a query that needs more fails (or ends the worker),
    instead of taking the machine's memory (a cross product with ORDER BY reaches GBs in seconds)."""
    try:
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on this system: the time limit still bounds it
        pass


def worker_main() -> None:
    """Entry point of a worker process: load the dump named in argv[1], answer queries on stdin/stdout;
    argv[2], when given, caps its memory in MB."""
    isolated = isolate_network()  # first, while the process has one thread
    if len(sys.argv) > 2 and int(sys.argv[2]) > 0:
        _cap_memory(int(sys.argv[2]))
    from pyoxigraph import RdfFormat, Store

    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    store = Store()
    store.bulk_load(path=sys.argv[1], format=RdfFormat.N_TRIPLES)
    _send(replies, ("ready", len(store), isolated))
    while True:
        try:
            text, accept, cap, base_iri = _recv(requests)
        except EOFError:
            return
        _send(replies, _answer(store, text, accept, cap, base_iri))


class _Worker:
    """One worker process holding a store loaded from one dump (a plain subprocess, so it
    works the same under uvicorn, pytest or a script without a `__main__` guard)."""

    def __init__(
        self, dump: Path, generation: int, start_timeout_s: float, memory_mb: int = 0, triples: int = 0
    ) -> None:
        self.generation = generation
        code = "from eucan.linked.sparql_service import worker_main; worker_main()"
        self.process = subprocess.Popen(
            [sys.executable, "-c", code, str(dump), str(memory_mb)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.requests: IO[bytes] = self.process.stdin
        self.replies: IO[bytes] = self.process.stdout
        if not self._ready(start_timeout_s):
            self.stop()
            raise StoreUnavailable(f"the SPARQL worker did not load the graph within {start_timeout_s:.0f} s")
        try:
            ready = _recv(self.replies)
        except EOFError:
            self.stop()
            raise StoreUnavailable(_load_failed(memory_mb, triples)) from None
        self.isolated = bool(ready[2])

    def _ready(self, timeout_s: float) -> bool:
        readable, _, _ = select.select([self.replies], [], [], timeout_s)
        return bool(readable)

    def ask(self, request: tuple[str, str | None, int, str | None], timeout_s: float) -> tuple[Any, ...]:
        self._request(request)
        if not self._ready(timeout_s):
            self._timed_out(timeout_s)
        return self._reply()

    async def ask_async(self, request: tuple[str, str | None, int, str | None], timeout_s: float) -> tuple[Any, ...]:
        """`ask` on an event loop: the reply is awaited without a thread (the worker is stopped if the
        caller is cancelled meanwhile, since its reply would otherwise greet the next query)."""
        try:
            self._request(request)
            loop = asyncio.get_running_loop()
            ready: asyncio.Future[None] = loop.create_future()
            fd = self.replies.fileno()

            def wake() -> None:
                if not ready.done():
                    ready.set_result(None)

            loop.add_reader(fd, wake)
            try:
                await asyncio.wait_for(ready, timeout_s)
            except asyncio.TimeoutError:
                self._timed_out(timeout_s)
            finally:
                loop.remove_reader(fd)
            return self._reply()
        except BaseException:
            self.stop()
            raise

    def _request(self, request: tuple[str, str | None, int, str | None]) -> None:
        try:
            _send(self.requests, request)
        except OSError:
            self.stop()
            raise StoreUnavailable("the SPARQL worker went away; try again") from None

    def _timed_out(self, timeout_s: float) -> None:
        self.stop()
        raise QueryTimeout(
            f"the SPARQL query ran past the time limit ({timeout_s:.3g} s) and was stopped; "
            "add a LIMIT or narrow the patterns"
        )

    def _reply(self) -> tuple[Any, ...]:
        try:
            reply: tuple[Any, ...] = _recv(self.replies)
        except EOFError:
            self.stop()
            raise QuerySyntaxError(
                "the SPARQL worker stopped while running this query (it was replaced): the query needed "
                "more memory than a worker may use (setting EUCAN_SPARQL_WORKER_MEMORY_MB) or is too "
                "deeply nested; narrow the patterns or add a LIMIT"
            ) from None
        return reply

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        for stream in (self.requests, self.replies):
            stream.close()


def _load_failed(memory_mb: int, triples: int) -> str:
    """Why a worker that died while loading the graph most likely did: its memory cap."""
    need = worker_memory_mb(triples)
    advice = (
        f"raise EUCAN_SPARQL_WORKER_MEMORY_MB to at least {need} (or set it to 0: sized from the graph)"
        if memory_mb < need
        else "the machine may be out of memory"
    )
    return (
        f"the SPARQL worker could not load the graph ({triples:,} triples) within its memory cap of "
        f"{memory_mb} MB (setting EUCAN_SPARQL_WORKER_MEMORY_MB); {advice}"
    )


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
        self._idle: list[_Worker] = []
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
    def _acquire(self, deadline: float) -> _Worker | None:
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

    def _release(self, worker: _Worker | None) -> None:
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
                worker = _Worker(
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
