"""Fixtures the loader tests share: 300 synthetic facts as curated files, and an embedded store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.synthetic import generate, write_yaml
from eucan.graph.falkordb_store import FalkorDBStore


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """300 synthetic facts (seed 5) written as curated YAML in `tmp_path/data`."""
    folder = tmp_path / "data"
    write_yaml(generate(300, seed=5), folder)
    return folder


@pytest.fixture
def store(tmp_path: Path) -> Iterator[FalkorDBStore]:
    """An embedded FalkorDB store in `tmp_path/kg`."""
    with FalkorDBStore(tmp_path / "kg", row_cap=100_000) as s:
        yield s
