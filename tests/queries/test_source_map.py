"""One meaning of "a fact's source" in every API query: the source map is written out in each query that
brings sources with its rows (one engine round trip a page), so this test holds the copies to one text."""

from __future__ import annotations

import re
from pathlib import Path

import eucan.queries

INTERNAL = Path(eucan.queries.__file__).parent / "internal"
SOURCE_MAP = re.compile(r"\{url: (\w+)\.sourceUrl, quote: .*?primary: (\w+)\.primarySource\}")


def _normalised(text: str) -> str:
    """The map with its excerpt and document variables named X and D."""
    match = SOURCE_MAP.fullmatch(text)
    assert match is not None
    excerpt = re.search(r"coalesce\((\w+)\.quote", text)
    assert excerpt is not None, text
    text = re.sub(rf"\b{re.escape(excerpt.group(1))}\b", "X", text)
    return re.sub(rf"\b{re.escape(match.group(1))}\b", "D", text)


def test_every_source_map_is_api_records_one() -> None:
    reference = {_normalised(m.group(0)) for m in SOURCE_MAP.finditer((INTERNAL / "api_records.cypher").read_text())}
    assert len(reference) == 1, "api_records.cypher should map a source one way"
    found: dict[str, int] = {}
    for path in sorted(INTERNAL.glob("*.cypher")):
        text = path.read_text()
        maps = [m.group(0) for m in SOURCE_MAP.finditer(text)]
        # every map that starts like a source map is one the pattern reads (none written another way)
        assert len(maps) == text.count("{url: "), f"{path.name}: a source map not in api_records.cypher's form"
        for one in maps:
            assert _normalised(one) in reference, f"{path.name} maps a source differently from api_records.cypher"
        if maps:
            found[path.name] = len(maps)
    assert len(found) >= 9, found  # the list pages, the cooperation rows, search and api_records itself


def test_the_check_tells_a_different_map() -> None:
    text = (INTERNAL / "api_records.cypher").read_text()
    one = SOURCE_MAP.search(text)
    assert one is not None
    changed = one.group(0).replace("ELSE 'en'", "ELSE 'fr'")
    assert changed != one.group(0)
    assert _normalised(changed) != _normalised(one.group(0))
