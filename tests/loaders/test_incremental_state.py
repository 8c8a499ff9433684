"""The saved load state is read a frame at a time (`incremental.StoredRecords`): a reload decodes the
frames it needs, writes again only those it changed, and still loads what a full load loads."""

from __future__ import annotations

import marshal
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from eucan.graph.falkordb_store import FalkorDBStore
from eucan.loaders import incremental
from eucan.loaders.pipeline import STATE_FILE, load_sources, validate_sources
from tests.loaders.test_incremental import _engine_content, _graph_content


def _quote(folder: Path, index: int) -> str:
    """Correct one quote of participation `index` (from the end when negative); its id."""
    path = folder / "participations-000.yaml"
    doc = yaml.safe_load(path.read_text())
    record = doc["participations"][index]
    record["evidence"][0]["quote"] = record["evidence"][0]["quote"].rstrip(".") + ", as corrected."
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    return str(record["id"])


def _same_as_full(store: FalkorDBStore, sources: Path, root: Path, state: Path) -> None:
    """The live graph and the saved state's records are those of a full validation of the same files."""
    full = validate_sources([sources], root, keep_state=True)
    assert _engine_content(store) == _graph_content(full.property_graph)
    kept = incremental.read_state(state)
    assert kept is not None and full.state is not None
    assert dict(kept.iter_records()) == dict(full.state.iter_records())
    assert kept.record_count == full.state.record_count


def test_a_reload_decodes_only_the_frames_it_needs(
    sources: Path, store: FalkorDBStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(incremental, "RECORD_PART", 4)  # many record frames
    state = tmp_path / "kg"
    load_sources(store, [sources], root=tmp_path, state_dir=state)
    kept = incremental.read_state(state)
    assert kept is not None and kept.stored is not None
    frames = len(kept.stored.bodies)
    assert frames > 50
    decoded: set[int] = set()
    read = incremental.StoredRecords._frame

    def counted(self: incremental.StoredRecords, number: int) -> dict[str, Any]:
        decoded.add(number)
        return read(self, number)

    monkeypatch.setattr(incremental.StoredRecords, "_frame", counted)
    first = _quote(sources, 1)
    result = load_sources(store, [sources], root=tmp_path, state_dir=state)
    assert result.load.mode == "incremental" and result.load.nodes > 0
    assert 0 < len(decoded) < frames // 4, f"{len(decoded)} of {frames} frames decoded"
    before = set(decoded)
    _same_as_full(store, sources, tmp_path, state)  # (reads every frame)
    # a frame the first reload left as bytes (the last record's) is read, and changed, by the next one
    decoded.clear()
    last = _quote(sources, -1)
    assert last != first
    result = load_sources(store, [sources], root=tmp_path, state_dir=state)
    assert result.load.mode == "incremental"
    assert decoded - before and len(decoded) < frames // 4, "the second edit's frame was decoded by the first reload"
    _same_as_full(store, sources, tmp_path, state)


def test_a_renamed_and_a_removed_file_reload_as_a_full_load_would(
    sources: Path, store: FalkorDBStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(incremental, "RECORD_PART", 4)
    state = tmp_path / "kg"
    load_sources(store, [sources], root=tmp_path, state_dir=state)
    (sources / "participations-000.yaml").rename(sources / "participations-007.yaml")
    result = load_sources(store, [sources], root=tmp_path, state_dir=state)
    assert result.load.mode in ("incremental", "unchanged"), result.load.reason
    _same_as_full(store, sources, tmp_path, state)
    _quote_file = sources / "participations-007.yaml"
    doc = yaml.safe_load(_quote_file.read_text())
    doc["participations"][2]["role"] = "observer"
    _quote_file.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    assert load_sources(store, [sources], root=tmp_path, state_dir=state).load.mode == "incremental"
    _same_as_full(store, sources, tmp_path, state)
    # a file of records nothing refers to goes: its records' nodes go, the others stay
    (sources / "participations-007.yaml").unlink()
    result = load_sources(store, [sources], root=tmp_path, state_dir=state)
    assert result.load.mode == "incremental" and result.load.deleted > 0
    _same_as_full(store, sources, tmp_path, state)


def test_an_old_or_damaged_state_means_a_full_load_saying_why(
    sources: Path, store: FalkorDBStore, tmp_path: Path
) -> None:
    state = tmp_path / "kg"
    load_sources(store, [sources], root=tmp_path, state_dir=state)
    data = (state / STATE_FILE).read_bytes()
    size = int.from_bytes(data[:8], "little")
    head = marshal.loads(data[8 : 8 + size])
    old = marshal.dumps((5, *head[1:]))  # the head of a state of version 5
    (state / STATE_FILE).write_bytes(len(old).to_bytes(8, "little") + old + data[8 + size :])
    assert incremental.read_state_or_why(state) == (
        f"the saved load state is of another version (5; this code reads {incremental.STATE_VERSION})"
    )
    _quote(sources, 0)
    result = load_sources(store, [sources], root=tmp_path, state_dir=state)
    assert result.load.mode == "full"
    assert result.load.reason.startswith("the saved load state is of another version (5;")
    _same_as_full(store, sources, tmp_path, state)
    # cut short, or not a state at all: a full load, saying so
    data = (state / STATE_FILE).read_bytes()
    for damaged in (data[: len(data) * 2 // 3], b"\x05\x00\x00\x00\x00\x00\x00\x00abcde"):
        (state / STATE_FILE).write_bytes(damaged)
        _quote(sources, 2)
        result = load_sources(store, [sources], root=tmp_path, state_dir=state)
        assert result.load.mode == "full"
        assert result.load.reason == "the saved load state cannot be read (damaged or cut short)"
        _same_as_full(store, sources, tmp_path, state)
    # the first load, and a load asked to be full, say nothing
    (state / STATE_FILE).unlink()
    _quote(sources, 3)
    assert load_sources(store, [sources], root=tmp_path, state_dir=state).load.reason == ""
    _quote(sources, 4)
    assert load_sources(store, [sources], root=tmp_path, state_dir=state, full=True).load.reason == ""


def test_the_cli_says_why_a_load_was_full(sources: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from eucan.cli import app

    data_dir = tmp_path / "kg"
    runner = CliRunner()
    first = runner.invoke(app, ["load", "--data-dir", str(data_dir), str(sources)])
    assert first.exit_code == 0, first.output
    assert "loaded in full" not in first.output
    assert re.search(r"took [0-9.]+ s \(read [0-9.]+ s, checks .*, graph write [0-9.]+ s\)", first.output)
    (data_dir / STATE_FILE).write_bytes(b"not a state")
    _quote(sources, 0)
    second = runner.invoke(app, ["load", "--data-dir", str(data_dir), str(sources)])
    assert second.exit_code == 0, second.output
    assert "loaded in full: the saved load state cannot be read (damaged or cut short)" in second.output


def test_the_language_model_is_loaded_only_when_a_file_changed(
    sources: Path, store: FalkorDBStore, tmp_path: Path
) -> None:
    """An incremental load starts loading the model (in a thread) once it knows a file changed; a load that
    finds nothing changed (every `eucan serve` start) leaves it unloaded."""
    from eucan.loaders import languages

    state = tmp_path / "kg"
    load_sources(store, [sources], root=tmp_path, state_dir=state)
    languages.release_model()
    languages.detect.cache_clear()
    assert load_sources(store, [sources], root=tmp_path, state_dir=state).load.mode == "unchanged"
    assert not languages.model_loaded()
    _quote(sources, 1)
    assert load_sources(store, [sources], root=tmp_path, state_dir=state).load.mode == "incremental"
    assert languages.model_loaded()
