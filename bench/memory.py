"""Peak memory of the processes a bench runs: this Python process, its children, and the engine.

Linux only (`/proc`, `ru_maxrss` in KiB). Every figure is a high-water mark of resident memory:

- `python_peak_mb()`: this process (`getrusage(RUSAGE_SELF).ru_maxrss`);
- `children_peak_mb()`: the largest finished child this process waited for (`RUSAGE_CHILDREN`; it counts
  what a child forked from a large process shares with it before `exec`, so benches measure a
  child command with GNU `time -f %M` instead);
- `process_peak_mb(pid)`: any running process, e.g. the engine's redis-server (`VmHWM` in
  `/proc/<pid>/status`), read before the process stops.
"""

from __future__ import annotations

import resource
from pathlib import Path

__all__ = ["engine_peak_mb", "children_peak_mb", "process_peak_mb", "python_peak_mb", "summary"]


def python_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def process_peak_mb(pid: int) -> float | None:
    """The high-water mark of a running process's resident memory (None if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def rss_mb(pid: int | str = "self") -> float:
    """A process's resident memory now, in MB (0 if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass  # gone meanwhile
    return 0.0


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (its children, theirs, ...), read from `/proc/PID/task/*/children`."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = list(Path(f"/proc/{parent}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            found += children
            todo += children
    return found


def engine_peak_mb(store: object) -> float | None:
    """Peak RSS of the embedded engine (redis-server) behind a `FalkorDBStore`."""
    server = getattr(store, "_server", None)
    process = getattr(server, "process", None)
    pid = getattr(process, "pid", None)
    if pid is None:
        from eucan.graph.falkordb_server import engine_pids

        socket = getattr(server, "socket", None)
        pids = engine_pids(socket) if socket is not None else []
        pid = pids[0] if pids else None
    return process_peak_mb(pid) if pid is not None else None


def summary(engine_mb: float | None = None, children: bool = False) -> str:
    """One line: peak RSS of this process (and of the engine, and of waited-for children)."""
    parts = [f"python {python_peak_mb():,.0f} MB"]
    if children:
        parts.append(f"largest child {children_peak_mb():,.0f} MB")
    if engine_mb is not None:
        parts.append(f"engine (redis-server) {engine_mb:,.0f} MB")
    return "peak RSS: " + ", ".join(parts)
