"""Shared fixtures: the real embedded engine, loaded once per test session from data/."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import settings as hypothesis_settings

from eucan.api.main import create_app
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.graph.store import GraphStore
from eucan.loaders.pipeline import Validated, load_sources, validate_sources
from eucan.settings import Settings
from tests.utils.profiles import CI, THOROUGH

ROOT = Path(__file__).resolve().parent.parent
# TestClient sends `Host: testserver`; the server answers loopback names only unless told (docs/security.md).
os.environ.setdefault("EUCAN_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost,[::1]")
DATA = ROOT / "data"

# Hypothesis profiles (tests/utils/profiles.py): `ci` by default, `--hypothesis-profile=thorough` for many more examples.
hypothesis_settings.register_profile(CI, deadline=None)
hypothesis_settings.register_profile(THOROUGH, deadline=None)
hypothesis_settings.load_profile(CI)

# The modules whose tests take longest (a long single test, or many engine loads) run first, in this
# order; the rest keep their place. With `--dist worksteal` (scripts/check) each worker starts on its
# own contiguous half of the list and takes tests from the end of the other's, so a long test started
# early never leaves one worker running alone at the end. A stale entry only changes the order.
RUN_FIRST = (
    "tests/security/test_schemathesis.py",
    "tests/loaders/test_incremental_property.py",
    "tests/linked/test_harvest.py",
    "tests/graph/test_falkordb_engine.py",
    "tests/loaders/test_incremental.py",
    "tests/loaders/test_incremental_bounds.py",
    "tests/linked/test_rdf_cache.py",
    "tests/loaders/test_malformed.py",
    "tests/linked/test_roundtrip.py",
    "tests/browser/test_explorer.py",
    "tests/agreement/test_timeline_as_of.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Long modules first (RUN_FIRST); a stable sort, so each module's tests stay together and in order."""
    rank = {path: index for index, path in enumerate(RUN_FIRST)}

    def key(item: pytest.Item) -> int:
        return rank.get(Path(item.path).relative_to(ROOT).as_posix(), len(RUN_FIRST))

    items.sort(key=key)


@pytest.fixture(scope="session")
def curated() -> Validated:
    """The curated data, validated (canonical RDF and property-graph rows)."""
    return validate_sources([DATA], ROOT)


@pytest.fixture(scope="session")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorDBStore]:
    """The embedded FalkorDB store with the curated data loaded (read-only use in tests)."""
    folder = tmp_path_factory.mktemp("kg")
    with FalkorDBStore(folder) as s:
        load_sources(s, [DATA], root=ROOT)
        yield s


@pytest.fixture
def fresh_store(tmp_path: Path) -> Iterator[FalkorDBStore]:
    """An empty embedded store of its own, for tests that write."""
    with FalkorDBStore(tmp_path / "kg") as s:
        yield s


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(data_dir=tmp_path_factory.mktemp("unused"), sources_dir=DATA)


@pytest.fixture(scope="session")
def client(store: GraphStore, settings: Settings) -> Iterator[TestClient]:
    """The API over the loaded store, lifespan on."""
    with TestClient(create_app(settings, store=store)) as c:
        yield c


def neo4j_test_uri() -> str | None:
    return os.environ.get("EUCAN_TEST_NEO4J_URI")
