"""An incremental load rewrites only what changed, atomically; a bad edit or a killed load changes nothing."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from eucan.errors import SourceError, StoreError
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.graph.loads import GraphChanges, Manifest, content_hash
from eucan.loaders import incremental, yaml_source
from eucan.loaders.pipeline import STATE_FILE, load_sources, validate_sources
from eucan.ontology.mapping import PropertyGraph
from tests.conftest import ROOT


def _engine_content(store: FalkorDBStore) -> str:
    """The live graph's content read back from the engine (not from LoadInfo)."""
    nodes = store.run("MATCH (n:Resource) RETURN labels(n), properties(n)", row_cap=100_000).rows
    rels = store.run("MATCH (a:Resource)-[r]->(b:Resource) RETURN a.uri, type(r), b.uri", row_cap=100_000).rows
    return _digest([(labels, props) for labels, props in nodes], [tuple(r) for r in rels])


def _graph_content(graph: PropertyGraph) -> str:
    nodes = [(["Resource", *labels], row) for labels, rows in graph.nodes.items() for row in rows]
    rels = [(r["from"], t, r["to"]) for t, rows in graph.relationships.items() for r in rows]
    return _digest(nodes, rels)


def _digest(nodes: list[tuple[Any, Any]], rels: list[tuple[Any, ...]]) -> str:
    lines = sorted(json.dumps([sorted(set(labels)), props], sort_keys=True) for labels, props in nodes)
    return hashlib.sha256("\n".join([*lines, "--", *sorted({" ".join(r) for r in rels})]).encode()).hexdigest()


def _edit(folder: Path, section: str, index: int, **changes: Any) -> Path:
    path = folder / f"{section}-000.yaml"
    doc = yaml.safe_load(path.read_text())
    doc[section][index].update(changes)
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    return path


def test_an_edit_rewrites_only_the_changed_records(sources: Path, store: FalkorDBStore, tmp_path: Path) -> None:
    state = tmp_path / "kg"
    first = load_sources(store, [sources], root=tmp_path, state_dir=state)
    assert first.load is not None and first.load.mode == "full"
    again = load_sources(store, [sources], root=tmp_path, state_dir=state)
    assert again.load is not None and again.load.mode == "unchanged"
    assert again.load.info == first.load.info  # nothing written, same generation

    _edit(sources, "participations", 3, role="observer")  # one property of one record
    path = sources / "memberships-000.yaml"  # one record removed
    doc = yaml.safe_load(path.read_text())
    removed = doc["memberships"].pop(0)["id"]
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    result = load_sources(store, [sources], root=tmp_path, state_dir=state)

    summary = result.load
    assert summary is not None and summary.mode == "incremental"
    assert summary.info.generation == first.load.info.generation + 1
    # the participation is rewritten; the removed membership goes, and with it the MEMBER_OF shortcut its
    # member had (so the member, whose outgoing relationships changed, is rewritten too)
    assert summary.deleted <= 4 and summary.nodes <= 3, summary
    assert result.validated is None  # only the changed records were validated
    expected = validate_sources([sources], tmp_path).property_graph
    assert _engine_content(store) == _graph_content(expected)
    assert store.load_generation() == summary.info
    assert summary.info.content_hash == content_hash(expected)
    assert not store.run("MATCH (m:Resource {id: $id}) RETURN m", {"id": removed}).rows
    assert store.run("MATCH (p:Participation {id: 'part-synthetic-3'})-[:ROLE]->(r) RETURN r.id").rows == [["observer"]]
    assert store._staging_graphs() == []

    full = load_sources(store, [sources], root=tmp_path, state_dir=state, full=True)
    assert full.load is not None and full.load.mode == "full"
    assert _engine_content(store) == _graph_content(expected)
    assert full.load.info.content_hash == summary.info.content_hash


def test_a_bad_edit_is_refused_with_file_and_line_and_the_graph_stays(
    sources: Path, store: FalkorDBStore, tmp_path: Path
) -> None:
    state = tmp_path / "kg"
    load_sources(store, [sources], root=tmp_path, state_dir=state)
    before, content = store.load_generation(), _engine_content(store)
    path = _edit(sources, "participations", 2, actor="actor-nobody")
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "actor-nobody" in text)
    with pytest.raises(SourceError) as refused:
        load_sources(store, [sources], root=tmp_path, state_dir=state)
    [problem] = refused.value.problems
    assert (problem.file, problem.line) == ("data/participations-000.yaml", line)
    assert "unknown actor 'actor-nobody'" in problem.message
    assert store.load_generation() == before and _engine_content(store) == content


