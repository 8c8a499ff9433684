"""Loads that cannot race, and an engine that is never stopped by mistake.

Issue 11: two concurrent `eucan load` both exited 0 and left a graph matching neither input,
and a stale `falkordb.pid` got an unrelated process SIGKILLed.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eucan.errors import LoadInProgress
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.graph.loads import LoadInfo, content_hash, load_lock
from eucan.loaders.pipeline import Validated
from eucan.ontology.mapping import PropertyGraph

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 20


def _subset(graph: PropertyGraph, keep: int, tag: str) -> PropertyGraph:
    """Every `keep`-th node of the curated graph (renamed by `tag`) and the relationships between them."""
    nodes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    uris: set[str] = set()
    for labels, rows in graph.nodes.items():
        chosen = [{**row, "uri": f"{row['uri']}#{tag}"} for index, row in enumerate(rows) if index % keep == 0]
        if chosen:
            nodes[labels] = chosen
            uris.update(row["uri"] for row in chosen)
    rels = {
        rel_type: kept
        for rel_type, rows in graph.relationships.items()
        if (
            kept := [
                {"from": f"{r['from']}#{tag}", "to": f"{r['to']}#{tag}"}
                for r in rows
                if f"{r['from']}#{tag}" in uris and f"{r['to']}#{tag}" in uris
            ]
        )
    }
    return PropertyGraph(nodes=nodes, relationships=rels)


def _canonical(nodes: list[tuple[list[str], dict[str, Any]]], rels: list[tuple[str, str, str]]) -> str:
    lines = sorted(
        json.dumps([sorted(set(labels) - {"Resource"}), props], sort_keys=True, default=str) for labels, props in nodes
    )
    # Distinct relationships: the curated data states a few twice, and a load merges them.
    digest = hashlib.sha256("\n".join([*lines, "--", *sorted({" ".join(r) for r in rels})]).encode())
    return digest.hexdigest()


def _input_hash(graph: PropertyGraph) -> str:
    nodes = [(list(labels), row) for labels, rows in graph.nodes.items() for row in rows]
    rels = [(r["from"], rel_type, r["to"]) for rel_type, rows in graph.relationships.items() for r in rows]
    return _canonical(nodes, rels)


def _live_hash(store: FalkorDBStore) -> str:
    """The live graph's content, read back from the engine (not from LoadInfo)."""
    found = store.run("MATCH (n:Resource) RETURN n", row_cap=100_000).rows
    nodes = [(row[0]["labels"], row[0]["properties"]) for row in found]
    rels = store.run("MATCH (a:Resource)-[r]->(b:Resource) RETURN a.uri, type(r), b.uri", row_cap=100_000).rows
    return _canonical(nodes, [(a, t, b) for a, t, b in rels])


@pytest.fixture(scope="module")
def inputs(curated: Validated) -> tuple[PropertyGraph, PropertyGraph]:
    one, two = _subset(curated.property_graph, 7, "one"), _subset(curated.property_graph, 5, "two")
    assert one.node_count != two.node_count
    return one, two


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[FalkorDBStore]:
    with FalkorDBStore(tmp_path / "kg", load_lock_timeout_s=0, row_cap=100_000) as store:
        yield store


