"""The embedded engine: persistence, one owner per folder, idempotent loads, a killed load."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import redis

from bench.synthetic import generate, write_yaml
from eucan.errors import QueryLimitExceeded, StoreUnavailable
from eucan.graph.falkordb_server import (
    PID_NAME,
    RDB_NAME,
    READ_SECONDS_PER_MB,
    SOCKET_NAME,
    START_LIMIT_FLOOR_S,
    EngineLimits,
    _cmdline,
    _progressing,
    _spawn,
    start_limit,
    start_or_attach,
)
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.loaders.pipeline import load_sources
from eucan.queries.runner import graph_stats, run_named
from tests.conftest import DATA, ROOT


def test_loading_twice_gives_identical_counts(fresh_store: FalkorDBStore) -> None:
    load_sources(fresh_store, [DATA], root=ROOT)
    first = graph_stats(store=fresh_store).as_dict()
    load_sources(fresh_store, [DATA], root=ROOT)
    second = graph_stats(store=fresh_store).as_dict()
    assert first == second
    assert first["nodes"] > 500


def test_graph_persists_across_restarts(tmp_path: Path) -> None:
    with FalkorDBStore(tmp_path / "kg") as store:
        load_sources(store, [DATA], root=ROOT)
        before = graph_stats(store=store).as_dict()
    with FalkorDBStore(tmp_path / "kg") as store:
        assert store.owns_engine
        assert graph_stats(store=store).as_dict() == before


def test_second_process_attaches_to_the_running_engine(tmp_path: Path) -> None:
    folder = tmp_path / "kg"
    with FalkorDBStore(folder) as owner:
        load_sources(owner, [DATA], root=ROOT)
        code = textwrap.dedent(
            f"""
            from pathlib import Path
            from eucan.graph.falkordb_store import FalkorDBStore
            with FalkorDBStore(Path({str(folder)!r})) as s:
                print(s.owns_engine, s.run("MATCH (a:Actor {{id: 'canada'}}) RETURN a.name").rows[0][0])
            """
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
        assert out.returncode == 0, out.stderr
        assert out.stdout.split() == ["False", "Canada"]
        assert owner.ping()  # the visitor's exit did not stop the owner's engine


KILLED_LOAD = """
import sys
from pathlib import Path
from eucan.graph.falkordb_server import SOCKET_NAME, EngineLimits, start_or_attach
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.loaders.pipeline import load_sources

def report(done, total):
    print("progress", done, total, flush=True)

store = FalkorDBStore(Path(sys.argv[1]))
load_sources(store, [Path(sys.argv[2])], root=Path(sys.argv[2]), batch_size=20, progress=report)
print("finished", flush=True)
"""


def test_a_killed_load_leaves_the_previous_graph_intact(tmp_path: Path) -> None:
    folder = tmp_path / "kg"
    with FalkorDBStore(folder) as store:
        load_sources(store, [DATA], root=ROOT)
        before = graph_stats(store=store).as_dict()
    synthetic = tmp_path / "synthetic"
    write_yaml(generate(1500, seed=3), synthetic)
    with subprocess.Popen(
        [sys.executable, "-c", KILLED_LOAD, str(folder), str(synthetic)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    ) as proc:
        assert proc.stdout is not None
        progressed = 0
        for line in proc.stdout:
            if line.startswith("progress"):
                progressed += 1
                if progressed == 5:  # midway: some batches written to the staging graph
                    os.kill(proc.pid, signal.SIGKILL)
                    break
            assert not line.startswith("finished"), "the load finished before it could be killed"
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with FalkorDBStore(folder) as store:
        assert graph_stats(store=store).as_dict() == before
        # and the next load works
        load_sources(store, [DATA], root=ROOT)
        assert graph_stats(store=store).as_dict() == before


def test_unwritable_data_folder_gives_a_clear_error(tmp_path: Path) -> None:
    from eucan.errors import StoreUnavailable

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreUnavailable, match="EUCAN_DATA_DIR"):
        FalkorDBStore(blocker / "kg")


def test_query_before_any_load_says_what_to_do(fresh_store: FalkorDBStore) -> None:
    from eucan.errors import StoreUnavailable

    with pytest.raises(StoreUnavailable, match="run `eucan load` first"):
        fresh_store.run("MATCH (n) RETURN count(n)")


class _SlowLoad(EngineLimits):
    """Redis's own test knob: pause this many microseconds per key while reading the saved graph."""

    def server_args(self) -> list[str]:
        return [*super().server_args(), "--key-load-delay", "30000", "--loading-process-events-interval-bytes", "1024"]


