"""An incremental load splices the export bodies a full load keeps (`rdf_cache.splice` with
`saved_rdf.derive_bodies`): the Turtle and N-Triples bodies, and where each subject's block starts in
them, are byte for byte the ones a full load of the same data makes, so the first export after an
incremental load is a copy too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from rdflib import Literal, URIRef

from bench.synthetic import generate, write_yaml
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.linked.saved_rdf import body_suffix, derive_bodies
from eucan.loaders.pipeline import load_sources
from eucan.loaders.rdf_cache import (
    RDF_CACHE_DIR,
    STARTS,
    CacheIndex,
    commit_splice,
    discard,
    keep_derived,
    prepare_cache,
    splice,
)
from eucan.loaders.triples import Triples

BODIES = [body_suffix(fmt) for fmt in ("ttl", "nt")]
KEPT = [*BODIES, *(suffix + STARTS for suffix in BODIES)]
LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")


def _kept(folder: Path, token: str) -> dict[str, Any]:
    """The saved RDF of load `token` and the files kept with it, by suffix (the counts read)."""
    rdf = folder / RDF_CACHE_DIR
    kept: dict[str, Any] = {}
    for path in rdf.iterdir():
        if path.name.startswith(f"{token}."):
            suffix = path.name[len(token) + 1 :]
            kept[suffix] = json.loads(path.read_text()) if suffix == "json" else path.read_bytes()
    return kept


def _save(folder: Path, token: str, triples: Triples) -> CacheIndex:
    """What a full load keeps: the saved RDF and the bodies made from it."""
    return commit_splice(folder, token, *prepare_cache(folder, triples, derive_bodies))


def _edited(curated: Any) -> tuple[Triples, list[str]]:
    """The curated triples with edits at both ends of the subjects' order and in the middle: the first
    subject changed, the last removed, a new first subject and a new one in the middle (with a literal
    that Turtle and N-Triples escape); the subjects that changed."""
    old = curated.canonical.triples
    subjects = sorted(old.subjects)
    first, middle, last = subjects[0], subjects[len(subjects) // 2], subjects[-1]
    new = Triples(t for t in old if str(t[0]) != last)
    new.add((URIRef(first), LABEL, Literal("changed", lang="en")))
    added = ["https://w3id.org/aaa/before-every-subject", middle + "-added"]
    for iri in added:
        new.add((URIRef(iri), LABEL, Literal('a "quoted"\nline\twith a tab and \\ and é', lang="fr")))
        new.add((URIRef(iri), LABEL, Literal("plain")))
    return new, [first, last, *added]


def test_splicing_the_saved_rdf_splices_the_bodies_as_a_full_load_makes_them(tmp_path: Path, curated: Any) -> None:
    old_index = _save(tmp_path / "old", "old", curated.canonical.triples)
    new, changed = _edited(curated)
    new_index = _save(tmp_path / "full", "new", new)
    full = _kept(tmp_path / "full", "new")
    assert sorted(full) == sorted(["nt", "json", *KEPT])
    blocks = new_index.read(tmp_path / "full" / RDF_CACHE_DIR / "new.nt", changed)
    changes = {subject: blocks.get(subject) for subject in changed}
    assert sum(block is None for block in changes.values()) == 1  # the last subject, removed

    part, prepared = splice(tmp_path / "old", "old", old_index, changes, derive_bodies)
    index = commit_splice(tmp_path / "old", "new", part, prepared)
    assert (index.subjects, index.starts, index.types) == (new_index.subjects, new_index.starts, new_index.types)
    spliced = _kept(tmp_path / "old", "new")
    assert sorted(spliced) == sorted(full)
    for suffix in full:
        assert spliced[suffix] == full[suffix], suffix
    assert not _kept(tmp_path / "old", "old")  # the old load's files are gone


def test_bodies_without_their_starts_are_not_carried_over(tmp_path: Path, curated: Any) -> None:
    """A body kept by an export (no starts: it cannot be spliced) is left to the new load's first export."""
    folder = tmp_path / "kg"
    index = _save(folder, "old", curated.canonical.triples)
    for suffix in BODIES:
        (folder / RDF_CACHE_DIR / f"old.{suffix}{STARTS}").unlink()
    new, changed = _edited(curated)
    part, prepared = splice(folder, "old", index, {changed[0]: None}, derive_bodies)
    assert prepared[2] == {}
    discard(part, prepared)
    assert sorted(p.name for p in (folder / RDF_CACHE_DIR).iterdir()) == sorted(
        ["old.nt", "old.json", *(f"old.{suffix}" for suffix in BODIES)]
    )
    keep_derived(folder, "old", derive_bodies)  # made again, as a full load makes them
    assert sorted(_kept(folder, "old")) == sorted(["nt", "json", *KEPT])


def _edit(data: Path) -> None:
    """A curator's edit: one quote corrected, one participation removed."""
    path = data / "participations-000.yaml"
    doc = yaml.safe_load(path.read_text())
    records = doc["participations"]
    records[3]["evidence"][0]["quote"] = records[3]["evidence"][0]["quote"].rstrip(".") + ", as corrected."
    records.pop(5)
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))


@pytest.mark.slow
def test_an_incremental_load_keeps_the_bodies_a_full_load_of_the_same_data_keeps(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write_yaml(generate(300, seed=11), data)
    with FalkorDBStore(tmp_path / "kg") as store:
        load_sources(store, [data], root=tmp_path, state_dir=store.data_dir, derive=derive_bodies)
        _edit(data)
        loaded = load_sources(store, [data], root=tmp_path, state_dir=store.data_dir, derive=derive_bodies)
        assert loaded.load is not None and loaded.load.mode == "incremental"
        info = store.load_generation()
        assert info is not None
        spliced = _kept(store.data_dir, info.token)
    with FalkorDBStore(tmp_path / "full") as store:
        load_sources(store, [data], root=tmp_path, state_dir=store.data_dir, full=True, derive=derive_bodies)
        info = store.load_generation()
        assert info is not None
        full = _kept(store.data_dir, info.token)
    assert sorted(spliced) == sorted(full) == sorted(["nt", "json", *KEPT])
    for suffix in full:
        assert spliced[suffix] == full[suffix], suffix
