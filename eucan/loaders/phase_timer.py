"""Seconds per phase of a validation or load, measured lap by lap (reported by `bench/load.py`)."""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["PhaseReport", "PhaseTimer"]

PhaseReport = Callable[[str, float], None]
"""Told each phase as it ends, with its seconds (the CLI shows a long load's progress so)."""


class PhaseTimer:
    """`lap(phase)` records the seconds since the previous lap (or since the timer was made)."""

    def __init__(self, report: PhaseReport | None = None) -> None:
        self.timings: dict[str, float] = {}
        self._started = time.perf_counter()
        self._report = report

    def lap(self, phase: str) -> None:
        now = time.perf_counter()
        self.timings[phase] = now - self._started
        self._started = now
        if self._report is not None:
            self._report(phase, self.timings[phase])
