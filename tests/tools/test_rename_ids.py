"""tools.rename_ids: renames ids and every reference, keeps the old ids, and is idempotent.

rename_ids: keep (this module names old ids on purpose).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.rename_ids import load_mapping, main, rename_python, rename_yaml

ROOT = Path(__file__).resolve().parents[2]

TEXT = """\
instruments:
  - id: cd-2021-748
    type: LegalAct
    note: Replaces nothing; see cd-2021-748 in the OJ.
    evidence:
      - source: src-a
        lang: en
        quote: "cd-2021-748 stays as written in a quote"
participations:
- id: pesco-member-austria
  actor: austria
  legal_basis: [cd-2021-748, la-2017-2315-cfsp]
  conflicts_with:
    - pesco-member-austria-copy
  evidence:
  - source: pressclub-2023-03-jcc
    lang: en
    quote: "x"
"""
MAPPING = {
    "cd-2021-748": "la-2021-748-cfsp",
    "pesco-member-austria": "part-austria-pesco",
    "pressclub-2023-03-jcc": "pressclub-2023-jcc-4",
}


def test_ids_and_references_are_renamed_and_old_ids_kept() -> None:
    out, renamed = rename_yaml(TEXT, MAPPING)
    assert renamed == ["cd-2021-748", "pesco-member-austria"]
    assert "  - id: la-2021-748-cfsp\n    alt_ids: [cd-2021-748]\n    type: LegalAct" in out
    assert "- id: part-austria-pesco\n  alt_ids: [pesco-member-austria]\n  actor: austria" in out
    assert "legal_basis: [la-2021-748-cfsp, la-2017-2315-cfsp]" in out
    assert "  - source: pressclub-2023-jcc-4" in out
    assert "see la-2021-748-cfsp in the OJ" in out  # ids named in notes follow
    assert '"cd-2021-748 stays as written in a quote"' in out  # quotes are verbatim: never touched
    assert "    - pesco-member-austria-copy" in out  # a longer id that merely starts alike is another id


def test_running_twice_changes_nothing() -> None:
    once, _ = rename_yaml(TEXT, MAPPING)
    twice, renamed = rename_yaml(once, MAPPING)
    assert twice == once and renamed == []


def test_existing_alt_ids_are_merged_not_duplicated() -> None:
    text = "actors:\n  - id: b\n    alt_ids: [z]\n    name: B\n"
    out, _ = rename_yaml(text, {"a": "b"})
    assert "    alt_ids: [a, z]\n    name: B" in out
    assert rename_yaml(out, {"a": "b"})[0] == out


def test_test_modules_have_quoted_ids_renamed_unless_marked() -> None:
    source = "ids = ['cd-2021-748', \"/api/v1/instruments/cd-2021-748\"]\n"
    assert rename_python(source, MAPPING) == "ids = ['la-2021-748-cfsp', \"/api/v1/instruments/la-2021-748-cfsp\"]\n"
    kept = "# rename_ids: keep\n" + source
    assert rename_python(kept, MAPPING) == kept


def test_mapping_chains_resolve_to_the_last_id(tmp_path: Path) -> None:
    path = tmp_path / "renames.tsv"
    path.write_text("# comment\na\tb\nb\tc\n\n", encoding="utf-8")
    assert load_mapping(path) == {"a": "c", "b": "c"}
    path.write_text("a\tb\nb\ta\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="cycle"):
        load_mapping(path)
    path.write_text("a b c\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="old<TAB>new"):
        load_mapping(path)


def test_two_live_records_for_one_rename_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "x.yaml"
    data.write_text("instruments:\n  - id: cd-2021-748\n  - id: la-2021-748-cfsp\n", encoding="utf-8")
    assert main([str(tmp_path)]) == 1
    assert "merge them by hand" in capsys.readouterr().err
    assert data.read_text(encoding="utf-8").count("alt_ids") == 0


def test_the_committed_data_is_fully_renamed() -> None:
    """The lead re-runs the tool after merges: on the committed data it must be a no-op."""
    mapping = load_mapping()
    for path in sorted((ROOT / "data").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert rename_yaml(text, mapping)[0] == text, path.name
