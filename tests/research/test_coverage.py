"""docs/coverage.md must match the curated data: regenerate it with `python -m tools.coverage_doc`."""

from __future__ import annotations

from pathlib import Path

import pytest

from eucan.graph.store import GraphStore
from eucan.queries.runner import run_named
from tools.coverage_doc import DOC_PATH, GENERATOR, MIN_DOMAIN_INSTRUMENTS, GapsFileError, read_gaps, render


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
        "## Open gaps",
    ):
        assert heading in text
    assert "| distinct source documents |" in text
    assert "nato-membership-canada | nato-membership-canada-1949-04-30" in text


def test_every_thin_domain_has_a_recorded_gap(store: GraphStore) -> None:
    """Acceptance: each domain with fewer than three instruments besides the Partnership names a gap."""
    rows = run_named(store=store, name="sdp_domains", params={"partnership": "sdp-2025"}).records()
    thin = {str(r["domain"]) for r in rows if int(r["instrument_count"]) < MIN_DOMAIN_INSTRUMENTS}
    recorded = {g.domain for g in read_gaps(domains={str(r["domain"]) for r in rows})}
    assert thin, "no thin domain left: keep this test meaningful by checking the threshold still applies"
    assert thin <= recorded, (
        f"domains under {MIN_DOMAIN_INSTRUMENTS} instruments without a gap: {sorted(thin - recorded)}"
    )
    text = render(store=store)
    for domain in thin:
        assert f"| {domain} |" in text.split("## Open gaps", 1)[1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("gaps:\n  - topic: x\n", "coverage-gaps.yaml:2: the gap has no `why`"),
        ("gaps:\n  - topic: x\n    why: y\n    domain: nowhere\n", "coverage-gaps.yaml:2: unknown domain 'nowhere'"),
        ("gaps:\n  - topic: x\n    why: y\n    note: z\n", "coverage-gaps.yaml:4: unknown field 'note'"),
        ("other: 1\n", "coverage-gaps.yaml:1: the file must hold one key"),
        ("gaps: [\n", "coverage-gaps.yaml:2: not valid YAML"),
    ],
)
def test_bad_gaps_file_names_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "coverage-gaps.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GapsFileError) as info:
        read_gaps(path, domains={"fimi", "climate-security"})
    assert message in str(info.value)
