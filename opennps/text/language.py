"""Which language a comment is written in, with lingua, among the workspace's languages.

Detection is restricted to the languages a workspace expects plus their look-alikes (Ukrainian,
Macedonian and Belarusian beside Russian and Bulgarian), because a detector choosing among 75
languages makes more mistakes on short comments than one choosing among eight. lingua's models
take seconds to load, so a detector is built once per process for each set of languages and
reused (:func:`detector_for`).

Kyrgyz is a look-alike of Kazakh but lingua has no model for it; it is accepted in the language
set and ignored (see :data:`UNSUPPORTED`).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from opennps.text.normalise import cjk_share, clean_text, letter_count

if TYPE_CHECKING:
    from lingua import Language, LanguageDetector

# Our language codes (Django's, as in settings.LANGUAGES) -> lingua Language member names.
LINGUA_NAMES: dict[str, str] = {
    "en": "ENGLISH",
    "ru": "RUSSIAN",
    "kk": "KAZAKH",
    "bg": "BULGARIAN",
    "zh-hans": "CHINESE",
    "fr": "FRENCH",
    "de": "GERMAN",
    "es": "SPANISH",
    "it": "ITALIAN",
    "pt": "PORTUGUESE",
    "uk": "UKRAINIAN",
    "mk": "MACEDONIAN",
    "be": "BELARUSIAN",
    "sr": "SERBIAN",
    "pl": "POLISH",
    "tr": "TURKISH",
    "mn": "MONGOLIAN",
    "az": "AZERBAIJANI",
}
UNSUPPORTED = frozenset({"ky"})  # lingua has no Kyrgyz model
LOOK_ALIKES: tuple[str, ...] = ("uk", "mk", "be", "ky")
DEFAULT_LANGUAGES: tuple[str, ...] = ("en", "ru", "kk", "bg", "zh-hans")

# Fewer letters than this (a Chinese character counts as two) is too little to tell: "ok", "5".
MIN_LETTERS = 4
# Below this confidence the top language is only a guess between look-alikes ("Супер").
MIN_CONFIDENCE = 0.40
# Letters that, among the Cyrillic languages lingua knows, only Kazakh uses (і is also
# Ukrainian and Belarusian, ң ө ү also Mongolian and Kyrgyz): one of them settles kk.
KAZAKH_LETTERS = frozenset("әғқұ")


class UnknownLanguageError(ValueError):
    """A language code that the detector does not know; the message lists the known codes."""


@dataclass(frozen=True)
class Detection:
    """The language of one text, or ``None`` when it cannot be told, with lingua's confidence."""

    language: str | None
    confidence: float


def _to_lingua(code: str) -> Language:
    from lingua import Language

    return getattr(Language, LINGUA_NAMES[code])


def candidate_languages(languages: Iterable[str], *, look_alikes: bool = True) -> tuple[str, ...]:
    """The workspace's languages plus look-alikes, known to lingua, sorted; raises on unknown."""
    wanted = set(languages) | (set(LOOK_ALIKES) if look_alikes else set())
    unknown = sorted(
        code for code in wanted if code not in LINGUA_NAMES and code not in UNSUPPORTED
    )
    if unknown:
        raise UnknownLanguageError(
            f"unknown language code(s) {', '.join(unknown)}; "
            f"known: {', '.join(sorted(LINGUA_NAMES))}."
        )
    return tuple(sorted(code for code in wanted if code in LINGUA_NAMES))


class LanguageDetector:
    """lingua restricted to ``codes``; thread-safe after construction."""

    def __init__(self, codes: Iterable[str], *, preload: bool = True) -> None:
        from lingua import LanguageDetectorBuilder

        self.codes = tuple(codes)
        if len(self.codes) < 2:
            raise UnknownLanguageError("language detection needs at least two candidate languages")
        self._by_lingua = {_to_lingua(code): code for code in self.codes}
        builder = LanguageDetectorBuilder.from_languages(*self._by_lingua)
        if preload:
            builder = builder.with_preloaded_language_models()
        self._detector: LanguageDetector = builder.build()

    def detect(self, text: str) -> Detection:
        """The language of ``text``; ``None`` for empty, very short or ambiguous text."""
        text = clean_text(text or "")
        if letter_count(text) < MIN_LETTERS:
            return Detection(None, 0.0)
        if "zh-hans" in self.codes and cjk_share(text) > 0.5:
            return Detection("zh-hans", 1.0)
        if "kk" in self.codes and KAZAKH_LETTERS.intersection(text.lower()):
            # lingua agrees almost always; this saves short comments ("Рақмет!") from a coin toss.
            return Detection("kk", 1.0)
        values = self._detector.compute_language_confidence_values(text)
        if not values:
            return Detection(None, 0.0)
        best = values[0]
        if best.value < MIN_CONFIDENCE:
            return Detection(None, float(best.value))
        return Detection(self._by_lingua[best.language], float(best.value))

    def detect_many(self, texts: Iterable[str]) -> list[Detection]:
        return [self.detect(text) for text in texts]


_lock = threading.Lock()


@cache
def _cached_detector(codes: tuple[str, ...]) -> LanguageDetector:
    return LanguageDetector(codes)


def detector_for(languages: Iterable[str] = DEFAULT_LANGUAGES) -> LanguageDetector:
    """The process-wide detector for ``languages`` plus look-alikes (built on first use)."""
    codes = candidate_languages(languages)
    with _lock:  # two threads must not both spend seconds loading the same models
        return _cached_detector(codes)


def detect_language(text: str, languages: Iterable[str] = DEFAULT_LANGUAGES) -> str | None:
    """Shortcut: the language code of ``text`` among ``languages`` (and look-alikes), or None."""
    return detector_for(languages).detect(text).language
