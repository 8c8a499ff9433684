"""Search over everything a researcher reads: the engine ranks, this module describes and quotes.

The store's full-text index (`GraphStore.search`, see `graph/fulltext.py`) gives record ids best
first; one `api_search` query describes the page of them, with their sources, and
`snippet` cuts the passage (a name, a description, a quote or a source title) that holds the words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from eucan.api import models as m
from eucan.api.provenance import KINDS, list_of, own_sources, ref, text_of, type_of
from eucan.echo import clip
from eucan.errors import QueryParameterError
from eucan.graph.fulltext import MAX_WORDS, fold, words
from eucan.graph.store import GraphStore
from eucan.queries.runner import run_named

__all__ = ["SEARCHABLE", "SEARCH_CAP", "search", "snippet"]

SEARCH_CAP = 500
# What `q` must hold, stated as the parameter's pattern in the OpenAPI description too: a letter or
# digit somewhere, and no control character (refused in every parameter, api/limits.py).
SEARCHABLE = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*[^\W_][^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
_SEARCHABLE = re.compile(SEARCHABLE)
"""At most this many hits are ranked for one text (`count` says how many, up to this)."""
_BEFORE = 60
_AFTER = 140
_FACT_KINDS = (("Participation", "participation"), ("Membership", "membership"), ("Tenure", "tenure"))


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return " " if char.isspace() else fold(char)


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index of the original character it came from."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        folded = _fold_char(char)
        out.append(folded)
        where.extend([i] * len(folded))
    return "".join(out), where


@lru_cache(maxsize=256)
def _patterns(query_words: tuple[str, ...]) -> list[re.Pattern[str]]:
    """The words' patterns, made once per query (a page's 50 hits and their candidates all use them)."""
    pats = []
    for k, word in enumerate(query_words):
        tail = "" if k == len(query_words) - 1 else r"(?![^\W_])"
        pats.append(re.compile(rf"(?<![^\W_]){re.escape(word)}{tail}"))
    return pats


def _cut(text: str, start: int, end: int) -> str:
    lo = max(0, start - _BEFORE)
    hi = min(len(text), end + _AFTER)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    piece = " ".join(text[lo:hi].split())
    return ("…" if lo > 0 else "") + piece + ("…" if hi < len(text) else "")


def snippet(query: str, candidates: Iterable[tuple[str, str, str | None, str | None]]) -> m.Snippet | None:
    """The passage of the first candidate (field, text, lang, source) holding the most of the query's words."""
    query_words = list(dict.fromkeys(words(query)))[:MAX_WORDS]
    pats = _patterns(tuple(query_words))
    best: tuple[int, m.Snippet] | None = None
    for field, text, lang, source in candidates:
        folded, where = _folded_with_positions(text)
        found = [match for pat in pats if (match := pat.search(folded))]
        if not found or (best is not None and len(found) <= best[0]):
            continue
        first = min(found, key=lambda x: x.start())
        start = where[first.start()]
        end = where[min(first.end(), len(where)) - 1] + 1
        best = (len(found), m.Snippet(field=field, text=_cut(text, start, end), lang=lang, source=source))
        if len(found) == len(pats):
            break
    return best[1] if best else None


def _names_holding(query_words: list[str], names: list[str]) -> list[str]:
    pats = _patterns(tuple(query_words))
    return [n for n in names if all(p.search(" ".join(words(n))) for p in pats)]


def _kind(labels: list[str]) -> str:
    return next((k for label, k in (*KINDS, *_FACT_KINDS) if label in labels), "other")


def search(*, store: GraphStore, q: str, limit: int, offset: int) -> tuple[list[m.SearchHit], int]:
    """Records whose names, alternative names, description, quotes or source titles hold every word of `q`."""
    if not _SEARCHABLE.search(q):
        raise QueryParameterError(f"q must contain at least one letter or digit (got {clip(q)})")
    query_words = list(dict.fromkeys(words(q)))
    if not query_words:  # letters that fold to nothing searchable: nothing to find
        return [], 0
    ranked = store.search(q, limit=SEARCH_CAP)
    page = ranked[offset : offset + limit]
    if not page:
        return [], len(ranked)
    rows = run_named(store=store, name="api_search", params={"ids": [i for i, _ in page]}).records()
    by_id: dict[str, dict[str, Any]] = {}
    for row in rows:
        by_id.setdefault(row["item"]["id"], row["item"])
    hits = []
    for (record, score), raw in zip(page, [by_id.get(i) for i, _ in page], strict=True):
        if raw is None:
            continue
        labels = list(raw.get("labels") or [])
        names = [x for x in (text_of(raw.get("name")), text_of(raw.get("name_fr"))) if x]
        alt = list_of(raw.get("altNames")) + list_of(raw.get("acronym"))
        sources = own_sources(raw)  # brought by api_search itself: one engine round trip a page
        candidates: list[tuple[str, str, str | None, str | None]] = [("name", n, None, None) for n in names]
        candidates += [("alt_name", n, None, None) for n in alt]
        if description := text_of(raw.get("description")):
            candidates.append(("description", description, None, None))
        candidates += [("quote", s.quote, s.lang, s.url) for s in sources]
        candidates += [("source_title", s.title, None, s.url) for s in sources if s.title]
        candidates.append(("id", record, None, None))
        hits.append(
            m.SearchHit(
                id=record,
                name=raw.get("name"),
                type=type_of(labels),
                kind=_kind(labels),
                name_fr=text_of(raw.get("name_fr")),
                date=raw.get("date"),
                date_precision=raw.get("datePrecision"),
                actor=ref(raw.get("who")),
                about=ref(raw.get("what")),
                score=round(score, 4),
                matched=_names_holding(query_words, names + alt),
                snippet=snippet(q, candidates),  # from every source; the hit shows the first few
                sources=sources[: m.LIST_SOURCES],
                source_count=len(sources),
            )
        )
    return hits, len(ranked)
