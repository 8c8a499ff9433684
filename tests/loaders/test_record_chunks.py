"""`incremental.record_chunks`: each record's text of a YAML file, which alone reads as it does in the file
(an incremental load reads only the records whose text changed), or None for a layout it does not split."""

from __future__ import annotations

import pytest

from eucan.loaders.incremental import record_chunks
from eucan.loaders.yaml_source import RawRecord, read_text

FLUSH = """# a comment at the top
sources:
- id: src-a
  url: https://example.org/a?x=1&y=2
  title: "A: with a colon"
  retrieved: 2026-01-02

# between records
- id: src-b
  url: https://example.org/b
  title: >-
    folded
    over lines
  retrieved: 2026-01-03
participations:
- id: part-1
  actor: actor-1
  evidence:
  - source: src-a
    quote: "a quote
      that runs over a line"
    lang: en
-
  id: part-2
  actor: actor-2
"""

INDENTED = """sources:
  # a comment in the list
  - id: src-a
    url: https://example.org/a
    evidence:
      - source: x
        quote: |
          literal
          text
  - id: src-b
    url: https://example.org/b

actors:
  - id: actor-1
"""


def _alone(text: str) -> list[RawRecord]:
    """Each record read from its own text, as the incremental load reads a changed one."""
    data = text.encode()
    chunks = record_chunks(data)
    assert chunks is not None
    out = []
    for section, start, end, line in chunks:
        records, problems = read_text("\n" * (line - 2) + f"{section}:\n" + data[start:end].decode(), "f.yaml")
        assert not problems and len(records) == 1
        out.append(records[0])
    return out


def _fields(records: list[RawRecord]) -> list[tuple[object, ...]]:
    return [(r.section, r.data, r.line, r.lines, r.nested) for r in records]


@pytest.mark.parametrize("text", [FLUSH, INDENTED, FLUSH.replace("\n", "\r\n")], ids=["flush", "indented", "crlf"])
def test_each_record_read_alone_is_the_record_read_in_its_file(text: str) -> None:
    whole, problems = read_text(text.replace("\r\n", "\n"), "f.yaml")
    assert not problems and len(whole) >= 3
    assert _fields(_alone(text.replace("\r\n", "\n"))) == _fields(whole)
    assert len(record_chunks(text.encode()) or []) == len(whole)


@pytest.mark.parametrize(
    "text",
    [
        "sources:\n- &a {id: x}\n- *a\n",  # an anchor: an alias elsewhere could name it
        "sources:\n- id: a\n  evidence: &ev\n  - source: x\n",
        "sources:\n- id: a\nsources:\n- id: b\n",  # a section twice
        "---\nsources:\n- id: a\n",  # a document marker
        "just text\nsources:\n- id: a\n",
        "sources: []\n",  # a flow sequence
        "sources:\n  - id: a\n - id: b\n",  # items at two columns
        "sources:\n  - id: a\n  id: b\n",  # something else at the items' column
        "sources:\n\t- id: a\n",  # a tab
        "sources:\n  junk\n- id: a\n",  # text before the first item
    ],
)
def test_layouts_it_cannot_vouch_for_are_not_split(text: str) -> None:
    assert record_chunks(text.encode()) is None


def test_an_ampersand_inside_a_word_is_no_anchor() -> None:
    assert record_chunks(b"sources:\n- id: a\n  url: https://e.org/?a=1&b=2\n") is not None


def test_a_quote_running_over_a_record_boundary_makes_more_pieces_than_records() -> None:
    """libyaml lets a quoted scalar run over lines at any column: the piece that opens it does not read
    alone, and the file then has fewer records than pieces (a full load keeps no pieces for it)."""
    text = 'sources:\n- id: a\n  title: "runs\n- on"\n- id: b\n'
    whole, problems = read_text(text, "f.yaml")
    assert not problems and [r.data["id"] for r in whole] == ["a", "b"]
    chunks = record_chunks(text.encode())
    assert chunks is not None and len(chunks) == 3
    section, start, end, line = chunks[0]
    _, alone = read_text("\n" * (line - 2) + f"{section}:\n" + text[start:end], "f.yaml")
    assert alone  # the opening piece does not read alone
