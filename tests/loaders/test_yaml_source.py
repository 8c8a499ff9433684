"""The YAML reader keeps the line of every record and field, also once a record's data is released."""

from __future__ import annotations

from pathlib import Path

from eucan.loaders.yaml_source import read_file

TEXT = """actors:
  - id: a
    name: A
    evidence:
      - source: s
        quote: q
        lang: en
"""


def test_a_released_record_reads_its_lines_from_the_file_again(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(TEXT)
    (raw,), problems = read_file(path, "a.yaml")
    assert not problems and raw.data["evidence"] == [{"source": "s", "quote": "q", "lang": "en"}]  # no line marks
    assert (raw.line, raw.line_of("name"), raw.nested_line("evidence", 0, "lang")) == (2, 3, 7)
    raw.release(path, 0)
    assert raw.data == {} and raw.lines == {}
    assert (raw.line_of("name"), raw.nested_line("evidence", 0, "lang")) == (3, 7)


def test_a_file_changed_since_gives_the_records_own_line_only(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(TEXT)
    (raw,), _ = read_file(path, "a.yaml")
    raw.release(path, 0)
    path.write_text("# a comment moves every line\n" + TEXT)
    assert raw.line_of("name") == raw.line == 2  # never a line of some other text
