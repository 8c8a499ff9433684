"""`eucan serve` as a process: it checks its port before touching the graph, and Ctrl+C stops it
within a few seconds even with a request in flight, without a traceback, leaving no engine
and no pid file behind."""

from __future__ import annotations

import signal
import socket
import threading
import time
from pathlib import Path

import httpx

from eucan.graph.falkordb_server import SOCKET_NAME, engine_pids
from eucan.graph.falkordb_store import FalkorDBStore
from tests.utils.servers import serve_process, stop, wait_until_serving


def test_a_busy_port_is_found_before_the_graph_is_touched(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = serve_process(tmp_path / "kg", port=port)
        try:
            err = server.wait(timeout=60)
        finally:
            stop(server)
    assert server.process.returncode == 2, err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "the graph was not touched" in err
    assert "Traceback" not in err
    assert not (tmp_path / "kg" / "graph.rdb").exists() and not (tmp_path / "kg" / "falkordb.log").exists()


def test_a_store_that_cannot_open_is_one_clear_error_before_serving(tmp_path: Path) -> None:
    # The store is opened before the server starts: an engine that cannot start (here its data folder
    # is a file) is the CLI's one-line error, not a traceback from the server's start-up.
    folder = tmp_path / "kg"
    folder.write_text("not a folder\n")
    server = serve_process(folder, "--no-load")
    try:
        err = server.wait(timeout=60)
    finally:
        stop(server)
    assert server.process.returncode == 2, err
    assert f"error: cannot create the data folder {folder}" in err and "EUCAN_DATA_DIR" in err, err
    assert "Traceback" not in err and "serving the API" not in err, err


def test_sigterm_stops_the_server_and_its_engine(tmp_path: Path) -> None:
    # `kill`, systemd and container runtimes stop a server with SIGTERM: uvicorn shuts down and then re-raises
    # it, which ends the process at once, so the engine must be stopped during the shutdown, not after it.
    folder = tmp_path / "kg"
    with FalkorDBStore(folder) as store:
        store.run("CREATE (:Resource {uri: 'urn:x'})", read_only=False)
    server = serve_process(folder, "--no-load")
    try:
        wait_until_serving(server)
        assert engine_pids(folder.resolve() / SOCKET_NAME), "no engine while serving"
        server.process.send_signal(signal.SIGTERM)
        err = server.wait(timeout=60)
    finally:
        stop(server)
    assert "Traceback" not in err, err
    assert engine_pids(folder.resolve() / SOCKET_NAME) == [], "the engine was left running after SIGTERM"
    assert not (folder / "falkordb.pid").exists()
    with FalkorDBStore(folder) as again:  # the engine saved the graph when it stopped
        assert again.run("MATCH (r:Resource {uri: 'urn:x'}) RETURN count(r)").rows == [[1]]


def test_ctrl_c_stops_within_seconds_with_a_request_in_flight(tmp_path: Path) -> None:
    folder = tmp_path / "kg"
    with FalkorDBStore(folder) as store:  # a graph to query, without the time of a full load
        store.run("CREATE (:Resource {uri: 'urn:x'})", read_only=False)
    server = serve_process(folder, "--no-load")  # port 0: the server picks its port, no other test can take it
    try:
        wait_until_serving(server)
        base = server.base
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
        server.process.send_signal(signal.SIGINT)
        err = server.wait(timeout=30)
        seconds = time.monotonic() - started
        request.join(timeout=30)
    finally:
        stop(server)  # whatever happened: no process, pipe or engine left behind
    # Behaviour first: the request in flight was cut short by the shutdown (uvicorn answers 500 to a
    # request it cancels, or drops the connection), not answered at its query's 10 s time limit.
    # That is checked below; the clock bound only catches a hang (a busy shared machine can stall a
    # process for seconds, which made a tight bound flaky).
    assert seconds < 30.0, f"Ctrl+C took {seconds:.1f} s"
    assert "Traceback" not in err, err
    assert not (folder / "falkordb.pid").exists()
    assert engine_pids(folder.resolve() / SOCKET_NAME) == [], "the engine was left running"
    assert statuses, "the request in flight got no answer at all"
    assert statuses[0] == 500 or isinstance(statuses[0], httpx.HTTPError), statuses