def test_an_engine_still_reading_a_large_saved_graph_is_waited_for(tmp_path: Path) -> None:
    """A million-fact graph takes longer to read at start than the start time limit: the engine answers
    LOADING meanwhile, which is progress, not a hang (it used to be killed after 20 s)."""
    folder = tmp_path / "kg"
    with FalkorDBStore(folder) as store:
        load_sources(store, [DATA], root=ROOT)
        before = graph_stats(store=store).as_dict()
        # a graph of many keys (FalkorDB splits a large graph so; here 50 entities each), ~5 s to read
        engine = redis.Redis(unix_socket_path=str(folder / SOCKET_NAME))
        engine.execute_command("GRAPH.CONFIG", "SET", "VKEY_MAX_ENTITY_COUNT", "50")  # type: ignore[no-untyped-call]
        engine.save()
    server = start_or_attach(folder, start_timeout=1.5, limits=_SlowLoad())
    try:
        assert server.process is not None and server.process.poll() is None
        with FalkorDBStore(folder) as store:
            assert graph_stats(store=store).as_dict() == before
    finally:
        server.stop()


def test_rows_with_repeats_are_merged_not_duplicated(fresh_store: FalkorDBStore) -> None:
    """A full load CREATEs into the new staging graph only when its rows name each node and relationship once;
    a graph given with repeats is written with MERGE, so the engine still holds each once."""
    from eucan.ontology.mapping import PropertyGraph

    actor = "https://w3id.org/eucan-security/id/actor/"
    rows = [{"uri": actor + "a", "id": "a"}, {"uri": actor + "b", "id": "b"}]
    once = {"from": actor + "a", "to": actor + "b"}
    for relationships in ([once], [once, dict(once)]):
        graph = PropertyGraph(nodes={("Actor", "Resource"): rows}, relationships={"PART_OF": relationships})
        info = fresh_store.replace_graph(graph)
        counted = fresh_store.run("MATCH (:Actor)-[r:PART_OF]->(:Actor) RETURN count(r)").rows
        assert counted == [[1]] and info.relationships == 1
    repeated = PropertyGraph(nodes={("Actor", "Resource"): [*rows, dict(rows[0])]})
    fresh_store.replace_graph(repeated)
    assert fresh_store.run("MATCH (n:Actor) RETURN count(n)").rows == [[2]]


_TICKING = textwrap.dedent(
    """
    import time
    while True:  # an engine that never answers but works now and then
        end = time.process_time() + 0.05
        while time.process_time() < end:
            pass
        time.sleep(0.2)
    """
)


@pytest.mark.parametrize(
    ("script", "says"),
    [
        (_TICKING, "EUCAN_ENGINE_START_LIMIT_S"),  # progress, but never ready: the limit for the whole start
        ("import time; time.sleep(600)", "did not answer within 1 s"),  # no progress at all
    ],
)
def test_an_engine_that_never_answers_is_given_up(tmp_path: Path, script: str, says: str) -> None:
    """A process standing in for the engine binary never opens its socket: the start gives up (at the
    limit for the whole start when it shows progress, sooner when it does not), kills it and says why."""
    with pytest.raises(StoreUnavailable, match=says) as raised:
        _spawn([sys.executable, "-c", script], tmp_path, tmp_path / SOCKET_NAME, start_timeout=1.0, start_limit_s=3.0)
    assert "falkordb.log" in str(raised.value)
    assert not (tmp_path / PID_NAME).exists()
    assert not [pid for pid in _children() if "time.sleep" in " ".join(_cmdline(pid))]  # killed, not left running


