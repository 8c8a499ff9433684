"""Round trip: curated data → canonical RDF → store → export is isomorphic to the canonical RDF."""

from __future__ import annotations

import gzip
import io

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from eucan.cli import app
from eucan.errors import StoreError, StoreUnavailable
from eucan.linked.dataset_description import description_triples
from eucan.linked.export import EXPORT_FORMATS, ExportStats, export, iter_triples
from tests.utils.rdf import data_only, isomorphic

RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "rdfxml": "xml"}


def _diff(exported: Graph, canonical: Graph) -> str:
    extra, missing = set(exported) - set(canonical), set(canonical) - set(exported)
    return f"{len(extra)} invented, e.g. {sorted(extra)[:3]}; {len(missing)} lost, e.g. {sorted(missing)[:3]}"


@pytest.mark.parametrize("fmt", list(EXPORT_FORMATS))
def test_export_is_isomorphic_to_canonical(store, curated, fmt):
    buffer = io.BytesIO()
    stats = export(store=store, output=buffer, fmt=fmt)
    whole = Graph().parse(data=buffer.getvalue(), format=RDFLIB_FORMATS[fmt])
    exported = data_only(whole)
    canonical = curated.canonical.graph
    assert stats.triples == len(canonical) == len(exported)
    assert len(whole) - len(exported) == stats.entities + len(description_triples())  # one void:inDataset each
    assert isomorphic(exported, canonical), _diff(exported, canonical)


def test_export_can_leave_the_description_out(store, curated):
    buffer = io.BytesIO()
    export(store=store, output=buffer, fmt="nt", describe=False)
    assert isomorphic(Graph().parse(data=buffer.getvalue(), format="nt"), curated.canonical.graph)


def test_small_pages_give_the_same_triples(store, curated):
    """Paging is invisible: pages of 7 nodes give exactly the triples of one big page."""
    small = {str(t) for t in iter_triples(store=store, page_size=7)}
    big = {str(t) for t in iter_triples(store=store, page_size=100_000)}
    assert small == big
    assert len(big) == len(curated.canonical.graph)


def test_derived_shortcuts_are_not_exported(store):
    predicates = {t.predicate.value for t in iter_triples(store=store)}
    assert "https://w3id.org/eucan-security/ontology#participatesIn" not in predicates
    assert "https://w3id.org/eucan-security/ontology#memberOf" not in predicates
    assert "https://w3id.org/eucan-security/ontology#participant" in predicates


def test_stats_count_classes_and_properties(store, curated):
    stats = ExportStats()
    triples = list(iter_triples(store=store, stats=stats))
    assert stats.triples == len(triples)
    assert stats.classes["https://w3id.org/eucan-security/ontology#CooperationDomain"] == 16
    assert sum(stats.properties.values()) == len(triples)


def test_unknown_label_stops_the_export(fresh_store):
    """Nothing is invented: a label outside the ontology mapping is an error, not a guess."""
    fresh_store.run("CREATE (:Resource:Spaceship {uri: 'https://w3id.org/eucan-security/id/actor/x'})", read_only=False)
    with pytest.raises(StoreError, match="Spaceship"):
        list(iter_triples(store=fresh_store))


def test_unloaded_graph_is_a_clear_error(fresh_store):
    with pytest.raises(StoreUnavailable, match="eucan load"):
        export(store=fresh_store, output=io.BytesIO(), fmt="nt")


def test_cli_export_to_gzip_file(store, curated, tmp_path, monkeypatch):
    monkeypatch.setenv("EUCAN_DATA_DIR", str(store.data_dir))
    target = tmp_path / "kg.ttl.gz"
    result = CliRunner().invoke(app, ["export", "--format", "ttl", "--output", str(target), "--gzip"])
    assert result.exit_code == 0, result.output
    exported = Graph().parse(data=gzip.decompress(target.read_bytes()), format="turtle")
    assert isomorphic(data_only(exported), curated.canonical.graph)
    assert not (tmp_path / "kg.ttl.gz.partial").exists()


def test_cli_export_to_stdout(store, monkeypatch):
    monkeypatch.setenv("EUCAN_DATA_DIR", str(store.data_dir))
    result = CliRunner().invoke(app, ["export", "--format", "nt"])
    assert result.exit_code == 0, result.output
    assert "<https://w3id.org/eucan-security/id/actor/canada>" in result.stdout
