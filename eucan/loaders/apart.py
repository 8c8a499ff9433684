"""A large full load validated and written by a child process, switched in by the loading process.

A process's resident memory is its heap's high-water mark: the objects a full load frees (the models
after the read, the triples while the rows are written) leave Python's arenas mapped, so the loading
process keeps its peak to the end of the load. The engine's graph is at its largest at that end too:
it builds its indexes after the rows (at 100,000 facts 129 → 294 MB). Both together were the load's
peak (6.9 GB at a million facts). Here the child validates, makes the rows and writes them into the
staging graph, saves the canonical RDF and the load state under names of no load yet, and exits
before the engine builds the indexes; the loading process, small all along, then has the indexes
built, writes the `LoadInfo`, switches the graph in and names the saved files after the load.

The loading process holds the load lock throughout (`StagedStore.staging`: it picks the token and drops
orphan staging graphs), so nothing else writes meanwhile. The child is started with `spawn` (never a
fork of a threaded process) and reports its phases and write progress through a pipe, then either
what it wrote or its error: problems in the sources reach the caller as the same `SourceError`, any
other project error as the same class and message. A child that dies (killed, out of memory) ends
the pipe: the load fails with `StoreError`, the staging graph and the files it prepared are dropped,
and the live graph, its saved RDF and its load state stay as they were. A child whose loading process
dies stops too (it would write a staging graph nobody switches in); Ctrl+C stops the loading process,
which stops the child.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import signal
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from eucan.errors import EucanError, SourceError, StoreError
from eucan.graph.store import Progress, Staged, StagedStore, Staging
from eucan.loaders import incremental
from eucan.loaders.phase_timer import PhaseReport
from eucan.loaders.pipeline import STATE_FILE, Loaded, LoadSummary, finish_state, validate_sources, write_validated
from eucan.loaders.rdf_cache import Derive, commit_files, discard
from eucan.loaders.yaml_source import iter_files

__all__ = ["APART_BYTES", "STAGED_STATE_PREFIX", "large", "load_apart"]

APART_BYTES = 12_000_000
"""Sources from which a full load (`keep_rdf=False`, with a data folder) is written by a child process:
about `pipeline.LARGE_LOAD` records (the synthetic data runs ~275 bytes a fact). Decided from the files'
sizes, known before anything is read; below it the child's start (~1-2 s of imports) buys nothing."""

STAGED_STATE_PREFIX = "load-staging-"
"""In the data folder: `<prefix><token>/`, the load state a child saved for load `token`, moved into place
once that load's graph is switched in (a folder left by a killed load is removed by the next)."""


def large(paths: list[Path], root: Path, apart_bytes: int | None = None) -> bool:
    """True if the sources hold at least `apart_bytes` (default `APART_BYTES`) bytes."""
    threshold = APART_BYTES if apart_bytes is None else apart_bytes
    total = 0
    for path, _ in iter_files(paths, root):
        try:
            total += path.stat().st_size
        except OSError:
            continue  # the validation reports it
        if total >= threshold:
            return True
    return total >= threshold


@dataclass
class _Written:
    """What the child did, sent to the loading process (small: the state itself is on disk)."""

    staged: Staged
    files: list[str]
    records: int
    triples: int
    nodes: int
    relationships: int
    seconds: float
    part: Path
    stats: dict[str, Any]
    derived: dict[str, Path]
    timings: dict[str, float] = field(default_factory=dict)


def _staged_state(state_dir: Path, token: str) -> Path:
    return state_dir / f"{STAGED_STATE_PREFIX}{token}"


