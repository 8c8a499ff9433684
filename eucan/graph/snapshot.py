"""Which load the embedded engine's saved graph holds, read without starting the engine.

The embedded engine keeps the graph in one snapshot file (`graph.rdb`), written only by `SAVE`
(the engine runs with automatic saves off): after every load and when its owner stops it. Each
time the store saves, it writes a stamp beside the snapshot (`graph.stamp.json`): the graph's name,
the token of the `LoadInfo` the saved graph holds, and the snapshot file's size and modification
time as they are right after the save.

`saved_token` gives that token back only while it is certainly the graph the engine would start
with: no process runs the folder's engine (its lock is free and its socket gone), and the snapshot
is still the file the stamp describes (same size and modification time). Any other save (a load
by an older version, a crash between the save and the stamp) changes the file and voids the
stamp, so the answer is then None and callers start the engine and ask it. `eucan export` uses
this to stream the load's saved canonical RDF without starting the engine (seconds at 100 k facts).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from pathlib import Path

__all__ = ["STAMP_NAME", "saved_token", "write_stamp"]

STAMP_NAME = "graph.stamp.json"
_RDB_NAME = "graph.rdb"  # falkordb_server.RDB_NAME (not imported: that module pulls in the redis client)
_SOCKET_NAME = "falkordb.sock"  # falkordb_server.SOCKET_NAME
_LOCK_NAME = "eucan.lock"


def _identity(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def write_stamp(data_dir: Path, graph_name: str, token: str | None) -> None:
    """Record that the snapshot just saved in `data_dir` holds graph `graph_name` of load `token`
    (None: unknown, the stamp is removed). Call right after a `SAVE` has returned."""
    path = data_dir / STAMP_NAME
    identity = _identity(data_dir / _RDB_NAME)
    with contextlib.suppress(OSError):
        if not token or identity is None:
            path.unlink(missing_ok=True)
            return
        part = path.with_name(f"{STAMP_NAME}.{os.getpid()}.part")
        part.write_text(json.dumps({"graph": graph_name, "token": token, "rdb": identity}), encoding="utf-8")
        part.replace(path)


def _engine_may_run(data_dir: Path) -> bool:
    if (data_dir / _SOCKET_NAME).exists():
        return True
    try:
        handle = (data_dir / _LOCK_NAME).open("a+")
    except OSError:
        return True
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
    return False


def saved_token(data_dir: Path, graph_name: str) -> str | None:
    """The load token of graph `graph_name` in the saved snapshot, when no engine runs on the folder
    and the stamp still describes the snapshot; otherwise None (ask the engine)."""
    try:
        stamp = json.loads((data_dir / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("graph") != graph_name or not isinstance(stamp.get("token"), str):
        return None
    if _engine_may_run(data_dir) or _identity(data_dir / _RDB_NAME) != stamp.get("rdb"):
        return None
    token: str = stamp["token"]
    return token or None
