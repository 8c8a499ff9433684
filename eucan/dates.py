"""Partial dates: what a date known to a day, a month or a year means, and how every door shows it.

A curated date is stored as its **first day** plus a **precision** (`day`, `month`, `year`). The rules
below are defined here once and used everywhere (loader, catalog, API, CLI, SPARQL, docs):

- **Bounds.** The earliest day a partial date can mean is its first day; the latest is `last_day`
  (2005 -> 2005-12-31, 2024-04 -> 2024-04-30). Every period-bearing fact (instrument, participation,
  membership, tenure) gets two derived bounds at load time (`bounds`): `startDateFirst`, the earliest
  day it can have held, and `endDateLast`, the latest. They are written in the canonical RDF
  (`ecs:startDateFirst`, `ecs:endDateLast`) and so in the property graph, and no query re-derives them.
- **A participation cannot outlast its instrument.** A bound a participation does not state itself is
  its instrument's (`within`): no own end -> the instrument's `endDateLast`, no own start -> the
  instrument's `startDateFirst`. A bound the participation states is kept as curated, even when the
  sources put it a few days outside the instrument's period.
- **Nor begin before its legal basis.** A participation that states no start and rests on legal acts
  (its `legal_basis`, e.g. the Council decision admitting a third state to a PESCO project) began no
  earlier than those acts (`not_before`): its derived start is the later of its instrument's start and
  the earliest adoption among its most specific acts. An act that another of the listed acts rests on
  (the general conditions under which the specific decision admits the state) does not date it; when
  one of the specific acts has no known date, the acts say nothing.
- **Where a derived bound comes from** is worked out here too, with the bound (`participation_bounds`): its
  basis (`stated`, `instrument`, `legal-basis`), the instrument or act whose date it is, and the precision
  of that date. The loader writes them beside the bounds (`ecs:startDateBasis`, `ecs:startDateFrom`,
  `ecs:startDateFirstPrecision`, `ecs:endDateBasis`, `ecs:endDateFrom`), so every timeline (the API's, the
  catalog's, the explorer's) reads where a date comes from instead of working it out again.
- **As of day D.** A fact holds on D when startDateFirst <= D <= endDateLast; a bound still unknown
  is open. In Cypher::

      (x.startDateFirst IS NULL OR x.startDateFirst <= $as_of) AND (x.endDateLast IS NULL OR x.endDateLast >= $as_of)

  and in Python `holds_on`; `PeriodCounts` counts the periods holding on any day from one read of them.

- **Display.** A date is shown in its precision, ISO-style: "2005", "2024-04", "2025-06-23"
  (`display`); the curated `startDate`/`endDate` and their precisions are what is shown, the derived
  bounds only decide as-of questions. A participation with neither start nor end of its own is
  *undated* (flagged `undated: true`): it holds within its instrument's period (on every day when
  the instrument's is unknown too), since nothing says when within it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Literal, NamedTuple

__all__ = [
    "AS_OF_RULE",
    "PRECISIONS",
    "Bound",
    "Bounds",
    "DateBasis",
    "PeriodCounts",
    "Span",
    "Precision",
    "bounds",
    "display",
    "holds_on",
    "last_day",
    "not_before",
    "participation_bounds",
    "within",
]

Precision = Literal["day", "month", "year"]
PRECISIONS: tuple[Precision, ...] = ("day", "month", "year")
_LENGTH = {"day": 10, "month": 7, "year": 4}

AS_OF_RULE = (
    "a fact holds on that day when its earliest possible start <= the day <= its latest possible end "
    "(an end of 2005 runs to 2005-12-31, of 2024-04 to 2024-04-30; start and end days included); "
    "a participation that states no start or no end of its own has its instrument's (it cannot outlast "
    "its instrument), so undated participations are kept within their instrument's period and flagged undated, "
    "and one that rests on legal acts begins no earlier than their adoption; "
    "a bound still unknown is open"
)
"""The as-of rule in words, for the parameter descriptions of every door."""


Bounds = tuple[str | None, str | None]
"""A period's derived bounds: (earliest possible start, latest possible end), ISO days, None = unknown (open)."""

DateBasis = Literal["stated", "instrument", "legal-basis"]
"""Where a participation's derived bound comes from: its own date, its instrument's, or its legal act's."""


def bounds(first: dt.date | None, end_last: dt.date | None) -> Bounds:
    """A period's own bounds from its start's first day and its end's `last_day` (None: not stated)."""
    return (first.isoformat() if first else None, end_last.isoformat() if end_last else None)


class Span(NamedTuple):
    """What a participation's derived bounds need to know of an instrument it refers to."""

    bounds: Bounds
    """The instrument's own bounds (`bounds`)."""
    since: str | None
    """The first day it existed: a legal act's adoption day, another instrument's earliest start (ISO)."""
    basis: tuple[str, ...] = ()
    """The ids of the acts it rests on (its `legal_basis`)."""
    start_precision: str | None = None
    """The precision of its own start (`bounds[0]`)."""
    since_precision: str | None = None
    """The precision of the date `since` is the first day of."""

    @classmethod
    def of(
        cls,
        bounds: Bounds,
        adopted: str | None,
        signed: str | None,
        basis: Iterable[str],
        precisions: tuple[str | None, str | None, str | None] = (None, None, None),
    ) -> Span:
        """An instrument's span: it existed from its adoption (a legal act), else its signature, else its
        earliest start (ISO first days); `precisions` are those of its start, adoption and signature."""
        start, adoption, signature = precisions
        since_precision = adoption if adopted else signature if signed else start
        return cls(bounds, adopted or signed or bounds[0], tuple(sorted(basis)), start, since_precision)


