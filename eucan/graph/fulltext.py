"""What the engines' full-text indexes see, and how a user's words become a full-text query.

Both engines index the same two derived node properties, written by the loader: `searchName`
(names in every language, acronyms, alternative names) and `searchText` (a named record's id,
descriptions, the quotes of the record's evidence and the titles of their source documents).
Both hold the text already *folded* (`fold`: lowercase, accents removed, ß → ss...) and cut into
plain words (letters and digits of any script) joined by spaces, so that FalkorDB (RediSearch)
and Neo4j (Lucene) see
the same words, need no language-specific analyser, and agree on what matches.

The user's text goes through the same `words`; each word is plain letters and digits, so no
character of it can reach either engine's query syntax (`|`, `@`, `-`, `:`, quotes, brackets...).
All words must match (in either property); the last word also matches as a prefix, so a search
box can ask as the user types.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "MAX_WORDS",
    "SEARCH_NAME",
    "SEARCH_PROPERTIES",
    "SEARCH_TEXT",
    "fold",
    "index_text",
    "lucene_query",
    "rank",
    "redisearch_query",
    "words",
]

SEARCH_NAME = "searchName"
SEARCH_TEXT = "searchText"
SEARCH_PROPERTIES = (SEARCH_NAME, SEARCH_TEXT)
MAX_WORDS = 12
MIN_PREFIX = 3

_FOLD = {
    "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    "–": "-", "—": "-", "’": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"',
}  # fmt: skip
_WORD = re.compile(r"[^\W_]+")


_FOLD_TABLE = str.maketrans(_FOLD)


def fold(text: str) -> str:
    """Lowercase with accents removed ("Défense" → "defense"), the form both sides compare in."""
    lowered = text.strip().lower()
    if lowered.isascii():  # nothing to fold or decompose (a load folds millions of texts, most of them ASCII)
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered.translate(_FOLD_TABLE))
    if decomposed.isascii():
        return decomposed
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return _WORD.findall(fold(text))


def index_text(texts: Iterable[str | None]) -> str | None:
    """The value of a search property: every word of every text, space-separated (None when empty)."""
    out = [w for text in texts if text for w in words(text)]
    return " ".join(out) or None


def _terms(text: str) -> list[str]:
    found = list(dict.fromkeys(words(text)))[:MAX_WORDS]
    if not found:
        return []
    terms = found[:-1]
    last = found[-1]
    terms.append(f"{last}*" if len(last) >= MIN_PREFIX else last)
    return terms


def redisearch_query(text: str, *, names_only: bool = False) -> str | None:
    """FalkorDB's query (RediSearch syntax): every word, the last one also as a prefix; None if no word."""
    terms = " ".join(_terms(text))
    if not terms:
        return None
    return f"@{SEARCH_NAME}:({terms})" if names_only else terms


def lucene_query(text: str, *, names_only: bool = False) -> str | None:
    """Neo4j's query (Lucene syntax), the same words."""
    terms = " AND ".join(_terms(text))
    if not terms:
        return None
    return f"{SEARCH_NAME}:({terms})" if names_only else f"({terms})"


def rank(by_name: list[tuple[str, float]], anywhere: list[tuple[str, float]], limit: int) -> list[tuple[str, float]]:
    """Records whose names hold the words first, then the others; each group by the engine's score."""
    named = {record for record, _ in by_name}
    scores = dict(anywhere)
    first = [(record, scores.get(record, score)) for record, score in by_name]
    return (first + [(record, score) for record, score in anywhere if record not in named])[:limit]
