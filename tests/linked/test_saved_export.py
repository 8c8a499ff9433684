"""`eucan export` without starting the engine: only when the saved snapshot is stamped with the load
whose canonical RDF is saved, and no engine runs; any other writer sends it back to the engine."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from eucan.cli import app
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.graph.snapshot import STAMP_NAME, saved_token
from eucan.linked.dataset_description import is_description
from eucan.linked.saved_rdf import body_suffix, derive_bodies
from eucan.loaders.pipeline import load_sources
from eucan.loaders.rdf_cache import STARTS, discard, prepare_cache
from tests.conftest import DATA, ROOT
from tests.utils.rdf import isomorphic


def _data_only(graph: Graph) -> Graph:
    kept = Graph()
    for s, p, o in graph:
        if not is_description(str(s), str(p)):
            kept.add((s, p, o))
    return kept


def _engine_starts(folder: Path) -> int:
    """How many times an engine started on `folder` (each start writes its banner to the log)."""
    log = folder / "falkordb.log"
    return log.read_text(errors="replace").count("Server initialized") if log.exists() else 0


def _export(folder: Path, fmt: str = "nt") -> str:
    result = CliRunner().invoke(app, ["export", "--format", fmt, "--data-dir", str(folder)])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def loaded_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("saved-export") / "kg"
    with FalkorDBStore(folder) as store:
        load_sources(store, [DATA], root=ROOT, state_dir=folder, derive=derive_bodies)  # as `eucan load`
        info = store.load_generation()
        assert info is not None
        assert saved_token(folder, "kg") is None  # the engine runs: ask it
    return folder, info.token


@pytest.fixture
def loaded(loaded_once: tuple[Path, str], tmp_path: Path) -> tuple[Path, str]:
    """A copy of the module's loaded folder, its engine stopped (one load for the module; each test
    changes its own copy). copytree keeps the snapshot's size and modification time, so the stamp holds."""
    template, token = loaded_once
    folder = tmp_path / "kg"
    shutil.copytree(template, folder)
    return folder, token


def test_export_streams_the_saved_rdf_without_starting_the_engine(loaded: tuple[Path, str], curated) -> None:
    folder, token = loaded
    assert saved_token(folder, "kg") == token
    starts = _engine_starts(folder)
    assert starts >= 1
    text = _export(folder, "ttl")
    assert _engine_starts(folder) == starts  # no engine was started
    exported = Graph().parse(data=text, format="turtle")
    assert isomorphic(_data_only(exported), curated.canonical.graph)
    assert "<http://purl.org/dc/terms/license>" in _export(folder, "nt")


