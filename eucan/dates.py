"""Partial dates: what a date known to a day, a month or a year means, and how every door shows it.

A curated date is stored as its **first day** plus a **precision** (`day`, `month`, `year`). Two
rules follow, defined here once and used everywhere (loader, catalog, API, CLI, docs):

- **Bounds.** The earliest day a partial date can mean is its first day (`startDate`); the latest
  is `last_day` (2005 -> 2005-12-31, 2024-04 -> 2024-04-30). The loader writes the latest possible
  end of every period as `endDateLast`, so no query re-derives it.
- **As of day D.** A fact holds on D when its earliest possible start <= D <= its latest possible
  end; a missing start or end is open. In Cypher::

      (x.startDate IS NULL OR x.startDate <= $as_of) AND (x.endDateLast IS NULL OR x.endDateLast >= $as_of)

  and in Python `holds_on`; `PeriodCounts` counts the periods holding on any day from one read of them.

- **Display.** A date is shown in its precision, ISO-style: "2005", "2024-04", "2025-06-23"
  (`display`). A participation with neither start nor end is *undated*: it is kept by as-of
  questions (nothing says it did not hold) and flagged `undated: true`.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from typing import Literal

__all__ = ["AS_OF_RULE", "PRECISIONS", "PeriodCounts", "Precision", "display", "holds_on", "last_day"]

Precision = Literal["day", "month", "year"]
PRECISIONS: tuple[Precision, ...] = ("day", "month", "year")
_LENGTH = {"day": 10, "month": 7, "year": 4}

AS_OF_RULE = (
    "a fact holds on that day when its earliest possible start <= the day <= its latest possible end "
    "(an end of 2005 runs to 2005-12-31, of 2024-04 to 2024-04-30; start and end days included); "
    "an unknown start or end is open, so undated participations are kept and flagged undated"
)
"""The as-of rule in words, for the parameter descriptions of every door."""


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


def holds_on(start: str | None, end_last: str | None, day: str) -> bool:
    """The as-of rule: a period (first day of its start, latest day of its end; ISO days, None = open)
    holds on `day` when start <= day <= end_last."""
    return (start is None or start <= day) and (end_last is None or end_last >= day)


class PeriodCounts:
    """How many of some periods hold on a day (`holds_on`), for any day, in O(log n) from one read of them.

    The loader refuses an end before its start, so a period's start <= its `end_last`: the periods that do
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
