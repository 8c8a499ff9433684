"""A load tells its caller each phase of its validation as it ends (the CLI's progress line for long loads)."""

from __future__ import annotations

from eucan.loaders.pipeline import validate_sources
from tests.conftest import DATA, ROOT


def test_each_phase_is_reported_in_order_with_its_seconds() -> None:
    told: list[tuple[str, float]] = []
    validated = validate_sources([DATA], ROOT, on_phase=lambda phase, seconds: told.append((phase, seconds)))
    assert [phase for phase, _ in told] == ["read", "checks", "rdf", "shacl", "property_graph"]
    assert all(seconds >= 0 for _, seconds in told)
    assert dict(told) == validated.timings


def test_without_shacl_its_phase_is_not_reported() -> None:
    told: list[str] = []
    validate_sources([DATA], ROOT, shacl=False, on_phase=lambda phase, _: told.append(phase))
    assert "shacl" not in told and told[-1] == "property_graph"
