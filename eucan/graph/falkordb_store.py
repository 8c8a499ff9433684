"""The embedded default store: FalkorDB on a Unix socket, started by `falkordb_server`.

Every call is bounded: the text is checked for length and nesting before it is sent
(`readonly.check_cost`), the engine enforces the time limit, row cap and memory cap it was
started with, and the client's socket times out shortly after the query's own limit, so a
stuck engine cannot hold a request forever.
"""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import redis
from falkordb import FalkorDB
from redis.backoff import NoBackoff
from redis.retry import Retry

from eucan.errors import (
    EucanError,
    LoadInProgress,
    QueryLimitExceeded,
    QuerySyntaxError,
    QueryTimeout,
    ReadOnlyViolation,
    StaleGraph,
    StoreError,
    StoreUnavailable,
)
from eucan.graph.cypher import (
    DELETE_NODES,
    HEALTH_PROBE,
    LOAD_INFO_READ,
    LOAD_INFO_WRITE,
    in_place_update,
)
from eucan.graph.falkordb_decode import run_query
from eucan.graph.falkordb_server import EmbeddedServer, EngineLimits, start_or_attach
from eucan.graph.falkordb_write import write_new_graph, write_rows
from eucan.graph.fulltext import rank, redisearch_query
from eucan.graph.loads import GraphChanges, LoadInfo, Manifest, Staged, check_written, load_lock, write_plan
from eucan.graph.readonly import admit
from eucan.graph.schema import falkordb_schema
from eucan.graph.snapshot import write_stamp
from eucan.graph.store import GraphStore, Progress, QueryResult, Staging
from eucan.ontology.mapping import GraphRows

__all__ = ["FalkorDBStaging", "FalkorDBStore"]

SOCKET_MARGIN_S = 5.0
"""How long after a query's own time limit the client gives up on the socket."""
ADMIN_SOCKET_TIMEOUT_S = 600.0
"""Socket time limit of load and administration calls (index creation, RENAME, SAVE)."""
STAGING_INFIX = "__staging"
SEARCH = (
    "CALL db.idx.fulltext.queryNodes('Resource', $q) YIELD node, score "
    "RETURN node.id AS id, score ORDER BY score DESC, id LIMIT $limit"
)
LOAD_TOKEN_CHECK = "MATCH (l:LoadInfo) RETURN l.token"


INDEX_WAIT_S = 600.0
"""The longest a load waits for the engine to finish building the staging graph's indexes."""


def _await_indexes(graph: Any) -> None:
    """Until every index of `graph` is operational. FalkorDB builds an index in the background after
    `CREATE INDEX` (each new field of a label rebuilds that label's index), and a full-text query
    meanwhile finds nothing: on a busy machine a search right after a load answered no rows. Past
    INDEX_WAIT_S the load goes on (the index then only becomes usable later)."""
    deadline = time.monotonic() + INDEX_WAIT_S
    while time.monotonic() < deadline:
        states = graph.query("CALL db.indexes() YIELD status RETURN status").result_set
        if all(str(row[0]) == "OPERATIONAL" for row in states):
            return
        time.sleep(0.02)


def _translate(exc: Exception, query: str) -> Exception:
    text = str(exc)
    lowered = text.lower()
    if "timed out" in lowered or "timeout" in lowered:
        return QueryTimeout("the query ran past its time limit and was stopped; add a LIMIT or narrow the MATCH")
    if "mem consumption exceeded" in lowered:
        return QueryLimitExceeded(
            "the query needed more memory than one query may use in the engine (setting EUCAN_ENGINE_QUERY_MEMORY_MB) "
            "and was stopped; add a LIMIT, aggregate less (e.g. count instead of collect) or narrow the MATCH"
        )
    if "read-only" in lowered or "ro_query" in lowered:
        return ReadOnlyViolation("the engine refused a query that would write; only read-only queries are allowed")
    if isinstance(exc, redis.ConnectionError):
        return StoreUnavailable(f"the embedded FalkorDB engine is not reachable: {text}")
    return QuerySyntaxError(f"the engine could not run the query: {text}")


