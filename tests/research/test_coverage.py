"""docs/coverage.md must match the curated data: regenerate it with `python -m tools.coverage_doc`."""

from __future__ import annotations

from eucan.graph.store import GraphStore
from tools.coverage_doc import DOC_PATH, GENERATOR, render


def test_coverage_doc_is_current(store: GraphStore) -> None:
    expected = render(store=store)
    current = DOC_PATH.read_text(encoding="utf-8") if DOC_PATH.exists() else ""
    assert current == expected, f"docs/coverage.md is stale: run `{GENERATOR}`"


def test_coverage_doc_reports_the_acceptance_figures(store: GraphStore) -> None:
    text = render(store=store)
    for heading in (
        "## Provenance",
        "## Nodes by class",
        "## Records per data file",
        "## Recorded conflicts",
        "## Uncertain records",
    ):
        assert heading in text
    assert "| distinct source documents |" in text
    assert "nato-membership-canada | nato-membership-canada-1949-04-30" in text
