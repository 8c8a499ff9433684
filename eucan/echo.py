"""Echoing a user's value in a message, cut short: an error message never floods a log or a reply."""

from __future__ import annotations

__all__ = ["ECHO_LIMIT", "clip"]

ECHO_LIMIT = 200


def clip(value: object, limit: int = ECHO_LIMIT) -> str:
    """`repr(value)`, at most `limit` characters (the cut is marked, with the full length)."""
    if isinstance(value, str) and len(value) > limit * 4:
        value = value[: limit * 4]  # never build the repr of a huge string
        text = repr(value)
        return text[: limit - 20] + "… (cut)"
    text = repr(value) if not isinstance(value, (list, dict, tuple, set)) else _short_repr(value, limit)
    return text if len(text) <= limit else text[: limit - 20] + f"… ({len(text):,} chars)"


def _short_repr(value: object, limit: int) -> str:
    import reprlib

    shortener = reprlib.Repr()
    shortener.maxstring = limit
    shortener.maxother = limit
    shortener.maxlevel = 3
    return shortener.repr(value)