@dataclass(frozen=True)
class FalkorDBStaging:
    """A staging graph of the engine listening on `socket` (`graph.store.Staging`): `write` fills it from
    this process or another (it connects on its own), `FalkorDBStore.switch_in` then switches it in."""

    socket: str
    name: str
    token: str
    timeout_ms: int

    def write(
        self,
        graph: GraphRows,
        *,
        batch_size: int = 1000,
        progress: Progress | None = None,
        manifest: Manifest | None = None,
    ) -> Staged:
        client = FalkorDB(
            unix_socket_path=self.socket,
            socket_timeout=ADMIN_SOCKET_TIMEOUT_S,
            socket_connect_timeout=5.0,
            retry=Retry(NoBackoff(), 0),  # never re-sent (see `FalkorDBStore._client`)
        )
        try:
            return self._write(client.select_graph(self.name), graph, batch_size, progress, manifest)
        except redis.ResponseError as exc:
            raise StoreError(f"loading into the staging graph failed ({exc}); the live graph is unchanged") from None
        except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
            raise StoreUnavailable(f"the embedded FalkorDB engine went away during the load: {exc}") from None
        finally:
            with contextlib.suppress(redis.RedisError, OSError):
                client.connection.close()

    def _write(
        self, staging: Any, graph: GraphRows, batch_size: int, progress: Progress | None, manifest: Manifest | None
    ) -> Staged:
        limit = self.timeout_ms
        total = graph.node_count + graph.relationship_count
        manifest, distinct = write_plan(graph, manifest)
        if distinct:
            # A new graph, each node and relationship once: CREATE, relationships by node id. Nothing is
            # looked up by property meanwhile, so the indexes are built once the rows are in (`switch_in`).
            write_new_graph(staging, graph, batch_size, limit, progress, total)
        else:
            for statement in falkordb_schema():
                staging.query(statement, timeout=limit)
            _await_indexes(staging)  # built in the background even on an empty graph: before any write
            write_rows(staging, graph, batch_size, limit, progress, 0, total)
        check_written(graph, manifest, distinct)
        return Staged.of(manifest, distinct)


