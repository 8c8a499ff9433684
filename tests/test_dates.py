"""The one definition of what a partial date means (eucan.dates) and how every door shows it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import RDF

from eucan.dates import (
    Bound,
    Bounds,
    PeriodCounts,
    Span,
    bounds,
    display,
    holds_on,
    last_day,
    not_before,
    participation_bounds,
    within,
)
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


def test_every_dated_fact_has_its_derived_bounds(curated: Validated) -> None:
    """`startDateFirst` and `endDateLast` are computed once, at load time, and are what the ontology declares:
    a fact's own bounds (its start; the last day its end can mean), and for a participation that states
    none its instrument's, a start no earlier than its legal acts'. Nothing else has them."""
    assert DERIVED_PROPERTIES == {
        "startDateFirst": ECS.startDateFirst,
        "endDateLast": ECS.endDateLast,
        "startDateFirstPrecision": ECS.startDateFirstPrecision,
        "startDateBasis": ECS.startDateBasis,
        "endDateBasis": ECS.endDateBasis,
    }
    for key, iri in DERIVED_PROPERTIES.items():
        assert get_mapping().by_key[key].iri == iri
    triples = curated.canonical.triples

    def values(prop: object) -> dict[str, str]:
        return {str(s): str(o) for s, p, o in triples if p == prop}

    starts, ends, precisions = values(ECS.startDate), values(ECS.endDate), values(ECS.endDatePrecision)
    firsts, lasts, instrument_of = values(ECS.startDateFirst), values(ECS.endDateLast), values(ECS.instrument)
    adopted, signed = values(ECS.adoptedDate), values(ECS.signedDate)
    basis: dict[str, list[str]] = {}
    for s, p, o in triples:
        if p == ECS.legalBasis:
            basis.setdefault(str(s), []).append(str(o))
    start_precisions, adopted_precisions = values(ECS.startDatePrecision), values(ECS.adoptedDatePrecision)
    signed_precisions = values(ECS.signedDatePrecision)
    spans = {  # every instrument's (unknown ones are left out: their participations have no floor)
        node: Span.of(
            (firsts.get(node), lasts.get(node)),
            adopted.get(node),
            signed.get(node),
            basis.get(node, ()),
            (start_precisions.get(node), adopted_precisions.get(node), signed_precisions.get(node)),
        )
        for node in {str(s) for s, p, o in triples if p == RDF.type and o == ECS.Instrument}
    }
    # where each derived bound of a participation comes from, as the loader wrote it beside the bound
    written = {
        key: values(prop)
        for key, prop in {
            "start_basis": ECS.startDateBasis,
            "start_precision": ECS.startDateFirstPrecision,
            "start_from": ECS.startDateFrom,
            "end_basis": ECS.endDateBasis,
            "end_from": ECS.endDateFrom,
        }.items()
    }
    bases: dict[str, int] = {}
    participations = {str(s) for s, p, o in triples if p == RDF.type and o == ECS.Participation}
    dated = {str(s) for s, p, o in triples if p == RDF.type and o in (ECS.Instrument, ECS.Membership, ECS.Tenure)}
    inherited = {"start": 0, "end": 0}
    floored = {"stated": 0, "floored": 0}
    for node in participations | dated:
        own_first = starts.get(node)
        own_last = last_day(dt.date.fromisoformat(ends[node]), precisions[node]).isoformat() if node in ends else None
        outer: Bounds = (None, None)
        floor = None
        if node in participations:
            outer = (firsts.get(instrument_of[node]), lasts.get(instrument_of[node]))
            floor = not_before(basis.get(node, ()), spans)
            floored["stated" if own_first else "floored"] += floor is not None and floor > (outer[0] or "")
        expected = within((own_first, own_last), outer, floor)
        assert (firsts.get(node), lasts.get(node)) == expected, node
        if node in participations:
            start, end = participation_bounds(
                (own_first, own_last),
                (start_precisions.get(node), precisions.get(node)),
                instrument_of[node],
                basis.get(node, ()),
                spans,
            )
            assert (start.day, end.day) == expected, node
            found = {key: column.get(node) for key, column in written.items()}
            assert found == {
                "start_basis": start.basis,
                "start_precision": start.precision,
                "start_from": start.source,
                "end_basis": end.basis,
                "end_from": end.source,
            }, node
            bases[f"start {start.basis}"] = bases.get(f"start {start.basis}", 0) + 1
            bases[f"end {end.basis}"] = bases.get(f"end {end.basis}", 0) + 1
        inherited["start"] += own_first is None and expected[0] is not None
        inherited["end"] += own_last is None and expected[1] is not None
    assert set(firsts) <= participations | dated and set(lasts) <= participations | dated
    assert sum(lasts[n] != ends[n] for n in ends) >= 3  # year-precision ends (EUPM, Global Partnership chairs)
    # the curated data of December 2026: 55 participations take their instrument's start, 12 its end
    assert inherited["start"] >= 50 and inherited["end"] >= 10, inherited
    # PESCO third states admitted by a Council decision years after the project began (Canada, the UK,
    # Switzerland), the EU's Arms Trade Treaty outreach: their starts are later than their instrument's
    assert floored["floored"] >= 3, floored
    # every basis occurs in the curated data, and nothing but participations says where its bounds come from
    assert {"start stated", "start instrument", "start legal-basis", "end stated", "end instrument"} <= set(bases)
    assert all(set(column) <= participations for column in written.values())


@pytest.mark.parametrize(
    ("listed", "floor"),
    [
        (["specific", "general"], "2023-02-20"),  # the general conditions the specific decision rests on: skipped
        (["first", "second"], "2021-12-22"),  # successive decisions, neither resting on the other: the earliest
        (["specific", "undated"], None),  # a specific act of unknown date: nothing is known
        (["specific", "missing"], None),  # an act not loaded: likewise
        ([], None),
    ],
)
def test_a_participation_begins_no_earlier_than_its_legal_acts(listed: list[str], floor: str | None) -> None:
    spans = {
        "general": Span((None, None), "2020-11-05"),
        "specific": Span((None, None), "2023-02-20", ("general",)),
        "first": Span((None, None), "2021-12-22"),
        "second": Span((None, None), "2023-10-23"),
        "undated": Span((None, None), None),
    }
    assert not_before(listed, spans) == floor


@pytest.mark.parametrize(
    ("own", "outer", "floor", "bounds"),
    [
        ((None, None), ("2018-03-06", None), "2023-02-20", ("2023-02-20", None)),  # admitted later
        ((None, None), ("2018-03-06", None), "2017-05-29", ("2018-03-06", None)),  # act before the instrument
        ((None, None), (None, None), "2017-05-29", ("2017-05-29", None)),  # instrument undated
        (("2021-12-14", None), ("2018-03-06", None), "2023-02-20", ("2021-12-14", None)),  # stated start kept
    ],
)
def test_the_legal_floor_applies_to_an_unstated_start_only(
    own: Bounds, outer: Bounds, floor: str, bounds: Bounds
) -> None:
    assert within(own, outer, floor) == bounds


@pytest.mark.parametrize(
    ("own", "outer", "bounds"),
    [
        ((None, None), ("2006-01-01", "2026-06-30"), ("2006-01-01", "2026-06-30")),  # undated: the instrument's
        (("2019-06-01", None), ("2017-10-16", "2026-04-30"), ("2019-06-01", "2026-04-30")),  # own start kept
        (("2003-06-08", "2003-07-11"), ("2003-06-12", "2003-09-01"), ("2003-06-08", "2003-07-11")),  # own kept
        ((None, "2005-12-31"), (None, None), (None, "2005-12-31")),  # still unknown: open
    ],
)
def test_a_participation_takes_the_bounds_it_does_not_state_from_its_instrument(
    own: Bounds, outer: Bounds, bounds: Bounds
) -> None:
    assert within(own, outer) == bounds


def test_bounds_of_a_partial_period() -> None:
    assert bounds(dt.date(2003, 1, 1), last_day(dt.date(2005, 1, 1), "year")) == ("2003-01-01", "2005-12-31")
    assert bounds(None, None) == (None, None)


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


def test_a_derived_bound_names_its_basis_the_date_it_comes_from_and_that_dates_precision() -> None:
    spans = {
        "mission": Span.of(("2004-12-01", "2005-12-31"), None, None, (), ("month", None, None)),
        "general": Span.of((None, None), "2020-11-05", None, (), (None, "day", None)),
        "decision": Span.of((None, None), "2023-02-20", None, ("general",), (None, "day", None)),
    }
    # nothing stated: the instrument's start (in its month) and end
    start, end = participation_bounds((None, None), (None, None), "mission", (), spans)
    assert start == Bound("2004-12-01", "month", "instrument", "mission")
    assert end == Bound("2005-12-31", None, "instrument", "mission")
    # admitted by a decision later than the instrument's start: the decision's adoption, not the general act
    start, _ = participation_bounds((None, None), (None, None), "mission", ("decision", "general"), spans)
    assert start == Bound("2023-02-20", "day", "legal-basis", "decision")
    # stated dates are kept, with their own precision
    start, end = participation_bounds(("2005-01-01", "2005-12-31"), ("year", "year"), "mission", ("decision",), spans)
    assert (start, end) == (Bound("2005-01-01", "year", "stated"), Bound("2005-12-31", "year", "stated"))
    # an instrument not known and no acts: nothing is known
    assert participation_bounds((None, None), (None, None), "missing", (), spans) == (
        Bound(None, None, None),
        Bound(None, None, None),
    )