def test_a_snapshot_saved_by_another_writer_is_read_from_the_engine(loaded: tuple[Path, str], curated) -> None:
    folder, token = loaded
    rdb = folder / "graph.rdb"
    stat = rdb.stat()
    os.utime(rdb, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # saved after the stamp, by someone else
    assert saved_token(folder, "kg") is None
    starts = _engine_starts(folder)
    text = _export(folder, "nt")
    assert _engine_starts(folder) == starts + 1  # the engine was started and asked
    exported = Graph().parse(data=text, format="nt")
    assert isomorphic(_data_only(exported), curated.canonical.graph)
    assert saved_token(folder, "kg") == token  # its owner stamped the snapshot again when it stopped


def test_a_load_without_saved_rdf_is_read_from_the_engine(loaded: tuple[Path, str], curated) -> None:
    folder, token = loaded
    with FalkorDBStore(folder) as store:
        load_sources(store, [DATA], root=ROOT, full=True)  # no state dir: no saved RDF for the new token
        info = store.load_generation()
        assert info is not None and info.token != token
    assert saved_token(folder, "kg") == info.token  # stamped, but nothing saved for it
    starts = _engine_starts(folder)
    text = _export(folder, "nt")
    assert _engine_starts(folder) == starts + 1
    exported = Graph().parse(data=text, format="nt")
    assert isomorphic(_data_only(exported), curated.canonical.graph)


def test_a_stale_stamp_is_ignored(loaded: tuple[Path, str]) -> None:
    folder, token = loaded
    assert saved_token(folder, "kg") == token
    assert saved_token(folder, "other-graph") is None
    (folder / "falkordb.sock").touch()  # an engine may run: ask it
    assert saved_token(folder, "kg") is None
    (folder / "falkordb.sock").unlink()
    assert saved_token(folder, "kg") == token
    (folder / STAMP_NAME).write_text("not json")
    assert saved_token(folder, "kg") is None


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_the_first_export_keeps_its_body_and_the_next_ones_copy_it(loaded: tuple[Path, str], curated, fmt: str) -> None:
    folder, token = loaded
    rdf = folder / "rdf"
    for body in rdf.glob("*.export-*"):
        body.unlink()  # a load that kept no bodies (incremental, or by an older version)
    first = _export(folder, fmt)
    kept = sorted(p.name for p in rdf.iterdir() if ".export-" in p.name)
    assert len(kept) == 1 and kept[0].startswith(f"{token}.export-") and kept[0].endswith(f".{fmt}")
    assert _export(folder, fmt) == first  # copied from the kept body: the same document
    exported = Graph().parse(data=first, format={"ttl": "turtle", "nt": "nt"}[fmt])
    assert isomorphic(_data_only(exported), curated.canonical.graph)
    assert "<http://purl.org/dc/terms/license>" in first or "dcterms:license" in first
    with FalkorDBStore(folder) as store:  # a new load: its own saved RDF, the kept body of the old one removed
        load_sources(store, [DATA], root=ROOT, state_dir=folder, full=True)
    assert not [p for p in rdf.iterdir() if p.name.startswith(token)]
    again = Graph().parse(data=_export(folder, fmt), format={"ttl": "turtle", "nt": "nt"}[fmt])
    assert isomorphic(_data_only(again), curated.canonical.graph)


def test_a_load_keeps_the_export_bodies_and_the_first_export_copies_them(loaded: tuple[Path, str], curated) -> None:
    """`eucan load` makes the Turtle and N-Triples bodies while the engine writes (`derive_bodies`):
    the load's first export is a copy, the same document as one that parses the saved RDF."""
    folder, token = loaded
    rdf = folder / "rdf"
    bodies = sorted(p.name for p in rdf.iterdir() if ".export-" in p.name)
    assert bodies == sorted(f"{token}.{body_suffix(fmt)}{end}" for fmt in ("ttl", "nt") for end in ("", STARTS))
    assert not [p for p in rdf.iterdir() if p.name.endswith(".part")]
    for fmt, name in (("ttl", "turtle"), ("nt", "nt")):
        kept = rdf / f"{token}.{body_suffix(fmt)}"
        first = _export(folder, fmt)
        assert kept.read_text(encoding="utf-8") in first  # copied after the description
        kept.unlink()
        assert _export(folder, fmt) == first  # parsing the saved RDF writes the same document
        exported = Graph().parse(data=first, format=name)
        assert isomorphic(_data_only(exported), curated.canonical.graph)


def test_derived_bodies_are_removed_when_they_fail_or_the_load_does_not_switch(tmp_path: Path, curated) -> None:
    broken = tmp_path / "broken.nt"
    broken.write_text("<https://w3id.org/eucan-security/id/actor/x> not n-triples\n", encoding="utf-8")
    with pytest.raises(SyntaxError):
        derive_bodies(broken)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.nt"]  # no half-written body left
    part, prepared = prepare_cache(tmp_path, curated.canonical.triples, derive_bodies)
    made = list(prepared[2].values())
    assert len(made) == 4 and all(p.stat().st_size > 0 for p in made)  # the bodies and their starts
    discard(part, prepared)  # what a load whose engine write failed does
    assert not part.exists() and not any(p.exists() for p in made)
