"""Servers that tests start: `eucan serve` as a process, and uvicorn in a thread, both on a port
the operating system chose and that nothing else can take before the server listens on it.

Picking a free port, closing it and handing its number to a server is a race: on a busy machine
another test (or any outgoing connection's ephemeral port) can take it in between, and the server
then exits at start. Here the port is never released: `eucan serve --port 0` binds port 0 itself and
says which port it got; a uvicorn in a thread is given a socket that is already listening.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from eucan.graph.falkordb_server import SOCKET_NAME, engine_pids

ROOT = Path(__file__).resolve().parents[2]
SERVING = re.compile(r"serving the API on http://(\S+?):(\d+)/")


@dataclass
class ServeProcess:
    """A running `eucan serve`: its process, and everything it wrote to stderr so far (read by a
    thread, so the pipe never fills and the text is there for a failure message)."""

    process: subprocess.Popen[str]
    data_dir: Path
    lines: list[str] = field(default_factory=list)
    reader: threading.Thread | None = None
    port: int | None = None

    @property
    def base(self) -> str:
        assert self.port is not None, "the server has not said its port"
        return f"http://127.0.0.1:{self.port}"

    @property
    def stderr(self) -> str:
        return "".join(self.lines)

    def wait(self, timeout: float) -> str:
        """Wait for the process to exit; its whole stderr."""
        self.process.wait(timeout=timeout)
        if self.reader is not None:
            self.reader.join(timeout=10)
        return self.stderr

    def fail(self, why: str) -> None:
        pytest.fail(f"{why}; `eucan serve` exit code {self.process.poll()}, its stderr:\n{self.stderr[-4000:]}")


def serve_process(data_dir: Path, *extra: str, port: int = 0, env: dict[str, str] | None = None) -> ServeProcess:
    """Start `eucan serve` on `port` (0: one the OS picks; `wait_until_serving` reads which)."""
    environment = {
        **os.environ,
        "EUCAN_DATA_DIR": str(data_dir),
        "EUCAN_SOURCES_DIR": str(ROOT / "data"),
        **(env or {}),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "eucan.cli", "serve", "--port", str(port), "--log-level", "warning", *extra],
        env=environment,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    served = ServeProcess(process=process, data_dir=data_dir)
    served.reader = threading.Thread(target=_read_lines, args=(served,), daemon=True)
    served.reader.start()
    return served


def _read_lines(served: ServeProcess) -> None:
    assert served.process.stderr is not None
    for line in served.process.stderr:
        served.lines.append(line)
        match = SERVING.search(line)
        if match and served.port is None:
            served.port = int(match.group(2))
    served.process.stderr.close()


def wait_until_serving(served: ServeProcess, timeout: float = 90.0) -> None:
    """Until the server says its port and answers /api/v1/health; a clear failure, with its stderr, if
    it exits or does not answer in time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if served.process.poll() is not None:
            if served.reader is not None:
                served.reader.join(timeout=10)
            served.fail("the server exited at start")
        if served.port is not None:
            try:
                if httpx.get(f"{served.base}/api/v1/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
        time.sleep(0.2)
    served.fail(f"the server did not answer /api/v1/health within {timeout:.0f} s")


def stop(served: ServeProcess) -> None:
    """However the test ended: stop the server (Ctrl+C, then a kill), close its pipe, and stop an
    engine it may have left (a killed server cannot stop its own)."""
    if served.process.poll() is None:
        served.process.send_signal(signal.SIGINT)
        try:
            served.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            served.process.kill()
            served.process.wait()
    if served.reader is not None:
        served.reader.join(timeout=10)
    if served.process.stderr is not None and not served.process.stderr.closed:
        served.process.stderr.close()
    for pid in engine_pids(served.data_dir.resolve() / SOCKET_NAME):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


@contextmanager
def running_serve(data_dir: Path, *extra: str, env: dict[str, str] | None = None) -> Iterator[ServeProcess]:
    """`eucan serve` on a port of its own, answering; stopped and cleaned up on the way out."""
    served = serve_process(data_dir, *extra, env=env)
    try:
        wait_until_serving(served)
        yield served
    finally:
        stop(served)


def listening_socket() -> socket.socket:
    """A loopback socket already listening on a port the OS chose (give it to uvicorn: no race)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    return sock


@contextmanager
def uvicorn_thread(app: Any, timeout: float = 30.0, **config: Any) -> Iterator[str]:
    """`app` served by uvicorn in a thread on its own port (`config`: more uvicorn.Config options);
    yields its base URL."""
    sock = listening_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, **{"log_level": "warning", **config}))
    failed: list[BaseException] = []

    def run() -> None:
        try:
            server.run(sockets=[sock])
        except BaseException as exc:  # noqa: BLE001 - reported to the test below
            failed.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + timeout
        while not server.started:
            if failed or not thread.is_alive():
                pytest.fail(f"the API server stopped at start: {failed[0]!r}" if failed else "the API server stopped")
            if time.monotonic() > deadline:
                pytest.fail(f"the API server did not start within {timeout:.0f} s")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
