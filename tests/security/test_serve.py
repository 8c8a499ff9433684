"""`eucan serve` as a process: it checks its port before touching the graph, and Ctrl+C stops it
within a few seconds even with a request in flight, without a traceback, leaving no engine
and no pid file behind."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from eucan.graph.falkordb_server import SOCKET_NAME, engine_pids
from eucan.graph.falkordb_store import FalkorDBStore

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(data_dir: Path, port: int, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "EUCAN_DATA_DIR": str(data_dir), "EUCAN_SOURCES_DIR": str(ROOT / "data")}
    return subprocess.Popen(
        [sys.executable, "-m", "eucan.cli", "serve", "--port", str(port), "--log-level", "warning", *extra],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_busy_port_is_found_before_the_graph_is_touched(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = _serve(tmp_path / "kg", port)
        _, err = server.communicate(timeout=60)
    assert server.returncode == 2, err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "the graph was not touched" in err
    assert "Traceback" not in err
    assert not (tmp_path / "kg" / "graph.rdb").exists() and not (tmp_path / "kg" / "falkordb.log").exists()


def test_ctrl_c_stops_within_seconds_with_a_request_in_flight(tmp_path: Path) -> None:
    folder = tmp_path / "kg"
    with FalkorDBStore(folder) as store:  # a graph to query, without the time of a full load
        store.run("CREATE (:Resource {uri: 'urn:x'})", read_only=False)
    port = _free_port()
    server = _serve(folder, port, "--no-load")
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            pytest.fail("the server did not start")
        statuses: list[object] = []

        def slow() -> None:  # runs until the 10 s query limit
            try:
                query = {"query": "UNWIND range(1, 10000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n"}
                statuses.append(httpx.post(f"{base}/api/v1/cypher", json=query, timeout=30).status_code)
            except httpx.HTTPError as exc:
                statuses.append(exc)

        request = threading.Thread(target=slow)
        request.start()
        time.sleep(1.0)
        started = time.monotonic()
        server.send_signal(signal.SIGINT)
        _, err = server.communicate(timeout=30)
        seconds = time.monotonic() - started
        request.join(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
            server.communicate()
    assert seconds < 8.0, f"Ctrl+C took {seconds:.1f} s"
    assert "Traceback" not in err, err
    assert not (folder / "falkordb.pid").exists()
    assert engine_pids(folder.resolve() / SOCKET_NAME) == [], "the engine was left running"
    assert statuses, "the request in flight got no answer at all"