def test_a_state_of_another_load_means_a_full_load(sources: Path, store: FalkorDBStore, tmp_path: Path) -> None:
    state = tmp_path / "kg"
    load_sources(store, [sources], root=tmp_path, state_dir=state)
    kept = incremental.read_state(state)
    assert kept is not None
    kept.token = "someone-else"
    incremental.save_state(state, kept)
    _edit(sources, "events", 0, name="Renamed meeting")
    result = load_sources(store, [sources], root=tmp_path, state_dir=state)
    assert result.load.mode == "full" and result.validated is not None
    assert _engine_content(store) == _graph_content(result.validated.property_graph)
    (state / STATE_FILE).write_bytes(b"not a state")  # unreadable: a full load too
    _edit(sources, "events", 1, name="Renamed again")
    assert load_sources(store, [sources], root=tmp_path, state_dir=state).load.mode == "full"


def test_the_state_reads_back_as_saved_across_frames(
    sources: Path, store: FalkorDBStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = tmp_path / "kg"
    load_sources(store, [sources], root=tmp_path, state_dir=state)
    kept = incremental.read_state(state)
    assert kept is not None and kept.record_count > 7 and len(kept.index.subjects) > 7
    monkeypatch.setattr(incremental, "STATE_PART", 7)  # many frames of every list and mapping
    kept.manifest.links["https://example.org/not-a-subject"] = 2  # a key the index does not list
    incremental.save_state(state, kept)
    back = incremental.read_state(state)
    assert back == kept and back is not None and list(back.iter_records()) == list(kept.iter_records())
    assert back.manifest.links["https://example.org/not-a-subject"] == 2
    uri = next(back.iter_records())[1][incremental.URI]
    assert any(subject is uri for subject in back.index.subjects)  # strings shared between frames stay shared
    data = (state / STATE_FILE).read_bytes()
    (state / STATE_FILE).write_bytes(data[: len(data) // 2])  # cut short (e.g. a full disk): no state
    assert incremental.read_state(state) is None


def test_records_written_out_during_a_full_load_make_the_same_state(
    sources: Path, store: FalkorDBStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full load writes its records' state entries out as it goes (`incremental.RecordSpill`): the saved
    state, what the load returns and the next incremental load are as without."""
    state = tmp_path / "kg"
    load_sources(store, [sources], root=tmp_path, state_dir=state)
    whole = incremental.read_state(state)
    assert whole is not None
    monkeypatch.setattr(incremental, "STATE_PART", 7)
    loaded = load_sources(store, [sources], root=tmp_path, state_dir=state, full=True)
    assert loaded.validated is not None and loaded.validated.state is not None
    returned = loaded.validated.state
    records = list(whole.iter_records())
    assert returned.spilled is not None and returned.spilled.count >= len(records) - 7
    assert returned.record_count == whole.record_count
    assert list(returned.iter_records()) == records
    kept = incremental.read_state(state)
    assert kept is not None and list(kept.iter_records()) == records
    returned.unpack()
    assert returned.spilled is None and list(returned.records.items()) == records
    _edit(sources, "participations", 3, role="observer")
    result = load_sources(store, [sources], root=tmp_path, state_dir=state)
    assert result.load.mode == "incremental"
    assert _engine_content(store) == _graph_content(validate_sources([sources], tmp_path).property_graph)


def test_a_broken_edit_is_reported_by_the_full_validation(sources: Path, store: FalkorDBStore, tmp_path: Path) -> None:
    """The incremental path sends any problem to the full validation: every consequence is reported
    (here: the removed actor's referrers in other files), as a full load reports it."""
    state = tmp_path / "kg"
    load_sources(store, [sources], root=tmp_path, state_dir=state)
    before = store.load_generation()
    path = sources / "actors-000.yaml"
    doc = yaml.safe_load(path.read_text())
    gone = doc["actors"].pop(2)["id"]
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    with pytest.raises(SourceError) as refused:
        load_sources(store, [sources], root=tmp_path, state_dir=state)
    with pytest.raises(SourceError) as full:
        validate_sources([sources], tmp_path)
    assert refused.value.problems == full.value.problems
    assert any(gone in p.message for p in refused.value.problems)
    assert store.load_generation() == before


KILLED = """
import sys
from pathlib import Path
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.loaders.pipeline import load_sources

def report(done, total):
    print("progress", done, total, flush=True)

store = FalkorDBStore(Path(sys.argv[1]), in_place_max_rows=int(sys.argv[3]))
result = load_sources(store, [Path(sys.argv[2])], root=Path(sys.argv[2]), batch_size=1, progress=report,
                      state_dir=Path(sys.argv[1]))
print("finished", result.load.mode, flush=True)
"""


@pytest.mark.parametrize("in_place_max_rows", [0, 20_000], ids=["copy-on-write", "in-place"])
def test_a_killed_incremental_load_leaves_the_previous_graph(
    sources: Path, tmp_path: Path, in_place_max_rows: int
) -> None:
    """Killed during the write: copy-on-write, the live graph was never touched; in place, the one
    write query was sent or not, so the graph is the previous one or the new one, never a mix."""
    state = tmp_path / "kg"
    with FalkorDBStore(state, row_cap=100_000) as store:
        load_sources(store, [sources], root=tmp_path, state_dir=state)
        before, content = store.load_generation(), _engine_content(store)
    for index in range(12):
        _edit(sources, "participations", index, role="observer" if index % 2 else "coordinator")
    after = _graph_content(validate_sources([sources], tmp_path).property_graph)
    with subprocess.Popen(
        [sys.executable, "-c", KILLED, str(state), str(sources), str(in_place_max_rows)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            assert not line.startswith("finished"), "the load finished before it could be killed"
            if line.startswith("progress"):  # the copy is being changed: kill it there
                os.kill(proc.pid, signal.SIGKILL)
                break
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with FalkorDBStore(state, row_cap=100_000) as store:
        if in_place_max_rows == 0:
            assert store.load_generation() == before and _engine_content(store) == content
        else:
            assert _engine_content(store) in (content, after)
            assert (store.load_generation() == before) == (_engine_content(store) == content)
        assert store._staging_graphs() == []
        result = load_sources(store, [sources], root=tmp_path, state_dir=state)  # and the next load works
        assert result.load.mode in ("incremental", "full", "unchanged")
        assert _engine_content(store) == after


def test_a_failed_in_place_update_leaves_the_previous_graph(
    sources: Path, store: FalkorDBStore, tmp_path: Path
) -> None:
    """The in-place update is one query: when the engine fails it midway (here, on a property value
    it cannot store, after the deletions ran), FalkorDB rolls the whole query back."""
    load_sources(store, [sources], root=tmp_path, state_dir=tmp_path / "kg")
    before, content = store.load_generation(), _engine_content(store)
    assert before is not None
    victim = "https://w3id.org/eucan-security/id/participation/participation-1"
    bad = PropertyGraph(nodes={("Participation",): [{"uri": victim, "note": {"a map": 1}}]})
    changes = GraphChanges(delete=[victim], write=bad)
    with pytest.raises(StoreError, match="the live graph is unchanged"):
        store.update_graph(changes, Manifest(digests={}, relationships=0), expected_token=before.token)
    assert store.load_generation() == before and _engine_content(store) == content


def test_an_edit_keeping_the_files_size_and_time_is_found_and_only_its_record_is_read(
    sources: Path, store: FalkorDBStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file's bytes decide (not its size or time), and in a changed file only the records whose text
    changed are read (`incremental.record_chunks`); the result is the full load's."""
    state = tmp_path / "kg"
    load_sources(store, [sources], root=tmp_path, state_dir=state)
    path = sources / "participations-000.yaml"
    before = path.stat()
    text = path.read_text()
    assert text.count("role: participant") > 1
    path.write_text(text.replace("role: participant", "role: coordinator", 1))  # as many bytes
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    read: list[str] = []

    def read_text(text: str, label: str) -> Any:
        read.append(label)
        return yaml_source.read_text(text, label)

    monkeypatch.setattr(incremental, "read_text", read_text)
    monkeypatch.setattr(incremental, "read_file", lambda *_: pytest.fail("the whole file was read"))
    result = load_sources(store, [sources], root=tmp_path, state_dir=state)
    assert result.load.mode == "incremental" and result.load.nodes >= 1, result.load
    assert read == ["data/participations-000.yaml"]  # one record's text
    monkeypatch.undo()
    assert _engine_content(store) == _graph_content(validate_sources([sources], tmp_path).property_graph)


def test_a_record_whose_quote_runs_into_the_next_is_refused_at_its_line(
    sources: Path, store: FalkorDBStore, tmp_path: Path
) -> None:
    state = tmp_path / "kg"
    load_sources(store, [sources], root=tmp_path, state_dir=state)
    before, content = store.load_generation(), _engine_content(store)
    path = sources / "participations-000.yaml"
    lines = path.read_text().splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines) if "quote: " in line and n > 20)
    lines[number] = lines[number].replace("quote: ", 'quote: "', 1)  # never closed
    path.write_text("".join(lines))
    with pytest.raises(SourceError) as refused:
        load_sources(store, [sources], root=tmp_path, state_dir=state)
    [problem] = refused.value.problems
    assert (problem.file, problem.line) == ("data/participations-000.yaml", number + 1), problem
    assert store.load_generation() == before and _engine_content(store) == content
