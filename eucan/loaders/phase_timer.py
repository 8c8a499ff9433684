"""Seconds per phase of a validation or load, measured lap by lap (reported by `bench/load.py`)."""

from __future__ import annotations

import time

__all__ = ["PhaseTimer"]


class PhaseTimer:
    """`lap(phase)` records the seconds since the previous lap (or since the timer was made)."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self._started = time.perf_counter()

    def lap(self, phase: str) -> None:
        now = time.perf_counter()
        self.timings[phase] = now - self._started
        self._started = now