@pytest.mark.parametrize(
    ("before", "now", "progress"),
    [
        ((100, "S"), (100, "S"), False),  # asleep and no CPU used: a hang
        ((100, "S"), (101, "S"), True),  # it used CPU
        ((100, "S"), (100, "R"), True),  # runnable: waiting for a CPU on a busy machine
        ((100, "S"), (100, "D"), True),  # reading its module or saved graph from a slow disk
        ((100, "S"), (100, "T"), False),  # stopped (SIGSTOP): no progress
        (None, None, False),  # no /proc: only LOADING answers count
    ],
)
def test_what_counts_as_progress_at_start(
    before: tuple[int, str] | None, now: tuple[int, str] | None, progress: bool
) -> None:
    assert _progressing(before, now) is progress


def _children() -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").read_text().split()]
    except OSError:
        return []


def test_the_start_limit_is_sized_from_the_saved_graph(tmp_path: Path) -> None:
    assert start_limit(tmp_path, 20.0) == START_LIMIT_FLOOR_S  # nothing saved yet
    with (tmp_path / RDB_NAME).open("wb") as rdb:
        rdb.truncate(1000 << 20)  # a saved graph of 1,000 MB (sparse: no disk used)
    assert start_limit(tmp_path, 20.0) == 20.0 + 1000 * READ_SECONDS_PER_MB > START_LIMIT_FLOOR_S
    assert start_limit(tmp_path, 20.0, 7200.0) == 7200.0  # the setting, when given
    assert start_limit(tmp_path, 20.0, 5.0) == 20.0  # never below the no-progress limit


def test_a_reader_follows_its_graph_deleted_and_loaded_again_by_another_client(tmp_path: Path) -> None:
    """`load_generation` asks a graph it has seen directly (one round trip per API request); a graph deleted by
    another client sends it back through EXISTS (no load: None), and a new load is seen with its own token."""
    from eucan.ontology.mapping import PropertyGraph

    folder = tmp_path / "kg"
    actor = "https://w3id.org/eucan-security/id/actor/"
    rows = PropertyGraph(nodes={("Actor", "Resource"): [{"uri": actor + "a", "id": "a"}]}, relationships={})
    with FalkorDBStore(folder) as reader:
        first = reader.replace_graph(rows)
        assert reader.load_generation() == first
        with FalkorDBStore(folder) as other:  # attaches to the reader's engine
            other.clear()
            assert reader.load_generation() is None
            assert reader.load_generation() is None  # asked through EXISTS again, not the missing graph
            second = other.replace_graph(rows)
        assert second.token != first.token
        assert reader.load_generation() == second


GROUPED_PROVENANCE = """
MATCH (f:Resource)-[:EVIDENCE]->(:SourceExcerpt)-[:EXCERPT_OF]->(d:SourceDocument)
WITH f, max(CASE WHEN d.primarySource THEN 1 ELSE 0 END) AS primary
WITH count(f) AS facts, sum(primary) AS primary_facts
MATCH (d:SourceDocument)
RETURN facts, primary_facts, count(d) AS sources, sum(CASE WHEN d.primarySource THEN 1 ELSE 0 END) AS primary_sources
"""
"""The provenance summary grouped by record, as `stats_provenance` once said it: at a million facts its groups
needed more than the engine's per-query memory, so `eucan load` and `eucan stats` failed to count the graph."""


def test_graph_stats_counts_within_a_small_query_memory_cap(tmp_path: Path) -> None:
    folder, sources = tmp_path / "kg", tmp_path / "synthetic"
    write_yaml(generate(1500, seed=3), sources)
    with FalkorDBStore(folder) as store:
        load_sources(store, [sources], root=tmp_path)
        reference = [int(value) for value in store.run(GROUPED_PROVENANCE).rows[0]]
    # 1 MB a query: the grouped summary fails already at 1,500 facts, the counts must not
    with FalkorDBStore(folder, query_memory_mb=1) as store:
        with pytest.raises(QueryLimitExceeded, match="more memory than one query may use"):
            store.run(GROUPED_PROVENANCE)
        stats = graph_stats(store=store)
        kinds = run_named(store=store, name="coverage_records", params={}).records()  # docs/coverage.md's table
    assert [stats.facts, stats.primary_facts, stats.sources, stats.primary_sources] == reference
    assert sum(row["records"] for row in kinds) == stats.facts
    assert sum(row["primary_records"] for row in kinds) == stats.primary_facts
    assert stats.facts >= 1500 and 0 < stats.primary_facts < stats.facts