def _race(stores: list[FalkorDBStore], graphs: tuple[PropertyGraph, PropertyGraph]) -> list[Any]:
    barrier = threading.Barrier(2)
    outcomes: list[Any] = [None, None]

    def load(index: int) -> None:
        barrier.wait()
        try:
            outcomes[index] = stores[index].replace_graph(graphs[index], batch_size=50)
        except Exception as exc:  # the assertion below names it
            outcomes[index] = exc

    threads = [threading.Thread(target=load, args=(i,)) for i in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_two_concurrent_loads_leave_exactly_one_input(
    engine: FalkorDBStore, inputs: tuple[PropertyGraph, PropertyGraph]
) -> None:
    expected = [_input_hash(graph) for graph in inputs]
    other = FalkorDBStore(engine.data_dir, load_lock_timeout_s=0, row_cap=100_000)  # attached, like a 2nd process
    refused = 0
    started = time.monotonic()
    try:
        for round_ in range(ROUNDS):
            order = (0, 1) if round_ % 2 == 0 else (1, 0)
            graphs = (inputs[order[0]], inputs[order[1]])
            outcomes = _race([engine, other], graphs)
            winners = [(o, g) for o, g in zip(outcomes, graphs, strict=True) if isinstance(o, LoadInfo)]
            losers = [o for o in outcomes if not isinstance(o, LoadInfo)]
            assert winners, f"round {round_}: no load succeeded: {outcomes}"
            for loser in losers:
                assert isinstance(loser, LoadInProgress), f"round {round_}: {loser!r}"
                assert "another load" in str(loser) and "wrote nothing" in str(loser)
            refused += len(losers)
            last_info, last_graph = max(winners, key=lambda w: w[0].generation)
            live = _live_hash(engine)
            assert live in expected, f"round {round_}: the live graph matches neither input"
            assert live == _input_hash(last_graph)
            info = engine.load_generation()
            assert info == last_info and info.content_hash == content_hash(last_graph)
            nodes, rels = engine.run(
                "MATCH (n:Resource) OPTIONAL MATCH (n)-[r]->(:Resource) RETURN count(DISTINCT n), count(r)"
            ).rows[0]
            assert (nodes, rels) == (info.nodes, info.relationships)
            assert nodes == last_graph.node_count
            assert engine._staging_graphs() == []
    finally:
        other.close()
    assert refused > 0, "the loads never overlapped: the test proved nothing"
    assert time.monotonic() - started < 60


def test_a_second_load_waits_for_the_first(engine: FalkorDBStore, inputs: tuple[PropertyGraph, PropertyGraph]) -> None:
    engine.load_lock_timeout_s = 30
    other = FalkorDBStore(engine.data_dir, load_lock_timeout_s=30, row_cap=100_000)
    try:
        outcomes = _race([engine, other], inputs)
    finally:
        other.close()
    assert all(isinstance(o, LoadInfo) for o in outcomes), outcomes
    last = max(range(2), key=lambda i: outcomes[i].generation)
    assert sorted(o.generation for o in outcomes) == [1, 2]
    assert _live_hash(engine) == _input_hash(inputs[last])


def test_the_cli_load_tells_the_loser(tmp_path: Path) -> None:
    """`eucan load` while another process holds the load lock: a clear message, exit 2, nothing written."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from eucan.graph.loads import load_lock\n"
            "with load_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        env = {**os.environ, "EUCAN_DATA_DIR": str(tmp_path), "EUCAN_LOAD_LOCK_TIMEOUT_S": "1"}
        result = subprocess.run(
            [sys.executable, "-m", "eucan.cli", "load", "-q", str(ROOT / "data")],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    assert result.returncode == 2, result.stderr
    assert f"pid {holder.pid}" in result.stderr and "waiting up to 1 s" in result.stderr
    assert "this load wrote nothing" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "graph.rdb").exists()


def test_load_lock_is_reentrant_in_a_thread_and_exclusive_across_threads(tmp_path: Path) -> None:
    with load_lock(tmp_path), load_lock(tmp_path):
        failed: list[BaseException] = []

        def other() -> None:
            try:
                with load_lock(tmp_path, timeout_s=0.2):
                    pass
            except LoadInProgress as exc:
                failed.append(exc)

        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert len(failed) == 1
    with load_lock(tmp_path, timeout_s=0):  # released
        pass


def test_orphan_staging_graphs_are_removed_at_start(tmp_path: Path) -> None:
    with FalkorDBStore(tmp_path / "kg") as store:
        store._db.select_graph("kg__staging_deadbeef").query("CREATE (:Resource {uri: 'x'})")
        store._db.select_graph("kg__staging").query("CREATE (:Resource {uri: 'y'})")
        assert len(store._staging_graphs()) == 2
    with FalkorDBStore(tmp_path / "kg") as store:
        assert store._staging_graphs() == []


def test_a_stale_pid_file_never_kills_an_unrelated_process(tmp_path: Path) -> None:
    folder = tmp_path / "kg"
    folder.mkdir()
    bystander = subprocess.Popen(["sleep", "60"])
    try:
        (folder / "falkordb.pid").write_text(f"{bystander.pid}\n")
        with FalkorDBStore(folder) as store:
            assert store.ping() and store.owns_engine
        time.sleep(0.2)
        assert bystander.poll() is None, "the unrelated process was killed"
        assert not (folder / "falkordb.pid").exists(), "a clean stop leaves no pid file"
    finally:
        bystander.kill()
        bystander.wait()


def test_a_lost_lock_file_never_stops_the_owners_engine(tmp_path: Path) -> None:
    folder = tmp_path / "kg"
    with FalkorDBStore(folder) as owner:
        owner.run("RETURN 1", read_only=False)
        (folder / "eucan.lock").unlink()
        with FalkorDBStore(folder) as second:
            assert not second.owns_engine
            assert second.run("RETURN 1 AS x").rows == [[1]]
        assert owner.run("RETURN 2 AS x").rows == [[2]], "the owner's engine was stopped"


def test_every_load_records_its_generation(engine: FalkorDBStore, inputs: tuple[PropertyGraph, PropertyGraph]) -> None:
    assert engine.load_generation() is None
    first = engine.replace_graph(inputs[0])
    second = engine.replace_graph(inputs[1])
    assert (first.generation, second.generation) == (1, 2) and first.token != second.token
    live = engine.load_generation()
    assert live == second and live.content_hash == content_hash(inputs[1]) != first.content_hash
    distinct = {(r["from"], t, r["to"]) for t, rows in inputs[1].relationships.items() for r in rows}
    assert (live.nodes, live.relationships) == (inputs[1].node_count, len(distinct))
    others = engine.run("MATCH (n) WHERE NOT n:Resource RETURN labels(n) AS labels").rows
    assert others == [[["LoadInfo"]]]
