"""The YAML reader keeps the line of every record and field, also once a record's data is released."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

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


def test_reading_in_two_processes_gives_what_one_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Large data is parsed in two processes (`read_files`): same records, lines and problems, in order."""
    from eucan.errors import Problem
    from eucan.loaders import yaml_source
    from eucan.loaders.yaml_source import RawRecord, iter_files, read_files

    folders = [Path(__file__).parent / "malformed", Path(__file__).resolve().parents[2] / "data"]
    files = list(iter_files(folders, Path.cwd()))
    assert len(files) > 4

    def seen(reads: Iterator[tuple[Path, str, list[RawRecord], list[Problem]]]) -> list[Any]:
        return [
            (path, label, [(r.section, r.data, r.file, r.line, r.lines, r.nested) for r in raws], problems)
            for path, label, raws, problems in reads
        ]

    alone = seen(read_files(files))
    monkeypatch.setattr(yaml_source, "PARALLEL_READ_MIN_BYTES", 0)
    both = seen(read_files(files))
    assert both == alone
    assert any(problems for *_, problems in both) and any(raws for _, _, raws, _ in both)
