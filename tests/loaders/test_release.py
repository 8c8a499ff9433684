"""A load that lets go of its canonical RDF while it writes (`keep_rdf=False`, as `eucan load` does) writes
the same graph, the same saved RDF and a state the next load reloads from incrementally."""

from __future__ import annotations

from pathlib import Path

import yaml

from bench.synthetic import generate, write_yaml
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.loaders.pipeline import load_sources, validate_sources
from eucan.loaders.rdf_cache import cached
from tests.loaders.test_incremental import _engine_content, _graph_content


def test_a_load_that_lets_go_of_its_rdf_writes_the_same(tmp_path: Path) -> None:
    sources = tmp_path / "data"
    write_yaml(generate(300, seed=11), sources)
    expected = validate_sources([sources], tmp_path)
    graph = _graph_content(expected.property_graph)
    saved: list[bytes] = []
    for keep in (True, False):
        folder = tmp_path / f"kg-{keep}"
        with FalkorDBStore(folder, row_cap=100_000) as store:
            loaded = load_sources(store, [sources], root=tmp_path, state_dir=folder, full=True, keep_rdf=keep)
            assert loaded.validated is not None
            assert loaded.validated.triples == expected.triples
            assert len(loaded.validated.canonical.triples) == (expected.triples if keep else 0)
            assert _engine_content(store) == graph
            found = cached(folder, loaded.load.info.token)
            assert found is not None
            saved.append(found[0].read_bytes())
            # the search index is built after the rows (a full load into a new graph): it finds them
            hits = store.search("partnership", limit=5)
            assert hits, "the full-text index found nothing after the load"
    assert saved[0] == saved[1]
    # the state kept by the load that let go of its RDF serves the next, incremental load
    edited = sorted(sources.glob("events-*.yaml"))[0]
    doc = yaml.safe_load(edited.read_text())
    doc["events"][0]["name"] = "A renamed meeting"
    edited.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    folder = tmp_path / "kg-False"
    with FalkorDBStore(folder, row_cap=100_000) as store:
        again = load_sources(store, [sources], root=tmp_path, state_dir=folder, keep_rdf=False)
        assert again.load.mode == "incremental"
        assert _engine_content(store) == _graph_content(validate_sources([sources], tmp_path).property_graph)
