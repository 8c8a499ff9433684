"""Which language a quote is written in, and whether its `lang` tag says so.

A quote without `lang` is English; any other language must be tagged (`lang: fr`), because the
tag travels everywhere a quote goes: the API's `lang`, the RDF literal's language tag, the
search index. The loader checks each tag against a language-identification model that ships
inside its package (`py3langid`: a naive Bayes model over byte n-grams, deterministic, no
download at run time), restricted to the languages our sources are written in.

Short or mixed text (names, numbers, "Document 32021D0748", a table row) gives weak evidence,
so only a confident verdict on enough letters is acted on: a probability of at least
`MIN_CONFIDENCE` on at least `MIN_LETTERS` letters. Closely related languages the model cannot
tell apart reliably (Croatian, Serbian, Bosnian, Montenegrin; Danish and Norwegian) count as one.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from eucan.errors import Problem
from eucan.loaders.yaml_source import RawRecord

__all__ = [
    "CANDIDATES",
    "MIN_CONFIDENCE",
    "MIN_LETTERS",
    "Verdict",
    "check_languages",
    "detect",
    "model_loaded",
    "prefetch_model",
    "release_model",
]

# The 24 official EU languages, and other languages of sources near EU–Canada security work.
CANDIDATES = (
    "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv "  # EU
    "bs ca is lb no ru sr tr uk"
).split()
MIN_CONFIDENCE = 0.95
MIN_LETTERS = 40

_NAMES = {
    "bg": "Bulgarian", "bs": "Bosnian", "ca": "Catalan", "cnr": "Montenegrin", "cs": "Czech", "da": "Danish",
    "de": "German", "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian", "fi": "Finnish",
    "fr": "French", "ga": "Irish", "hr": "Croatian", "hu": "Hungarian", "is": "Icelandic", "it": "Italian",
    "lb": "Luxembourgish", "lt": "Lithuanian", "lv": "Latvian", "mt": "Maltese", "nb": "Norwegian", "nl": "Dutch",
    "nn": "Norwegian", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sl": "Slovene", "sr": "Serbian", "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian",
}  # fmt: skip
_GROUPS = [{"hr", "sr", "bs", "cnr", "sh"}, {"da", "no", "nb", "nn"}]


def _group(code: str) -> frozenset[str]:
    return next((frozenset(g) for g in _GROUPS if code in g), frozenset({code}))


def language_name(code: str) -> str:
    return _NAMES.get(code, code)


@dataclass(frozen=True)
class Verdict:
    """The model's best language for a text, how sure it is, and whether that is enough to act on."""

    lang: str
    confidence: float
    letters: int

    @property
    def confident(self) -> bool:
        return self.confidence >= MIN_CONFIDENCE and self.letters >= MIN_LETTERS

    def agrees_with(self, tag: str) -> bool:
        return tag in _group(self.lang)


_MODEL: list[Any] = []  # the identifier, once loaded (`_identifier`)
_MODEL_LOCK = threading.Lock()


def _identifier() -> Any:
    with _MODEL_LOCK:  # a prefetching thread and the validation never load it twice
        if not _MODEL:
            from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

            identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
            identifier.set_languages(CANDIDATES)
            _MODEL.append(identifier)
        return _MODEL[0]


def model_loaded() -> bool:
    return bool(_MODEL)


def prefetch_model() -> None:
    """Start loading the model in a thread (its LZMA decompression, most of ~1 s, runs without the interpreter
    lock): an incremental load that found changed files asks it only after reading them, by then it is ready."""
    if not _MODEL:
        threading.Thread(target=_load_quietly, name="eucan-language-model", daemon=True).start()


def _load_quietly() -> None:
    try:
        _identifier()
    except Exception:  # the validation asks again and reports the failure as a problem or an error
        pass


def release_model() -> None:
    """Let go of the model (~80 MB; loaded again when next asked): a large load does once its files are read."""
    with _MODEL_LOCK:
        _MODEL.clear()


@lru_cache(maxsize=16_384)
def detect(text: str) -> Verdict:
    """The most likely language of `text` among `CANDIDATES`. Remembered per text (the model is
    deterministic and a Verdict immutable): a process that validates the same sources again, as
    `eucan serve` reloading or the test suite does, asks the model once per quote."""
    lang, confidence = _identifier().classify(text)
    return Verdict(str(lang), float(confidence), sum(map(str.isalpha, text)))


def _judgeable(tag: str) -> bool:
    """Only tags the model can speak to are checked (a quote in Latin, say, is left alone)."""
    return any(code in CANDIDATES for code in _group(tag))


def check_languages(records: Iterable[tuple[RawRecord, BaseModel]]) -> list[Problem]:
    """Every quote whose `lang` tag the model confidently contradicts, at the tag's line (a quote without a
    tag is refused earlier, by the record model: `lang` is required)."""
    problems: list[Problem] = []
    for raw, _model in records:
        evidence = raw.data.get("evidence")
        if not isinstance(evidence, list):
            continue
        for index, item in enumerate(evidence):
            if not isinstance(item, dict) or not isinstance(item.get("quote"), str):
                continue
            claimed = item.get("lang")
            if not isinstance(claimed, str) or not _judgeable(claimed):
                continue
            if sum(map(str.isalpha, item["quote"])) < MIN_LETTERS:
                continue  # too short to judge: no need to ask the model
            verdict = detect(item["quote"])
            if not verdict.confident or verdict.agrees_with(claimed):
                continue
            found = f"{language_name(verdict.lang)} ({verdict.lang}, confidence {verdict.confidence:.2f})"
            message = (
                f"evidence[{index}].quote is tagged `lang: {claimed}` but reads as {found}; "
                f"fix the tag (`lang: {verdict.lang}`) or the quote"
            )
            line = raw.nested_line("evidence", index, "lang")
            ident = raw.data.get("id")
            prefix = f"{raw.section[:-1]} {ident!r}: " if isinstance(ident, str) else ""
            problems.append(Problem(raw.file, line, prefix + message))
    return problems
