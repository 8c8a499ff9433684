"""What a large full load does differently (`pipeline.LARGE_LOAD`, lowered here to the curated data):
it lets go of the language model once the files are read, and makes the export's bodies in a child
process. Neither may change what the load keeps: the bodies are byte for byte the ones made in process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eucan.graph.falkordb_store import FalkorDBStore
from eucan.linked.saved_rdf import derive_bodies
from eucan.loaders import languages, pipeline
from eucan.loaders.rdf_cache import RDF_CACHE_DIR, commit_splice, prepare_cache
from tests.conftest import DATA, ROOT


def _kept(folder: Path, token: str) -> dict[str, bytes]:
    return {
        path.name[len(token) + 1 :]: path.read_bytes()
        for path in (folder / RDF_CACHE_DIR).iterdir()
        if path.name.startswith(f"{token}.")
    }


def test_a_large_load_makes_the_same_bodies_in_a_child_process_and_releases_the_language_model(
    tmp_path: Path, fresh_store: FalkorDBStore, curated: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "LARGE_LOAD", 1)
    languages.detect.cache_clear()  # the quotes must go through the model during this load
    made: list[Path] = []
    real = pipeline._DeriveApart.__call__

    def spy(self: Any, saved: Path) -> Any:
        made.append(saved)
        return real(self, saved)

    monkeypatch.setattr(pipeline._DeriveApart, "__call__", spy)
    loaded = pipeline.load_sources(
        fresh_store, [DATA], root=ROOT, state_dir=tmp_path / "a", full=True, derive=derive_bodies, keep_rdf=False
    )
    assert len(made) == 1  # the child process made them
    assert not languages.model_loaded()
    token = loaded.load.info.token
    child = _kept(tmp_path / "a", token)

    commit_splice(tmp_path / "b", token, *prepare_cache(tmp_path / "b", curated.canonical.triples, derive_bodies))
    in_process = _kept(tmp_path / "b", token)
    assert sorted(child) == sorted(in_process) and len(child) >= 5
    for suffix, data in in_process.items():
        assert child[suffix] == data, suffix
