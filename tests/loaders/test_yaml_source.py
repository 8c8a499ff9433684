"""The YAML reader keeps the line of every record and field, also once a record's data is released."""

from __future__ import annotations

import gc
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


def test_records_read_in_either_process_carry_their_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    """Asked for, each record's `content` is its `incremental.fingerprint`, whichever process parsed it
    (the worker parses most files); not asked, it is empty."""
    from eucan.loaders import yaml_source
    from eucan.loaders.incremental import fingerprint
    from eucan.loaders.yaml_source import iter_files, read_files

    files = list(iter_files([Path(__file__).resolve().parents[2] / "data"], Path.cwd()))
    assert len(files) > yaml_source.WORKER_SHARE
    assert all(not raw.content for *_, raws, _ in read_files(files) for raw in raws)
    monkeypatch.setattr(yaml_source, "PARALLEL_READ_MIN_BYTES", 0)
    raws = [raw for *_, found, _ in read_files(files, fingerprint=fingerprint) for raw in found]
    assert raws and all(raw.content == fingerprint(raw) for raw in raws)


def test_a_reader_given_up_early_ends_its_worker_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A caller that stops after the first file (a problem found) does not wait for the worker's answers."""
    import signal

    from eucan.loaders import yaml_source
    from eucan.loaders.yaml_source import iter_files, read_files

    files = list(iter_files([Path(__file__).resolve().parents[2] / "data"], Path.cwd()))
    monkeypatch.setattr(yaml_source, "PARALLEL_READ_MIN_BYTES", 0)
    started: list[Any] = []
    real_start = yaml_source._Worker.start

    def start() -> Any:
        started.append(real_start())
        return started[-1]

    monkeypatch.setattr(yaml_source._Worker, "start", staticmethod(start))
    reads = read_files(files)
    next(reads)
    reads.close()
    assert started and started[0] is not None
    assert started[0].process.poll() == -signal.SIGKILL  # ended at once, not waited for (up to 5 s)


TRICKY = """\
events:
  - id: plain-and-tagged
    name: "quoted: with a colon"
    start_date: 2024-05-01
    count: 3
    share: 0.5
    flag: yes
    nothing: ~
    empty: ''
    forced: !!str 2024
    number_as_text: !!int "7"
    multi: |
      two
      lines
    evidence:
      - {source: s1, quote: "One.", lang: en}
      - source: s2
        quote: >-
          folded
          text
        lang: fr
    nested: [[a, b], {c: [1, 2.5, null, true, 2024-01-02]}]
"""


def test_documents_without_anchors_read_as_the_generic_path_reads_them(tmp_path: Path) -> None:
    """`read_file` builds a document without anchors in one pass (`_construct_plain`); with an anchor it
    takes PyYAML's generic path. Both give the same records, values, types and lines, and the same errors."""
    plain, anchored = tmp_path / "plain.yaml", tmp_path / "anchored.yaml"
    plain.write_text(TRICKY)
    anchored.write_text(TRICKY + "posts:\n  - &unused {id: p1}\n")
    (got, got_problems), (want, want_problems) = read_file(plain, "f"), read_file(anchored, "f")
    assert got_problems == want_problems == []
    assert len(got) == 1 and got[0].section == "events"
    want = [raw for raw in want if raw.section == "events"]
    for a, b in zip(got, want, strict=True):
        assert (a.data, a.line, a.lines, a.nested) == (b.data, b.line, b.lines, b.nested)
        assert repr(a.data) == repr(b.data)  # same types too (3 vs "3", True vs "yes")
    data = got[0].data
    assert data["count"] == 3 and data["flag"] is True and data["nothing"] is None and data["forced"] == "2024"
    assert data["start_date"] == "2024-05-01" and data["number_as_text"] == 7
    assert got[0].nested_line("evidence", 1, "quote") == 18
    broken = {
        "events:\n  - id: a\n    id: b\n": (3, "duplicate key"),
        "events:\n  - id: a\n    x: !!int nope\n": (3, "cannot read 'nope' as !!int"),
        "events:\n  - id: a\n    x: !!bool maybe\n": (3, "cannot read 'maybe' as !!bool"),
        "events:\n  - id: a\n    ? [b, c]\n    : 1\n": (3, "cannot read"),
        "events: [1, 2\n": (2, "invalid YAML"),
    }
    for text, (line, words) in broken.items():
        plain.write_text(text)
        anchored.write_text(text.replace("events:", "events: &e", 1))
        problems = read_file(plain, "f")[1]
        assert problems == read_file(anchored, "f")[1]
        assert len(problems) == 1 and problems[0].line == line and words in problems[0].message, problems


def test_reading_a_file_leaves_nothing_for_the_garbage_collector(tmp_path: Path) -> None:
    """A load pauses the cyclic collector (`pipeline.load_sources`): whatever a read leaves in a cycle
    (the parser, every mapping's line marks) would stay until the load ends."""
    path = tmp_path / "a.yaml"
    path.write_text(TEXT + TEXT.replace("actors:\n", "").replace("id: a", "id: b"))
    gc.collect()
    gc.disable()
    try:
        records, problems = read_file(path, "a.yaml")
        assert len(records) == 2 and not problems
        assert gc.collect() == 0
    finally:
        gc.enable()
