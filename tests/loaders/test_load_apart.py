"""A large full load validated and written by a child process (`loaders.apart`, forced here with
`apart_bytes=0`): the same graph, saved RDF and load state as the load in one process; the same clear
error for bad sources; and a child killed mid-write leaves the previous graph, saved RDF and state."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from bench.synthetic import generate, write_yaml
from eucan.cli import app
from eucan.errors import SourceError, StoreError
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.linked.saved_rdf import derive_bodies
from eucan.loaders import apart, incremental
from eucan.loaders.pipeline import STATE_FILE, Loaded, load_sources
from eucan.loaders.rdf_cache import RDF_CACHE_DIR
from eucan.queries.runner import graph_stats
from tests.conftest import DATA

MALFORMED = Path(__file__).parent / "malformed"
NODES = "MATCH (n:Resource) RETURN labels(n), properties(n) ORDER BY n.uri"
RELATIONSHIPS = "MATCH (a:Resource)-[r]->(b:Resource) RETURN a.uri, type(r), b.uri ORDER BY a.uri, type(r), b.uri"


def _load(store: FalkorDBStore, folder: Path, sources: Path, *, apart_bytes: int, **kwargs: Any) -> Loaded:
    """As `eucan load` loads (the triples let go, the export's bodies made), in or out of process."""
    return load_sources(
        store,
        [sources],
        root=sources.parent,
        state_dir=folder,
        derive=derive_bodies,
        keep_rdf=False,
        apart_bytes=apart_bytes,
        **kwargs,
    )


def _saved(folder: Path, token: str) -> dict[str, Any]:
    """The saved RDF and the files made from it, by suffix (its counts read: their order is the order of a
    set of strings, which differs from process to process)."""
    return {
        path.name[len(token) :]: json.loads(path.read_bytes()) if path.suffix == ".json" else path.read_bytes()
        for path in sorted((folder / RDF_CACHE_DIR).iterdir())
        if path.name.startswith(token)
    }


def _state(folder: Path) -> dict[str, Any]:
    """The load state, its token left out (each load has its own)."""
    state = incremental.read_state(folder)
    assert state is not None
    return {
        "files": state.files,
        "records": dict(state.iter_records()),
        "tenures": state.tenures,
        "digests": state.manifest.digests,
        "relationships": state.manifest.relationships,
        "subjects": list(state.index.subjects),
        "starts": list(state.index.starts),
        "derived": state.derived,
    }


def _graph(store: FalkorDBStore) -> tuple[list[Any], list[Any]]:
    return store.run(NODES, row_cap=100_000).rows, store.run(RELATIONSHIPS, row_cap=100_000).rows


def test_a_load_apart_keeps_what_a_load_in_process_keeps(sources: Path, tmp_path: Path) -> None:
    phases: list[str] = []
    progress: list[tuple[int, int]] = []
    with (
        FalkorDBStore(tmp_path / "one", row_cap=100_000) as one,
        FalkorDBStore(tmp_path / "two", row_cap=100_000) as two,
    ):
        here = _load(one, tmp_path / "one", sources, apart_bytes=1 << 60)
        there = _load(
            two,
            tmp_path / "two",
            sources,
            apart_bytes=0,
            on_phase=lambda phase, seconds: phases.append(phase),
            progress=lambda done, total: progress.append((done, total)),
        )
        assert here.validated is not None and there.validated is None  # the child held the data
        assert phases == ["read", "checks", "rdf", "shacl", "property_graph"]  # reported from the child
        assert progress and progress[-1][0] == progress[-1][1] == there.load.nodes + there.load.relationships
        assert (there.records, there.files, there.triples) == (here.records, here.files, here.triples)
        a, b = here.load.info, there.load.info
        assert (b.content_hash, b.nodes, b.relationships, b.generation) == (a.content_hash, a.nodes, a.relationships, 1)
        assert (there.load.nodes, there.load.relationships) == (here.load.nodes, here.load.relationships)
        assert _graph(two) == _graph(one)
        assert two.load_generation() == b
        assert _saved(tmp_path / "two", b.token) == _saved(tmp_path / "one", a.token)
        assert len(_saved(tmp_path / "two", b.token)) >= 5  # the saved RDF, its counts, the bodies and their starts
        assert _state(tmp_path / "two") == _state(tmp_path / "one")
        assert incremental.read_state(tmp_path / "two").token == b.token  # type: ignore[union-attr]
        assert not list((tmp_path / "two").glob(f"{apart.STAGED_STATE_PREFIX}*"))

        # the state the child saved serves the next, incremental load
        path = sources / "participations-000.yaml"
        doc = yaml.safe_load(path.read_text())
        doc["participations"][3]["role"] = "observer"
        path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
        again = _load(two, tmp_path / "two", sources, apart_bytes=0)
        assert again.load.mode == "incremental" and again.load.nodes >= 1
        full = _load(one, tmp_path / "one", sources, apart_bytes=1 << 60, full=True)
        assert again.load.info.content_hash == full.load.info.content_hash
        assert _graph(two) == _graph(one)


def test_a_bad_source_gives_the_same_clear_error_from_the_child(tmp_path: Path) -> None:
    sources = tmp_path / "data"
    shutil.copytree(DATA, sources)
    for name in ("02_unknown_field.yaml", "04_bad_date.yaml"):
        shutil.copy(MALFORMED / name, sources / name)
    errors = []
    with FalkorDBStore(tmp_path / "kg") as store:
        for apart_bytes in (1 << 60, 0):
            with pytest.raises(SourceError) as caught:
                _load(store, tmp_path / "kg", sources, apart_bytes=apart_bytes)
            errors.append(caught.value)
        assert store.load_generation() is None  # nothing written
    assert str(errors[1]) == str(errors[0]) and errors[1].problems == errors[0].problems
    assert "data/02_unknown_field.yaml:5: actor 'atlantis': unknown field 'capital'" in str(errors[1])


def test_the_cli_reports_a_bad_source_from_the_child_without_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(apart, "APART_BYTES", 0)
    sources = tmp_path / "data"
    shutil.copytree(DATA, sources)
    shutil.copy(MALFORMED / "02_unknown_field.yaml", sources / "02_unknown_field.yaml")
    result = CliRunner().invoke(app, ["load", "--full", "-q", "--data-dir", str(tmp_path / "kg"), str(sources)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "02_unknown_field.yaml:5: actor 'atlantis': unknown field 'capital'" in result.output
    assert "nothing was loaded" in result.output


def test_a_killed_child_leaves_the_previous_graph_saved_rdf_and_state(sources: Path, tmp_path: Path) -> None:
    folder = tmp_path / "kg"
    big = tmp_path / "big"
    write_yaml(generate(1500, seed=3), big)
    with FalkorDBStore(folder, row_cap=100_000) as store:
        first = _load(store, folder, sources, apart_bytes=0)
        before = graph_stats(store=store).as_dict(), _graph(store), store.load_generation()
        kept = _saved(folder, first.load.info.token), (folder / STATE_FILE).read_bytes()
        calls = 0

        def kill_midway(done: int, total: int) -> None:
            nonlocal calls
            calls += 1
            if calls == 5:  # some batches are in the staging graph
                for child in multiprocessing.active_children():
                    if child.name == "eucan-load":
                        os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]

        with pytest.raises(StoreError, match="killed by signal 9 .* the live graph is unchanged"):
            _load(store, folder, big, apart_bytes=0, batch_size=20, full=True, progress=kill_midway)
        assert (graph_stats(store=store).as_dict(), _graph(store), store.load_generation()) == before
        assert (_saved(folder, first.load.info.token), (folder / STATE_FILE).read_bytes()) == kept
        assert not store._staging_graphs()  # noqa: SLF001 - dropped at once
        # the state still serves the next load: nothing changed in the sources
        assert _load(store, folder, sources, apart_bytes=0).load.mode == "unchanged"
