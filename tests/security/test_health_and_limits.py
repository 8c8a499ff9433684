"""`/api/v1/health` runs a query through the engine and says `degraded` when the engine cannot
answer it; paging parameters are bounded."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eucan.api.main import create_app
from eucan.errors import QueryTimeout
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.ontology.mapping import PropertyGraph
from eucan.settings import Settings
from tests.utils.errors import assert_error_shape

HEALTH = "/api/v1/health"


@pytest.fixture
def own_engine(tmp_path: Path) -> Iterator[tuple[FalkorDBStore, TestClient]]:
    with FalkorDBStore(tmp_path / "kg") as store:
        store.run("CREATE (:Resource {uri: 'urn:x'})", read_only=False)
        settings = Settings(data_dir=tmp_path / "unused", health_timeout_ms=500)
        with TestClient(create_app(settings, store=store), raise_server_exceptions=False) as client:
            yield store, client


def test_health_runs_a_query_and_reports_its_latency(own_engine: tuple[FalkorDBStore, TestClient]) -> None:
    _, client = own_engine
    body = client.get(HEALTH).json()
    assert body["ok"] is True and body["health"] == "ok" and body["store"] == "falkordb"
    assert 0 <= body["latency_ms"] < 500


def test_health_is_degraded_while_the_engine_is_stopped(own_engine: tuple[FalkorDBStore, TestClient]) -> None:
    store, client = own_engine
    process = store._server.process
    assert process is not None
    os.kill(process.pid, signal.SIGSTOP)  # the engine holds its socket but answers nothing
    try:
        started = time.monotonic()
        response = client.get(HEALTH)
        seconds = time.monotonic() - started
    finally:
        os.kill(process.pid, signal.SIGCONT)
    body = assert_error_shape(response, 503, "degraded", "EUCAN_HEALTH_TIMEOUT_MS")
    assert body["health"] == "degraded" and body["store"] == "falkordb" and "500 ms" in body["reason"]
    assert seconds < 2.0, f"the health check took {seconds:.1f} s"
    assert client.get(HEALTH).json()["health"] == "ok"  # and recovers


def test_health_is_degraded_when_the_engine_is_gone(tmp_path: Path) -> None:
    store = FalkorDBStore(tmp_path / "kg")
    store.close()
    with TestClient(create_app(Settings(data_dir=tmp_path / "unused"), store=store)) as client:
        body = assert_error_shape(client.get(HEALTH), 503, "not reachable")
    assert body["health"] == "degraded"


@pytest.mark.parametrize("offset", [2**63 - 1, 2**63 - 10, 1_000_000_001])
def test_offset_near_two_to_the_63_is_refused(client: TestClient, offset: int) -> None:
    assert_error_shape(client.get(f"/api/v1/actors?offset={offset}"), 422, "offset")


def test_largest_offset_is_an_empty_page(client: TestClient) -> None:
    body = client.get("/api/v1/actors?offset=1000000000&limit=500").json()
    assert body["data"] == [] and body["count"] > 0


def test_a_query_the_engine_does_not_stop_is_freed_by_a_restart(tmp_path: Path) -> None:
    """FalkorDB does not check its time limit inside `UNWIND range(...)`: two such queries held both
    engine threads for minutes. The owner restarts the engine from its last snapshot instead."""
    with FalkorDBStore(tmp_path / "kg") as store:
        store.replace_graph(PropertyGraph(nodes={("Actor",): [{"uri": "urn:a", "id": "a"}]}))
        before = store._server.process.pid if store._server.process else None
        started = time.monotonic()
        with pytest.raises(QueryTimeout, match="restarted"):
            store.run("UNWIND range(1, 10000000000000) AS x RETURN count(x) AS n", timeout_ms=300)
        assert time.monotonic() - started < 15
        assert store._server.process is not None and store._server.process.pid != before
        assert store.probe(2000) >= 0  # no thread is held
        assert store.run("MATCH (n:Resource) RETURN n.id AS id").rows == [["a"]]  # the graph came back
        assert (tmp_path / "kg" / "falkordb.pid").read_text().split()[0] == str(store._server.process.pid)
