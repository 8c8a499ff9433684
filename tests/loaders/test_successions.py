"""Successive holders of a post never overlap, unless the record documents why (checks.check_successions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eucan.errors import SourceError
from eucan.loaders.pipeline import validate_sources
from eucan.ontology.namespaces import ECS
from tests.conftest import DATA, ROOT

MALFORMED = Path(__file__).parent / "malformed" / "19_overlapping_succession.yaml"


def test_overlap_is_refused_at_the_earlier_tenures_end() -> None:
    with pytest.raises(SourceError) as caught:
        validate_sources([DATA, MALFORMED], ROOT, shacl=False)
    assert [str(p).split(": ", 1)[0] for p in caught.value.problems] == [
        "tests/loaders/malformed/19_overlapping_succession.yaml:6"
    ]


def test_a_documented_overlap_is_accepted_and_kept_in_the_rdf(tmp_path: Path) -> None:
    text = MALFORMED.read_text(encoding="utf-8").replace(
        "    end: 2012-06\n",
        "    end: 2012-06\n    documented_overlap: the source says both held the title until the end of June\n",
        1,
    )
    documented = tmp_path / "documented.yaml"
    documented.write_text(text, encoding="utf-8")
    validated = validate_sources([DATA, documented], ROOT, shacl=False)
    notes = [str(o) for s, p, o in validated.canonical.triples if p == ECS.documentedOverlap]
    assert notes == ["the source says both held the title until the end of June"]


def test_a_tenure_without_end_before_a_successor_is_refused(tmp_path: Path) -> None:
    text = MALFORMED.read_text(encoding="utf-8").replace("    end: 2012-06\n", "", 1)
    open_ended = tmp_path / "open.yaml"
    open_ended.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        validate_sources([DATA, open_ended], ROOT, shacl=False)
    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == 1 and "tenure 'tenure-overlap-first' has no end" in messages[0], messages


def test_the_curated_hand_overs_end_the_day_before(curated: object) -> None:
    """The four hand-overs that ended on the successor's first day now end the day before (issue 10)."""
    from eucan.loaders.rdf_builder import section_iri

    ends = {
        "tenure-trudeau-prime-minister": "2025-03-13",
        "tenure-joly-foreign-affairs": "2025-05-12",
        "tenure-blair-national-defence": "2025-05-12",
        "tenure-anand-national-defence": "2023-07-25",
    }
    triples = curated.canonical.triples  # type: ignore[attr-defined]
    for record, end in ends.items():
        node = section_iri("tenures", record)
        assert {str(o) for s, p, o in triples if s == node and p == ECS.endDate} == {end}
        assert any(s == node and p == ECS.uncertainty for s, p, o in triples)
