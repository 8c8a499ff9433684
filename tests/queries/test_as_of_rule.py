"""Every query that asks "held on day D" writes the one as-of rule of `eucan.dates`, word for word.

The rule's Cypher text is copied into each query (the catalog's files are plain Cypher a researcher can
paste into any client, so they have no include mechanism); this test holds every copy to the text
`eucan/dates.py` states, so a copy cannot drift back to comparing the curated `startDate` or `endDate`.
"""

from __future__ import annotations

import re
from pathlib import Path

import eucan.dates
import eucan.queries

QUERIES = Path(eucan.queries.__file__).parent
# (V.startDateFirst IS NULL OR V.startDateFirst <= $as_of) AND (V.endDateLast IS NULL OR V.endDateLast >= $as_of)
RULE = re.compile(
    r"\((\w+)\.startDateFirst IS NULL OR \1\.startDateFirst <= \$as_of\) AND "
    r"\(\1\.endDateLast IS NULL OR \1\.endDateLast >= \$as_of\)"
)
COMPARES_AS_OF = re.compile(r"(<=|>=|<|>) ?\$as_of\b|\$as_of ?(<=|>=|<|>)")
# in_force_as_of asks another question: in force from entry into force (or provisional application...)
# until the instrument's latest end; it states so in its header.
OWN_RULE = {"in_force_as_of.cypher"}


def _code(path: Path) -> str:
    lines = (line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("//"))
    return " ".join(" ".join(lines).split())


def test_the_rule_stated_in_dates_is_the_one_checked_here() -> None:
    doc = " ".join((eucan.dates.__doc__ or "").split())
    stated = "(x.startDateFirst IS NULL OR x.startDateFirst <= $as_of) AND (x.endDateLast IS NULL OR x.endDateLast >= $as_of)"
    assert stated in doc
    assert RULE.fullmatch(stated)


def test_every_as_of_comparison_in_the_queries_is_the_one_rule() -> None:
    checked, uses = 0, 0
    for path in sorted(QUERIES.rglob("*.cypher")):
        if path.name in OWN_RULE:
            continue
        code = _code(path)
        uses += len(RULE.findall(code))
        left = COMPARES_AS_OF.findall(RULE.sub("RULE", code))
        assert not left, f"{path.relative_to(QUERIES)} compares $as_of outside the rule of eucan.dates: {left}"
        checked += 1
    # 23 copies since api_partners matches its pairs once (its second MATCH, with two more copies, is gone)
    assert checked > 40 and uses >= 23, (checked, uses)


def test_a_drifted_copy_is_caught() -> None:
    drifted = (
        "WHERE (p.startDate IS NULL OR p.startDate <= $as_of) AND (p.endDateLast IS NULL OR p.endDateLast >= $as_of)"
    )
    assert COMPARES_AS_OF.findall(RULE.sub("RULE", drifted))