def load_apart(
    store: StagedStore,
    paths: list[Path],
    root: Path,
    state_dir: Path,
    *,
    batch_size: int = 1000,
    progress: Progress | None = None,
    on_phase: PhaseReport | None = None,
    derive: Derive | None = None,
) -> Loaded:
    """The full load of `pipeline.load_sources` (`keep_rdf=False`, with `state_dir`), its validation and
    write done by a child process (see the module's docstring). The same graph, saved RDF and state."""
    context = multiprocessing.get_context("spawn")
    with store.staging() as staging:
        for orphan in state_dir.glob(f"{STAGED_STATE_PREFIX}*"):  # we hold the load lock: left by killed loads
            shutil.rmtree(orphan, ignore_errors=True)
        reader, writer = context.Pipe(duplex=False)
        child = context.Process(
            target=_child,
            args=(staging, paths, root, state_dir, batch_size, derive, writer, os.getpid()),
            name="eucan-load",
        )
        try:
            child.start()
            writer.close()  # the child's end only: the pipe ends when the child does
            written = _follow(reader, child, progress, on_phase)
        except BaseException:
            if child.is_alive():
                child.kill()
            raise
        finally:
            reader.close()
            if child.pid is not None:
                child.join()  # its memory is given back before the engine builds the indexes
        folder = _staged_state(state_dir, staging.token)
        try:
            started = time.perf_counter()
            info = store.switch_in(staging, written.staged)
            seconds = written.seconds + time.perf_counter() - started
        except BaseException:
            discard(written.part, (None, None, written.derived))
            shutil.rmtree(folder, ignore_errors=True)
            raise
        started = time.perf_counter()
        (state_dir / STATE_FILE).unlink(missing_ok=True)
        commit_files(state_dir, info.token, written.part, written.stats, written.derived)
        (folder / STATE_FILE).replace(state_dir / STATE_FILE)
        shutil.rmtree(folder, ignore_errors=True)
    summary = LoadSummary("full", info, nodes=written.nodes, relationships=written.relationships, seconds=seconds)
    summary.rdf_cache_seconds = time.perf_counter() - started
    return Loaded(written.files, written.records, summary, written.timings, None, written.triples)


def _follow(reader: Connection, child: Any, progress: Progress | None, on_phase: PhaseReport | None) -> _Written:
    """Pass the child's reports on until it sends what it wrote, or its error (raised here)."""
    while True:
        try:
            message = reader.recv()
        except EOFError:
            child.join()
            code = child.exitcode
            how = f"was killed by signal {-code}" if code is not None and code < 0 else f"ended with code {code}"
            raise StoreError(
                f"the load's child process {how} before it had written the graph; the live graph is unchanged"
            ) from None
        kind = message[0]
        if kind == "progress":
            if progress is not None:
                progress(message[1], message[2])
        elif kind == "phase":
            if on_phase is not None:
                on_phase(message[1], message[2])
        elif kind == "problems":
            raise SourceError(message[1])
        elif kind == "error":
            raise message[1](message[2])
        else:
            written: _Written = message[1]
            return written


def _child(
    staging: Staging,
    paths: list[Path],
    root: Path,
    state_dir: Path,
    batch_size: int,
    derive: Derive | None,
    writer: Connection,
    parent: int,
) -> None:
    """The child's whole life: validate, write, report; then exit at once (freeing a large heap object by
    object would only delay the loading process, which waits for this process to end)."""
    _stop_with(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches both: the loading process stops this one
    gc.disable()  # as `load_sources` (its objects hold no cycles)
    message: tuple[Any, ...]
    try:
        message = ("done", _validate_and_write(staging, paths, root, state_dir, batch_size, derive, writer.send))
    except SourceError as exc:
        message = ("problems", exc.problems)
    except EucanError as exc:  # one message each (`errors`): the same class and text in the loading process
        message = ("error", type(exc), str(exc))
    except BaseException as exc:
        traceback.print_exc()
        text = f"the load's child process failed ({type(exc).__name__}: {exc}); the live graph is unchanged"
        message = ("error", StoreError, text)
    try:
        writer.send(message)
        writer.close()
    finally:
        os._exit(0)


def _validate_and_write(
    staging: Staging,
    paths: list[Path],
    root: Path,
    state_dir: Path,
    batch_size: int,
    derive: Derive | None,
    send: Callable[[Any], None],
) -> _Written:
    validated = validate_sources(
        paths, root, keep_state=True, on_phase=lambda phase, seconds: send(("phase", phase, seconds))
    )
    rows = validated.rows
    started = time.perf_counter()
    staged, prepared = write_validated(
        validated,
        lambda graph, manifest: staging.write(
            graph,
            batch_size=batch_size,
            progress=lambda done, total: send(("progress", done, total)),
            manifest=manifest,
        ),
        state_dir,
        derive,
        keep_rdf=False,
    )
    seconds = time.perf_counter() - started
    assert prepared is not None and validated.state is not None  # a data folder and keep_state
    part, (stats, index, derived) = prepared
    try:
        finish_state(validated.state, rows.manifest, staging.token, index)
        incremental.save_state(_staged_state(state_dir, staging.token), validated.state)
    except BaseException:
        discard(part, prepared[1])
        raise
    return _Written(
        staged=staged,
        files=validated.files,
        records=validated.records,
        triples=validated.triples,
        nodes=rows.node_count,
        relationships=rows.relationship_count,
        seconds=seconds,
        part=part,
        stats=stats,
        derived=dict(derived),
        timings=validated.timings,
    )


def _stop_with(parent: int) -> None:
    """End this process if the loading process ends first (killed: nobody would switch its graph in)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="eucan-load-parent", daemon=True).start()