def earliest_act(basis: Iterable[str], spans: Mapping[str, Span]) -> tuple[str, str] | None:
    """(day, act id): the earliest `since` among the most specific of the acts `basis` (ids into `spans`),
    the smallest id among acts of that day. An act another listed act rests on (the general conditions under
    which a specific decision admits a state) does not count; None when there are no acts, or a specific
    one is unknown or undated (nothing is then known from them)."""
    listed = dict.fromkeys(basis)
    underlying = {b for a in listed if a in spans for b in spans[a].basis if b != a}
    days = [(spans[a].since if a in spans else None, a) for a in listed if a not in underlying]
    if not days or any(day is None for day, _ in days):
        return None
    return min((day, act) for day, act in days if day is not None)


def not_before(basis: Iterable[str], spans: Mapping[str, Span]) -> str | None:
    """The earliest day a participation resting on the acts `basis` (ids into `spans`) can have begun: the
    earliest `since` among the most specific of them (`earliest_act`). None when nothing is known from them."""
    found = earliest_act(basis, spans)
    return found[0] if found is not None else None


class Bound(NamedTuple):
    """One of a participation's derived bounds, and where it comes from."""

    day: str | None
    """The bound (`startDateFirst` or `endDateLast`), None = unknown (open)."""
    precision: str | None
    """The precision of the date the bound was taken from (the start's: a start of 2004-12 is 2004-12-01)."""
    basis: DateBasis | None
    """`stated` (the participation's own date), `instrument` or `legal-basis`; None when unknown."""
    source: str | None = None
    """The id of the instrument or legal act whose date it is (None when stated or unknown)."""


def participation_bounds(
    own: Bounds,
    precisions: tuple[str | None, str | None],
    instrument: str,
    acts: Iterable[str],
    spans: Mapping[str, Span],
) -> tuple[Bound, Bound]:
    """A participation's derived start and end (`within` its instrument's period, `not_before` its legal
    acts), each with where it comes from: `own` are its own bounds and `precisions` its own start's and
    end's, `instrument` and `acts` ids into `spans`."""
    span = spans.get(instrument)
    outer: Bounds = span.bounds if span is not None else (None, None)
    act = earliest_act(acts, spans)
    first, last = within(own, outer, act[0] if act is not None else None)
    if first is None:
        start = Bound(None, None, None)
    elif own[0] is not None:
        start = Bound(first, precisions[0] or "day", "stated")
    elif first == outer[0] and span is not None:
        start = Bound(first, span.start_precision or "day", "instrument", instrument)
    else:
        assert act is not None  # `within` took the act's day
        start = Bound(first, spans[act[1]].since_precision or "day", "legal-basis", act[1])
    if last is None:
        end = Bound(None, None, None)
    elif own[1] is not None:
        end = Bound(last, precisions[1] or "day", "stated")
    else:
        end = Bound(last, None, "instrument", instrument)
    return start, end


def within(own: Bounds, outer: Bounds, floor: str | None = None) -> Bounds:
    """The bounds of a period that lies within `outer` (a participation within its instrument's period)
    and began no earlier than `floor` (`not_before` its legal acts): each bound it does not state is
    `outer`'s, an unstated start no earlier than `floor`; a bound it states is kept as curated."""
    start = own[0]
    if start is None:
        start = outer[0] if floor is None or (outer[0] is not None and outer[0] >= floor) else floor
    return (start, own[1] if own[1] is not None else outer[1])


def last_day(first: dt.date, precision: str) -> dt.date:
    """The last day a date stored as `first` with this precision can mean."""
    if precision == "day":
        return first
    if precision == "year":
        return dt.date(first.year, 12, 31)
    if precision == "month":
        following = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    raise ValueError(f"unknown date precision {precision!r}; expected one of {', '.join(PRECISIONS)}")


def display(value: str | dt.date | None, precision: str | None) -> str | None:
    """A stored date in its precision: ("2005-01-01", "year") -> "2005"; an unknown precision shows the day."""
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return text[: _LENGTH.get(precision or "day", 10)]


def holds_on(start_first: str | None, end_last: str | None, day: str) -> bool:
    """The as-of rule: a period (its derived bounds `startDateFirst` and `endDateLast`; ISO days, None = open)
    holds on `day` when start_first <= day <= end_last."""
    return (start_first is None or start_first <= day) and (end_last is None or end_last >= day)


class PeriodCounts:
    """How many of some periods hold on a day (`holds_on`), for any day, in O(log n) from one read of them.

    The loader refuses a period whose `startDateFirst` is after its `endDateLast` (SHACL), so a period's
    start <= its `end_last`: the periods that do
    not hold on D are those starting after D and those ending before D, and no period is both. So the count
    is all periods less those two, each found by bisection in the sorted starts and ends.
    """

    __slots__ = ("_ends", "_starts", "size")

    def __init__(self, starts: Iterable[str], end_lasts: Iterable[str], size: int) -> None:
        """From the `size` periods' known starts and known latest ends (a missing bound is open: left out)."""
        self._starts = sorted(starts)
        self._ends = sorted(end_lasts)
        self.size = size

    @classmethod
    def of(cls, periods: Iterable[tuple[str | None, str | None]]) -> PeriodCounts:
        """From (start, end_last) pairs."""
        listed = list(periods)
        return cls((s for s, _ in listed if s is not None), (e for _, e in listed if e is not None), len(listed))

    def holding_on(self, day: str | None) -> int:
        """How many periods hold on `day` (all of them when `day` is None: no as-of filter)."""
        if day is None:
            return self.size
        started_after = len(self._starts) - bisect.bisect_right(self._starts, day)
        ended_before = bisect.bisect_left(self._ends, day)
        return self.size - started_after - ended_before
