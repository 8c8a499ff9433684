"""Which record a reader meant when they named an unknown id: ids, names and alternative names all count.

`/instruments/sdp` means the Security and Defence Partnership (`sdp-2025`, acronym SDP), not the
nearest id by spelling (`csdp`). In order: a name or acronym that is exactly the typed text (case,
accents and punctuation ignored); an id that starts with it as a whole word; the closest id, name
or alternative name by spelling.

A 404 is a request anyone can send, so its hint must stay cheap at a million facts: the candidates of a
kind are indexed once per loaded graph (`Candidates`, kept by the API per load and warmed with the
lists), and the spelling stage compares the typed text only with keys of about its length that share
its first or last letter (at most `SPELLING_POOL` of them), never with every name in the graph.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterable

from eucan.graph.fulltext import words

__all__ = ["SPELLING_POOL", "Candidates", "suggest"]

SPELLING_POOL = 2_000
"""At most this many keys are compared by spelling with the typed text (difflib is ~10 us per key)."""


def _key(text: str) -> str:
    return "-".join(words(text))


class Candidates:
    """The (id, names) pairs of one kind, indexed for `suggest`: exact names, ids in order, keys by length."""

    __slots__ = ("_by_length", "_ids", "_names")

    def __init__(self, candidates: Iterable[tuple[str, list[str]]]) -> None:
        self._names: dict[str, str] = {}
        keys: dict[str, str] = {}
        ids = []
        for record, names in candidates:
            ids.append(record)
            keys.setdefault(record, record)
            for name in names:
                key = _key(name)
                self._names.setdefault(key, record)
                keys.setdefault(key, record)
        self._ids = sorted(ids)
        self._by_length: dict[int, list[tuple[str, str]]] = {}
        for key, record in keys.items():
            self._by_length.setdefault(len(key), []).append((key, record))

    def exact(self, wanted: str) -> str | None:
        return self._names.get(wanted)

    def starting(self, wanted: str) -> str | None:
        """The shortest id that starts with `wanted` as whole words."""
        prefix = wanted + "-"
        at = bisect.bisect_left(self._ids, prefix)
        found = []
        for record in self._ids[at:]:
            if not record.startswith(prefix):
                break
            found.append(record)
        return min(found, key=lambda r: (len(r), r)) if found else None

    def spelled_like(self, wanted: str) -> str | None:
        """The closest key by spelling among those of about its length (a ratio of 0.6 needs lengths within
        a factor of 2), those sharing its first or last letter first."""
        pool: dict[str, str] = {}
        near = sorted(range(len(wanted) // 2, 2 * len(wanted) + 1), key=lambda n: abs(n - len(wanted)))
        for length in near:
            for key, record in self._by_length.get(length, ()):
                if key[:1] == wanted[:1] or key[-1:] == wanted[-1:] or len(self._ids) <= SPELLING_POOL:
                    pool.setdefault(key, record)
            if len(pool) >= SPELLING_POOL:
                break
        close = difflib.get_close_matches(wanted, list(pool), n=1, cutoff=0.6)
        return pool[close[0]] if close else None


def suggest(typed: str, candidates: Candidates | Iterable[tuple[str, list[str]]]) -> str | None:
    """The id of the record `typed` most likely means, among (id, names) pairs (or their `Candidates`), or None."""
    wanted = _key(typed)
    if not wanted:
        return None
    index = candidates if isinstance(candidates, Candidates) else Candidates(candidates)
    return index.exact(wanted) or index.starting(wanted) or index.spelled_like(wanted)
