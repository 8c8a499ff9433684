"""Which record a reader meant when they named an unknown id: ids, names and alternative names all count.

`/instruments/sdp` means the Security and Defence Partnership (`sdp-2025`, acronym SDP), not the
nearest id by spelling (`csdp`). In order: a name or acronym that is exactly the typed text (case,
accents and punctuation ignored); an id that starts with it as a whole word; the closest id, name
or alternative name by spelling.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from eucan.graph.fulltext import words

__all__ = ["suggest"]


def _key(text: str) -> str:
    return "-".join(words(text))


def suggest(typed: str, candidates: Iterable[tuple[str, list[str]]]) -> str | None:
    """The id of the record `typed` most likely means, among (id, names) pairs, or None."""
    wanted = _key(typed)
    if not wanted:
        return None
    rows = list(candidates)
    for record, names in rows:
        if any(_key(name) == wanted for name in names):
            return record
    starts = sorted((r for r, _ in rows if r.startswith(wanted + "-")), key=len)
    if starts:
        return starts[0]
    keys: dict[str, str] = {}
    for record, names in rows:
        for key in (record, *(_key(n) for n in names)):
            keys.setdefault(key, record)
    close = difflib.get_close_matches(wanted, list(keys), n=1, cutoff=0.6)
    return keys[close[0]] if close else None
