"""Each malformed file gives a clear error naming file and line, and the loaded graph stays as it was.

rename_ids: keep (26_reference_to_old_id.yaml names an old id on purpose)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eucan.cli import app
from eucan.errors import SourceError
from eucan.graph.falkordb_store import FalkorDBStore
from eucan.loaders.pipeline import load_sources, validate_sources
from eucan.queries.runner import graph_stats
from tests.conftest import DATA, ROOT

MALFORMED = Path(__file__).parent / "malformed"

# file -> (line, what the message must say)
EXPECTED = {
    "01_bad_yaml.yaml": (4, "invalid YAML"),
    "02_unknown_field.yaml": (5, "unknown field 'capital'"),
    "03_unknown_reference.yaml": (3, "unknown actor 'canda' (did you mean 'canada'?)"),
    "04_bad_date.yaml": (5, "'2025-13-45' is not a real date"),
    "05_end_before_start.yaml": (2, "end 2019-01-01 is before start 2020-05-01"),
    "06_missing_source.yaml": (2, "missing required field 'evidence'"),
    "07_duplicate_id.yaml": (2, "duplicate id 'canada'"),
    "08_shacl_tenure_holder_not_person.yaml": (2, "the holder of a post must be a Person"),
    "09_unknown_source_id.yaml": (5, "unknown source 'eeas-2025-06-32-sdp' (did you mean 'eeas-2025-06-23-sdp'?)"),
    "10_unknown_type.yaml": (3, "type: Input should be"),
    "11_unknown_domain.yaml": (6, "unknown cooperation domain 'maritime-securty' (did you mean 'maritime-security'?)"),
    "12_bad_id.yaml": (2, "id: String should match pattern"),
    "13_not_a_list.yaml": (1, "must be a list of records"),
    "14_unknown_section.yaml": (1, "unknown section 'countries'"),
    "15_source_bad_url.yaml": (3, "url: Input should be a valid URL"),
    "16_wrong_kind_reference.yaml": (4, "'eu' is a actor, not a instrument"),
    "17_duplicate_key.yaml": (5, "duplicate key 'name'"),
    "18_blank_quote.yaml": (5, "must not be blank"),
    "19_overlapping_succession.yaml": (
        6,
        "tenure 'tenure-overlap-first' ends 2012-06, on or after its successor 'tenure-overlap-second' took up post"
        " 'commissioner-defence-space' (2012-06-30); successive holders must not overlap: end it the day before (2012-06-29)",
    ),
    "21_yaml_alias_bomb.yaml": (9, "YAML aliases expand this file by more than 10,000 nodes (*c alone adds 1,111)"),
    "22_long_value.yaml": (2, "… (cut)"),
    "23_quote_lang_mismatch.yaml": (7, "tagged `lang: de` but reads as French (fr"),
    "24_english_tag_on_german.yaml": (7, "tagged `lang: en` but reads as German (de"),
    "25_quote_without_lang.yaml": (5, "missing required field 'evidence.0.lang'"),
    "26_reference_to_old_id.yaml": (7, "'cd-2021-748' was renamed to 'la-2021-748-cfsp'; write 'la-2021-748-cfsp'"),
    "27_duplicate_source_url.yaml": (3, "has the same URL as 'eeas-2025-06-23-sdp'"),
    "28_republisher_marked_primary.yaml": (
        6,
        "reliefweb.int republishes other bodies' texts, so the source is secondary",
    ),
    "29_tenure_id_with_date.yaml": (2, "a tenure id carries no date"),
    "30_legal_act_signed.yaml": (2, "a LegalAct has no `signed`: write its date as `adopted`"),
    "31_instrument_without_status.yaml": (2, "missing required field 'status'"),
    "32_legal_act_id_against_celex.yaml": (2, "year and number of the id must be those of celex 32030D0003"),
    "33_event_id_with_wrong_date.yaml": (2, "the date in the id (2030-05-01) is not the event's date 2030-06-01"),
    "34_link_bad_iri.yaml": (
        4,
        "iri: not a corporate-body IRI; write it like http://publications.europa.eu/resource/authority/corporate-body/EEAS",
    ),
    "35_link_unknown_subject.yaml": (2, "subject: unknown record 'canda' (did you mean 'canada'?)"),
    "36_link_country_not_state.yaml": (3, "a country link names a State, but 'eeas' is a EUBody"),
    "37_link_contradicts_celex.yaml": (
        5,
        "iri http://data.europa.eu/eli/dec/2021/510/oj contradicts the eli IRI http://data.europa.eu/eli/dec/2021/509/oj"
        " that the celex '32021D0509' of 'la-2021-509-cfsp'",
    ),
    "38_link_twice.yaml": (2, "'canada' already has a country link (data/authority-links.yaml:"),
    "39_link_contradicts_eu_authority.yaml": (
        5,
        "iri http://publications.europa.eu/resource/authority/country/USA contradicts eu_authority"
        " http://publications.europa.eu/resource/authority/country/CAN of 'canada' (data/actors.yaml:",
    ),
    "40_replaces_not_an_excerpt_id.yaml": (5, "replaces.0: not an excerpt id; write the 16 hex digits"),
    "41_value_its_tag_cannot_read.yaml": (5, "cannot read 'in 1999' as !!int"),
}


def test_corpus_is_complete() -> None:
    assert sorted(p.name for p in MALFORMED.glob("*.yaml")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 12


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorDBStore]:
    with FalkorDBStore(tmp_path_factory.mktemp("malformed")) as store:
        load_sources(store, [DATA], root=ROOT)
        yield store


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_file_is_refused_and_graph_unchanged(name: str, loaded: FalkorDBStore) -> None:
    before = graph_stats(store=loaded).as_dict()
    with pytest.raises(SourceError) as caught:
        load_sources(loaded, [DATA, MALFORMED / name], root=ROOT)
    line, fragment = EXPECTED[name]
    label = f"tests/loaders/malformed/{name}:{line}:"
    messages = [str(p) for p in caught.value.problems]
    assert any(m.startswith(label) and fragment in m for m in messages), messages
    # only the bad file is blamed: the curated data itself is clean
    assert all(m.startswith("tests/loaders/malformed/") for m in messages), messages
    assert graph_stats(store=loaded).as_dict() == before


def test_cli_reports_every_problem_without_traceback() -> None:
    runner = CliRunner()
    files = [str(MALFORMED / name) for name in ("02_unknown_field.yaml", "04_bad_date.yaml")]
    result = runner.invoke(app, ["validate", str(DATA), *files])
    assert result.exit_code == 1
    output = result.output
    assert "Traceback" not in output
    assert "02_unknown_field.yaml:5: actor 'atlantis': unknown field 'capital'" in output
    assert "04_bad_date.yaml:5:" in output
    assert "nothing was loaded" in output


def test_shacl_catches_what_models_cannot(curated: object) -> None:
    """A graph-level rule (holder must be a Person) is enforced by the SHACL shapes."""
    with pytest.raises(SourceError) as caught:
        from eucan.loaders.pipeline import validate_sources

        validate_sources([DATA, MALFORMED / "08_shacl_tenure_holder_not_person.yaml"], ROOT)
    assert any("SHACL" in str(p) for p in caught.value.problems)


def test_echoed_values_are_cut_to_200_characters() -> None:
    with pytest.raises(SourceError) as caught:
        validate_sources([MALFORMED / "20_long_value.yaml"], ROOT, shacl=False)
    for problem in caught.value.problems:
        assert len(problem.message) < 600, problem.message  # the 5,000-character id, echoed twice, cut each time
        assert "X" * 201 not in problem.message
