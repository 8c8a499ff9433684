"""A load saves its canonical RDF beside the graph; an export of that load streams it, and gives
exactly what reading the graph back from the engine gives."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rdflib import Graph

from eucan.graph.falkordb_store import FalkorDBStore
from eucan.linked.export import EXPORT_FORMATS, export
from eucan.loaders.pipeline import load_sources
from eucan.loaders.rdf_cache import RDF_CACHE_DIR, cached
from tests.conftest import DATA, ROOT
from tests.utils.rdf import isomorphic

RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "rdfxml": "xml"}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("cache")
    with FalkorDBStore(folder / "kg") as store:
        load_sources(store, [DATA], root=ROOT, state_dir=store.data_dir)
        yield store


@pytest.mark.parametrize("fmt", list(EXPORT_FORMATS))
def test_the_cached_export_is_the_engines_export(loaded: FalkorDBStore, tmp_path: Path, fmt: str) -> None:
    info = loaded.load_generation()
    assert info is not None and cached(loaded.data_dir, info.token) is not None
    fast, slow = io.BytesIO(), io.BytesIO()
    fast_stats = export(store=loaded, output=fast, fmt=fmt, describe=False)
    slow_stats = export(store=loaded, output=slow, fmt=fmt, rdf_dir=tmp_path, describe=False)  # the engine
    # The saved counts are the engine road's counts; objects and dates are counted only when asked.
    assert not fast_stats.objects_counted and slow_stats.objects_counted
    assert (fast_stats.triples, fast_stats.entities, fast_stats.classes, fast_stats.properties) == (
        slow_stats.triples,
        slow_stats.entities,
        slow_stats.classes,
        slow_stats.properties,
    )
    assert export(store=loaded, output=io.BytesIO(), fmt=fmt, describe=False, count_objects=True) == slow_stats
    a = Graph().parse(data=fast.getvalue(), format=RDFLIB_FORMATS[fmt])
    b = Graph().parse(data=slow.getvalue(), format=RDFLIB_FORMATS[fmt])
    assert len(a) == fast_stats.triples and isomorphic(a, b)


def test_a_cache_of_another_load_is_not_used(tmp_path: Path, curated) -> None:
    with FalkorDBStore(tmp_path / "kg") as store:
        load_sources(store, [DATA], root=ROOT, state_dir=store.data_dir)
        old = store.load_generation()
        load_sources(store, [DATA], root=ROOT, full=True)  # a load that keeps no cache: a new token
        new = store.load_generation()
        assert old is not None and new is not None and old.token != new.token
        assert cached(store.data_dir, new.token) is None
        buffer = io.BytesIO()
        stats = export(store=store, output=buffer, fmt="nt")  # from the engine
        assert stats.triples == len(curated.canonical.graph)
        load_sources(store, [DATA], root=ROOT, state_dir=store.data_dir)  # a full load again: one cache left
        latest = store.load_generation()
        assert latest is not None
        assert sorted(p.name for p in (store.data_dir / RDF_CACHE_DIR).iterdir()) == [
            f"{latest.token}.json",
            f"{latest.token}.nt",
        ]


def test_the_cached_export_carries_the_dataset_description(loaded: FalkorDBStore) -> None:
    """The fast road writes what the engine road writes: licence first, every resource in the dataset."""
    buffer = io.BytesIO()
    export(store=loaded, output=buffer, fmt="nt")
    text = buffer.getvalue().decode()
    assert "<http://purl.org/dc/terms/license>" in text
    assert text.count("<http://rdfs.org/ns/void#inDataset>") >= 1000


def test_the_sparql_services_statistics_count_objects_and_dates(loaded: FalkorDBStore, tmp_path: Path) -> None:
    """The service's dump comes from the saved RDF without counting; VoID's distinct objects and DCAT's
    dates are counted from the dump when first asked, and equal the engine road's full count."""
    from eucan.linked.sparql_service import SparqlService

    engine = export(store=loaded, output=io.BytesIO(), fmt="nt", rdf_dir=tmp_path, describe=False)
    with SparqlService(store=loaded, work_dir=tmp_path / "sparql") as service:
        service.refresh(force=True)
        assert service._built is not None and not service._built.stats.objects_counted
        assert service.stats == engine
        assert engine.distinct_objects > 1000 and engine.first_date is not None
