"""The package layout: one name per module, a registry of record sections, IRIs from one place."""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

import eucan
from eucan.loaders.rdf_builder import KIND
from eucan.loaders.records import RECORD_TYPES, SECTION_MODELS, SECTIONS, BaseRecord
from eucan.ontology.iris import ID_KINDS, iri_for, local_path

ROOT = Path(__file__).resolve().parents[2]


def test_every_module_has_one_name() -> None:
    """Importing the whole package never loads one file under two module names."""
    for info in pkgutil.walk_packages(eucan.__path__, "eucan."):
        importlib.import_module(info.name)
    seen: dict[str, str] = {}
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if not path or not name.startswith(("eucan", "graph", "api", "loaders", "ontology", "queries", "linked")):
            continue
        real = os.path.realpath(path)
        assert real not in seen, f"{real} is loaded as both {seen[real]} and {name}"
        seen[real] = name
    assert all(name.startswith("eucan") for name in seen.values()), sorted(seen.values())


def test_the_package_imports_outside_the_checkout(tmp_path: Path) -> None:
    """Installed or editable, `eucan.*` resolves to files under eucan/, and top-level names do not exist."""
    code = (
        "import importlib.util, eucan.graph.store as s, eucan.linked.export as e; "
        "print(s.__file__); print(importlib.util.find_spec('graph'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert out.returncode == 0, out.stderr
    store_file, graph_spec = out.stdout.split()
    assert Path(store_file).resolve().parent.name == "graph" and "eucan" in Path(store_file).resolve().parts
    assert graph_spec == "None"


def test_record_sections_come_from_one_registry() -> None:
    assert SECTIONS == tuple(t.section for t in RECORD_TYPES)
    assert set(SECTION_MODELS) == set(KIND)
    assert {t.kind for t in RECORD_TYPES} <= set(ID_KINDS)
    for record_type in RECORD_TYPES:
        assert record_type.to_rdf is not BaseRecord.to_rdf, f"{record_type.__name__} builds no RDF"


def test_iris_round_trip_through_server_paths() -> None:
    for kind in (*ID_KINDS, "domain", "role"):
        iri = iri_for(kind, "x-1")
        assert iri is not None
        path = local_path(iri)
        assert path is not None and path.endswith(f"{kind}/x-1")
    assert iri_for("Spaceship", "x") is None
    assert iri_for("actor", "Not A Slug") is None


def test_iris_do_not_depend_on_the_server_host(client: TestClient) -> None:
    """A server answers for the dataset's permanent IRIs whatever host it is reached at."""
    for host in ("localhost:8080", "127.0.0.1:9999"):
        response = client.get(
            "/id/actor/canada", headers={"Host": host, "Accept": "text/turtle"}, follow_redirects=False
        )
        assert response.status_code == 303, response.text
        assert response.headers["location"] == "/data/actor/canada.ttl"
        doc = client.get("/data/actor/canada.ttl", headers={"Host": host})
        assert "<https://w3id.org/eucan-security/id/actor/canada>" in doc.text or "actor:canada" in doc.text


def test_the_top_level_folders_are_the_package_folders() -> None:
    for name in ("graph", "ontology", "loaders", "linked", "api", "queries"):
        top = ROOT / name
        if top.is_symlink():  # a checkout with core.symlinks=false has plain text files here instead
            assert top.resolve() == (ROOT / "eucan" / name).resolve()


def test_both_engines_get_the_same_indexes() -> None:
    from eucan.graph.schema import INDEXED, UNIQUE, falkordb_schema, neo4j_schema

    pairs = re.compile(r"\(n:(\w+)\) (?:ON|REQUIRE) \(?n\.(\w+)")
    falkordb = {m.groups() for s in falkordb_schema() for m in [pairs.search(s)] if m}
    neo4j = {m.groups() for s in neo4j_schema() for m in [pairs.search(s)] if m}
    assert falkordb == neo4j == set(UNIQUE + INDEXED) and ("Resource", "uri") in neo4j


def test_the_falkordb_store_has_those_indexes(store: object) -> None:
    from eucan.graph.falkordb_store import FalkorDBStore
    from eucan.graph.schema import INDEXED, UNIQUE

    assert isinstance(store, FalkorDBStore)
    rows = store.run("CALL db.indexes() YIELD label, properties RETURN label, properties").rows
    have = {(label, prop) for label, props in rows for prop in props}
    assert set(UNIQUE + INDEXED) <= have