class FalkorDBStore(GraphStore):
    """FalkorDB, embedded. Graph `name` holds the live graph; loads go to a staging graph first."""

    backend = "falkordb"

    def __init__(
        self,
        data_dir: Path,
        *,
        graph_name: str = "kg",
        default_timeout_ms: int = 10_000,
        row_cap: int = 10_000,
        max_query_length: int = 20_000,
        max_nesting: int = 12,
        max_parse_cost: int = 100_000,
        timeout_max_ms: int = 120_000,
        query_memory_mb: int = 256,
        reply_max_mb: int = 8,
        load_lock_timeout_s: float = 60.0,
        in_place_max_rows: int = 20_000,
        start_timeout_s: float = 20.0,
        start_limit_s: float = 0.0,
    ) -> None:
        self.data_dir = data_dir
        self.graph_name = graph_name
        self.default_timeout_ms = default_timeout_ms
        self.row_cap = row_cap
        self.max_query_length = max_query_length
        self.max_nesting = max_nesting
        self.max_parse_cost = max_parse_cost
        self.reply_max_mb = reply_max_mb
        self.load_lock_timeout_s = load_lock_timeout_s
        self.in_place_max_rows = in_place_max_rows
        limits = EngineLimits(
            timeout_default_ms=default_timeout_ms,
            timeout_max_ms=timeout_max_ms,
            result_rows=row_cap + 1,
            query_memory_mb=query_memory_mb,
            reply_max_mb=reply_max_mb,
            start_limit_s=start_limit_s,
        )
        # The engine answers once it has read its snapshot: at 1 M facts (340 MB) that takes minutes on a
        # busy machine. It is waited for while it shows progress (at most `start_timeout_s` without any),
        # up to `start_limit_s` in all (0: sized from the snapshot, `falkordb_server.start_limit`).
        self._server: EmbeddedServer = start_or_attach(data_dir, limits=limits, start_timeout=start_timeout_s)
        self._clients: dict[float, FalkorDB] = {}
        self._graph_seen = False  # the live graph has been seen to exist (`load_generation`)
        self._restart_lock = threading.Lock()
        self._db = self._client(ADMIN_SOCKET_TIMEOUT_S)
        # The engine may have been started by another process with other limits: read them.
        config = self._engine_config()
        self.timeout_max_ms = int(config.get("TIMEOUT_MAX") or 0) or timeout_max_ms
        engine_rows = int(config.get("RESULTSET_SIZE") or -1)
        self.engine_row_cap = engine_rows - 1 if engine_rows > 1 else None
        self._seen_reply_drops = self._reply_drops()
        if self._server.owned:  # staging graphs of loads killed before their switch
            with contextlib.suppress(LoadInProgress), load_lock(data_dir, timeout_s=0):
                self.drop_staging_graphs()

    def _client(self, socket_timeout: float) -> FalkorDB:
        client = self._clients.get(socket_timeout)
        if client is None:
            # No retries: redis-py would re-send a query after a socket timeout or a dropped answer.
            client = FalkorDB(
                unix_socket_path=str(self._server.socket),
                socket_timeout=socket_timeout,
                socket_connect_timeout=5.0,
                retry=Retry(NoBackoff(), 0),
            )
            self._clients[socket_timeout] = client
        return client

    def _engine_config(self) -> dict[str, Any]:
        try:
            pairs = self._db.connection.execute_command("GRAPH.CONFIG", "GET", "*")
        except (redis.RedisError, OSError):
            return {}
        return {str(name): value for name, value in pairs}

    # -- reads ---------------------------------------------------------------------------
    def run(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        read_only: bool = True,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> QueryResult:
        admit(
            query,
            read_only=read_only,
            max_length=self.max_query_length,
            max_nesting=self.max_nesting,
            max_parse_cost=self.max_parse_cost,
        )
        timeout = min(timeout_ms or self.default_timeout_ms, self.timeout_max_ms)
        try:
            graph = self._client(round(timeout / 1000 + SOCKET_MARGIN_S, 1)).select_graph(self.graph_name)
            cap = row_cap or self.row_cap
            if self.engine_row_cap is not None:
                cap = min(cap, self.engine_row_cap)
            columns, rows, truncated = run_query(
                graph, query, dict(params or {}), timeout=timeout, read_only=read_only, cap=cap
            )
        except redis.ResponseError as exc:
            if "empty key" in str(exc).lower():
                raise StoreUnavailable(
                    f"the graph {self.graph_name!r} has not been loaded yet in {self.data_dir}; run `eucan load` first"
                ) from None
            raise _translate(exc, query) from None
        except redis.TimeoutError:
            if self._free_overrun(query, timeout):
                raise QueryTimeout(
                    f"the query ran past its time limit of {timeout} ms and the engine did not stop it, so the "
                    "engine was restarted to free it; add a LIMIT or narrow the query (e.g. a smaller range())"
                ) from None
            raise QueryTimeout(
                f"the engine did not answer within {timeout / 1000 + SOCKET_MARGIN_S:g} s "
                f"(the query's limit of {timeout} ms plus {SOCKET_MARGIN_S:g} s); it may be overloaded, try again later"
            ) from None
        except (redis.ConnectionError, OSError) as exc:
            if self.reply_max_mb and self._reply_dropped():
                raise QueryLimitExceeded(
                    f"the answer was larger than {self.reply_max_mb} MB (setting EUCAN_ENGINE_REPLY_MAX_MB) and the "
                    "engine dropped it; return fewer or smaller values (add a LIMIT, count instead of collect)"
                ) from None
            raise StoreUnavailable(f"the embedded FalkorDB engine is not reachable: {exc}") from None
        return QueryResult(columns=columns, rows=rows, truncated=truncated)

    def search(self, text: str, *, limit: int) -> list[tuple[str, float]]:
        by_name, anywhere = redisearch_query(text, names_only=True), redisearch_query(text)
        if by_name is None or anywhere is None:
            return []
        return rank(self._search(by_name, limit), self._search(anywhere, limit), limit)

    def _search(self, query: str, limit: int) -> list[tuple[str, float]]:
        """The full-text query (fixed text, the user's words only as a parameter) under `run`'s limits."""
        timeout = min(self.default_timeout_ms, self.timeout_max_ms)
        try:
            graph = self._client(round(timeout / 1000 + SOCKET_MARGIN_S, 1)).select_graph(self.graph_name)
            result = graph.ro_query(SEARCH, {"q": query, "limit": limit}, timeout=timeout)
        except redis.ResponseError as exc:
            if "empty key" in str(exc).lower():
                raise StoreUnavailable(f"the graph {self.graph_name!r} has not been loaded yet") from None
            raise _translate(exc, SEARCH) from None
        except redis.TimeoutError:
            raise QueryTimeout(f"the search did not answer within {timeout / 1000 + SOCKET_MARGIN_S:g} s") from None
        except (redis.ConnectionError, OSError) as exc:
            raise StoreUnavailable(f"the embedded FalkorDB engine is not reachable: {exc}") from None
        return [(str(row[0]), float(row[1])) for row in result.result_set if row[0] is not None]

    def _free_overrun(self, query: str, timeout_ms: int) -> bool:
        """After a socket timeout: if this process owns the engine and the query is still running past
        its limit (FalkorDB does not check its time limit inside e.g. `UNWIND range(...)` or `reduce`),
        restart the engine so the thread it holds is freed. True if it did."""
        if not self._server.owned:
            return False
        with self._restart_lock:
            try:
                reply = self._client(2.0).connection.execute_command("GRAPH.INFO", "RunningQueries")
            except (redis.RedisError, OSError):
                return False
            running = reply[1] if isinstance(reply, list) and len(reply) > 1 else []
            text = query.strip()
            for entry in running:
                fields = dict(zip(entry[::2], entry[1::2], strict=False))
                if text in str(fields.get("Query", "")) and float(fields.get("Execution duration", 0)) >= timeout_ms:
                    self._server.restart()
                    self._seen_reply_drops = 0
                    for client in self._clients.values():
                        client.connection.connection_pool.disconnect()
                    return True
        return False

    def _reply_drops(self) -> int:
        try:
            stats = self._db.connection.info("stats")
        except (redis.RedisError, OSError):
            return -1
        return int(stats.get("client_output_buffer_limit_disconnections", 0))

    def _reply_dropped(self) -> bool:
        """True if the engine runs and has dropped a client for an oversized answer since we last looked."""
        drops = self._reply_drops()
        dropped = drops > self._seen_reply_drops >= 0
        if drops >= 0:
            self._seen_reply_drops = drops
        return dropped

    def load_generation(self) -> LoadInfo | None:
        # A graph that does not exist yet is asked with EXISTS, not with a graph query: FalkorDB 4.16 once
        # deadlocked (a read lock on its graph table never released) on the first graph created after a
        # query on a missing graph, and EXISTS does not touch the graph module at all. Once the graph has been
        # seen, it is asked directly (the API reads the load's token for every request: one round trip, not
        # two); loads replace it with an atomic RENAME, so it is gone again only after `clear()`, and a query
        # that fails sends the next call back through EXISTS.
        if not self._graph_seen:
            try:
                if not self._client(2.0 + SOCKET_MARGIN_S).connection.exists(self.graph_name):
                    return None
            except (redis.RedisError, OSError) as exc:
                raise StoreUnavailable(f"the embedded FalkorDB engine is not reachable: {exc}") from None
        try:
            result = self.run(LOAD_INFO_READ, timeout_ms=10_000, row_cap=1)
        except StoreUnavailable:
            if self._graph_seen:
                self._graph_seen = False
                return self.load_generation()
            if self.ping():
                return None  # nothing loaded yet
            raise
        self._graph_seen = True
        return LoadInfo.from_row(result.rows[0]) if result.rows else None

    # -- writes --------------------------------------------------------------------------
    def _staging_graphs(self) -> list[str]:
        pattern = f"{self.graph_name}{STAGING_INFIX}*"
        return sorted(
            name.decode() if isinstance(name, bytes) else str(name)
            for name in self._db.connection.scan_iter(match=pattern)
        )

    def drop_staging_graphs(self) -> list[str]:
        """Delete staging graphs left by killed loads (call with the load lock held). Their names."""
        dropped = self._staging_graphs()
        for name in dropped:
            with contextlib.suppress(redis.ResponseError):
                self._db.select_graph(name).delete()
        return dropped

    def replace_graph(
        self,
        graph: GraphRows,
        *,
        batch_size: int = 1000,
        progress: Progress | None = None,
        manifest: Manifest | None = None,
    ) -> LoadInfo:
        with self.staging() as staging:
            staged = staging.write(graph, batch_size=batch_size, progress=progress, manifest=manifest)
            return self.switch_in(staging, staged)

    @contextlib.contextmanager
    def staging(self) -> Iterator[FalkorDBStaging]:
        """The load lock held, orphan staging graphs dropped, a new staging graph named by a new token
        (`graph.store.StagedStore`); dropped on leaving unless `switch_in` renamed it the live graph."""
        with load_lock(self.data_dir, timeout_s=self.load_lock_timeout_s):
            token = uuid.uuid4().hex
            name = f"{self.graph_name}{STAGING_INFIX}_{token}"
            try:
                self.drop_staging_graphs()  # we hold the load lock: any staging graph is an orphan
            except (redis.RedisError, OSError) as exc:
                raise StoreUnavailable(f"the embedded FalkorDB engine is not reachable: {exc}") from None
            try:
                yield FalkorDBStaging(str(self._server.socket), name, token, self.timeout_max_ms)
            finally:
                self._forget(name)  # after a switch the name is gone: nothing to drop

    def switch_in(self, staging: Staging, staged: Staged) -> LoadInfo:
        """Build the indexes of a graph written with CREATE (after its rows: they are ~45 % of the engine's
        memory, and a load written by another process has let go of its own by then), write the
        `LoadInfo`, check and switch (`_switch` waits until the indexes are built)."""
        if not isinstance(staging, FalkorDBStaging):
            raise TypeError(f"not a staging graph of this store: {staging!r}")
        limit = self.timeout_max_ms
        try:
            graph = self._db.select_graph(staging.name)
            if staged.distinct:
                for statement in falkordb_schema():
                    graph.query(statement, timeout=limit)
            info = LoadInfo.of_staged(self.load_generation(), staged, staging.token)
            graph.query(LOAD_INFO_WRITE, {"info": info.as_params()}, timeout=limit)
            # Before the switch the staging graph must be the one this load wrote, and only that;
            # RENAME then replaces the live graph in one step, and the snapshot is saved.
            self._switch(graph, staging.name, staging.token)
            return info
        except redis.ResponseError as exc:
            raise StoreError(f"loading into the staging graph failed ({exc}); the live graph is unchanged") from None
        except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
            raise StoreUnavailable(f"the embedded FalkorDB engine went away during the load: {exc}") from None

    def update_graph(
        self,
        changes: GraphChanges,
        manifest: Manifest,
        *,
        expected_token: str,
        batch_size: int = 1000,
        progress: Progress | None = None,
    ) -> LoadInfo:
        """Apply the changes atomically. Up to `in_place_max_rows` rows, in place: one write query
        (FalkorDB runs a query under the graph's write lock, so readers see the graph before it or after
        it, and a query that fails is rolled back), then a snapshot. Larger changes copy-on-write:
        `GRAPH.COPY` the live graph to a staging graph, apply the changes there, then switch it in
        with `RENAME` like a full load (copying costs about as much as writing 100,000 facts). A failed
        or killed update leaves the live graph as it was (a staging graph is dropped, now or when the
        engine next starts)."""
        with load_lock(self.data_dir, timeout_s=self.load_lock_timeout_s):
            previous = self.load_generation()
            if previous is None or previous.token != expected_token:
                raise StaleGraph(
                    "the live graph is not the one this incremental load compared against "
                    f"(expected load {expected_token[:8]}, found {previous.token[:8] if previous else 'none'}); "
                    "nothing was written"
                )
            rows = len(changes.delete) + changes.write.node_count + changes.write.relationship_count
            if rows <= self.in_place_max_rows:
                return self._update_in_place(changes, LoadInfo.after(previous, manifest, uuid.uuid4().hex), progress)
            token = uuid.uuid4().hex
            staging_name = f"{self.graph_name}{STAGING_INFIX}_{token}"
            limit = self.timeout_max_ms
            try:
                self.drop_staging_graphs()
                info = LoadInfo.after(previous, manifest, token)
                self._db.connection.execute_command("GRAPH.COPY", self.graph_name, staging_name)
                staging = self._db.select_graph(staging_name)
                total = len(changes.delete) + changes.write.node_count + changes.write.relationship_count
                done = 0
                for start in range(0, len(changes.delete), batch_size):
                    uris = changes.delete[start : start + batch_size]
                    staging.query(DELETE_NODES, {"rows": uris}, timeout=limit)
                    done += len(uris)
                    if progress:
                        progress(done, total)
                write_rows(staging, changes.write, batch_size, limit, progress, done, total)
                staging.query(LOAD_INFO_WRITE, {"info": info.as_params()}, timeout=limit)
                self._switch(staging, staging_name, token)
                return info
            except redis.ResponseError as exc:
                self._forget(staging_name)
                raise StoreError(f"updating the staging graph failed ({exc}); the live graph is unchanged") from None
            except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
                raise StoreUnavailable(f"the embedded FalkorDB engine went away during the load: {exc}") from None
            except StoreError:
                self._forget(staging_name)
                raise

    def _update_in_place(self, changes: GraphChanges, info: LoadInfo, progress: Progress | None) -> LoadInfo:
        statement, params = in_place_update(changes)
        params["info"] = info.as_params()
        total = len(changes.delete) + changes.write.node_count + changes.write.relationship_count
        if progress:
            progress(0, total)
        try:
            self._db.select_graph(self.graph_name).query(statement, params, timeout=self.timeout_max_ms)
            self._db.connection.execute_command("SAVE")
            write_stamp(self.data_dir, self.graph_name, info.token)
        except redis.ResponseError as exc:
            raise StoreError(f"updating the graph failed ({exc}); the live graph is unchanged") from None
        except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
            raise StoreUnavailable(f"the embedded FalkorDB engine went away during the load: {exc}") from None
        if progress:
            progress(total, total)
        return info

    def _switch(self, staging: Any, staging_name: str, token: str) -> None:
        """Check the staging graph is the one this load wrote, then RENAME it over the live graph and save."""
        check = staging.ro_query("MATCH (l:LoadInfo) RETURN l.token", timeout=self.timeout_max_ms).result_set
        if [row[0] for row in check] != [token]:
            raise StoreError(
                f"the staging graph {staging_name} was changed by another writer during the load; "
                "the live graph is unchanged, run the load again"
            )
        _await_indexes(staging)
        self._db.connection.execute_command("RENAME", staging_name, self.graph_name)
        self._db.connection.execute_command("SAVE")
        write_stamp(self.data_dir, self.graph_name, token)

    def _forget(self, staging_name: str) -> None:
        with contextlib.suppress(redis.RedisError, OSError):
            if self._db.connection.exists(staging_name):
                self._db.select_graph(staging_name).delete()

    def clear(self) -> None:
        """Delete the live graph (tests and benchmarks)."""
        self._graph_seen = False
        if self._db.connection.exists(self.graph_name):
            self._db.select_graph(self.graph_name).delete()

    # -- lifecycle -----------------------------------------------------------------------
    def probe(self, timeout_ms: int) -> float:
        started = time.perf_counter()
        try:
            graph = self._client(timeout_ms / 1000).select_graph(self.graph_name)
            graph.ro_query(HEALTH_PROBE, timeout=timeout_ms)
        except redis.TimeoutError:
            raise QueryTimeout(
                f"the engine did not answer a trivial query within {timeout_ms} ms "
                "(setting EUCAN_HEALTH_TIMEOUT_MS): it is saturated or stopped"
            ) from None
        except redis.ResponseError as exc:
            if "empty key" in str(exc).lower():
                raise StoreUnavailable(f"the graph {self.graph_name!r} has not been loaded yet") from None
            raise _translate(exc, HEALTH_PROBE) from None
        except (redis.ConnectionError, OSError) as exc:
            raise StoreUnavailable(f"the embedded FalkorDB engine is not reachable: {exc}") from None
        return (time.perf_counter() - started) * 1000

    def ping(self) -> bool:
        try:
            return bool(self._client(2.0).connection.ping())
        except (redis.RedisError, OSError):
            return False

    @property
    def owns_engine(self) -> bool:
        return self._server.owned

    def close(self) -> None:
        owned = self._server.owned and self._server.process is not None
        token = None
        if owned:  # stopping saves the graph: stamp the snapshot with the load it holds (`graph.snapshot`)
            with contextlib.suppress(EucanError, redis.RedisError, OSError):
                info = self.load_generation()
                token = info.token if info is not None else None
        for client in self._clients.values():
            with contextlib.suppress(redis.RedisError, OSError):
                client.connection.close()
        self._server.stop()
        if owned:
            write_stamp(self.data_dir, self.graph_name, token)

    def __enter__(self) -> FalkorDBStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
