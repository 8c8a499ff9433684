"""The one definition of what a partial date means (eucan.dates) and how every door shows it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eucan.dates import PeriodCounts, display, holds_on, last_day
from eucan.graph.store import GraphStore, QueryResult
from eucan.loaders.pipeline import Validated
from eucan.ontology.mapping import DERIVED_PROPERTIES, get_mapping
from eucan.ontology.namespaces import ECS
from eucan.queries.runner import run_adhoc, show_dates_in_precision


@pytest.mark.parametrize(
    ("first", "precision", "last"),
    [
        ("2005-01-01", "year", "2005-12-31"),
        ("2024-02-01", "month", "2024-02-29"),
        ("2023-02-01", "month", "2023-02-28"),
        ("2024-12-01", "month", "2024-12-31"),
        ("2024-04-01", "month", "2024-04-30"),
        ("2025-06-23", "day", "2025-06-23"),
    ],
)
def test_last_day(first: str, precision: str, last: str) -> None:
    assert last_day(dt.date.fromisoformat(first), precision).isoformat() == last


def test_last_day_refuses_an_unknown_precision() -> None:
    with pytest.raises(ValueError, match="unknown date precision 'week'"):
        last_day(dt.date(2025, 1, 1), "week")


@pytest.mark.parametrize(
    ("value", "precision", "shown"),
    [
        ("2005-01-01", "year", "2005"),
        ("2024-04-01", "month", "2024-04"),
        ("2025-06-23", "day", "2025-06-23"),
        ("2025-06-23", None, "2025-06-23"),
        (None, "year", None),
        (dt.date(2024, 4, 1), "month", "2024-04"),
    ],
)
def test_display(value: str | dt.date | None, precision: str | None, shown: str | None) -> None:
    assert display(value, precision) == shown


def test_the_runner_shows_a_column_in_the_precision_beside_it() -> None:
    result = QueryResult(columns=["since", "since_precision", "until"], rows=[["2005-01-01", "year", "2005-01-01"]])
    assert show_dates_in_precision(result).rows == [["2005", "year", "2005-01-01"]]


def test_adhoc_cypher_follows_the_same_convention(store: GraphStore) -> None:
    text = (
        "MATCH (p:Participation {id: 'part-canada-eupm-bih'}) "
        "RETURN p.endDate AS until, p.endDatePrecision AS until_precision, p.endDateLast AS last"
    )
    assert run_adhoc(store=store, text=text, params={}).rows == [["2005", "year", "2005-12-31"]]


def test_every_end_has_its_derived_latest_day(curated: Validated) -> None:
    """`endDateLast` is computed once, at load time, for every end, and is what the ontology declares."""
    assert set(DERIVED_PROPERTIES) == {"endDateLast"}
    assert get_mapping().by_key["endDateLast"].iri == DERIVED_PROPERTIES["endDateLast"] == ECS.endDateLast
    triples = curated.canonical.triples
    ends = {s: str(o) for s, p, o in triples if p == ECS.endDate}
    precisions = {s: str(o) for s, p, o in triples if p == ECS.endDatePrecision}
    lasts = {s: str(o) for s, p, o in triples if p == ECS.endDateLast}
    assert ends and set(lasts) == set(ends)
    for node, end in ends.items():
        assert lasts[node] == last_day(dt.date.fromisoformat(end), precisions[node]).isoformat()
    assert sum(lasts[n] != ends[n] for n in ends) >= 3  # year-precision ends (EUPM, Global Partnership chairs)


_DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)).map(dt.date.isoformat)


@st.composite
def _periods(draw: st.DrawFn) -> list[tuple[str | None, str | None]]:
    """Periods as the loader writes them: a start never after the latest end; either bound may be missing."""
    out = []
    for start, end in draw(st.lists(st.tuples(st.none() | _DAYS, st.none() | _DAYS), max_size=30)):
        if start is not None and end is not None and end < start:
            start, end = end, start
        out.append((start, end))
    return out


@given(periods=_periods(), day=_DAYS)
def test_period_counts_count_what_holds_on_says(periods: list[tuple[str | None, str | None]], day: str) -> None:
    counts = PeriodCounts.of(periods)
    assert counts.holding_on(day) == sum(holds_on(start, end, day) for start, end in periods)
    assert counts.holding_on(None) == len(periods)
    for start, end in periods:  # the bounds are inclusive
        for bound in (start, end):
            if bound is not None:
                assert counts.holding_on(bound) == sum(holds_on(s, e, bound) for s, e in periods)
