"""Language-aware terms for naming themes: stems, lemmas, Chinese words or Kazakh leading n-grams.

- Chinese: jieba word segmentation (its dictionary loads once per process, about a second).
- English, Russian, French (and other Snowball languages): Snowball stems.
- Bulgarian (and Ukrainian, Macedonian): simplemma lemmas.
- Kazakh: neither tool covers it, and Kazakh builds words by adding suffixes to a stem, so a
  word is reduced to its leading character n-gram (the first :data:`KAZAKH_PREFIX` letters):
  бағасы, бағалар and бағаға all become "баға".

Each term also remembers the surface word it came from most often (:class:`TermCounter`), so a
theme is named "delivery, courier" rather than "deliveri, courier".
"""

from __future__ import annotations

import json
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from importlib import resources

from opennps.text.normalise import clean_text, normalise, words

SNOWBALL = {
    "en": "english",
    "ru": "russian",
    "fr": "french",
    "de": "german",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
}
SIMPLEMMA = {"bg": "bg", "uk": "uk", "mk": "mk"}
KAZAKH_PREFIX = 4
MIN_WORD_LETTERS = 3

# Function words that never name a theme (data/stopwords.json). Short lists: c-TF-IDF already
# discounts words every theme uses.
STOPWORDS: dict[str, frozenset[str]] = {
    language: frozenset(words)
    for language, words in json.loads(
        resources.files("opennps.text.data").joinpath("stopwords.json").read_text("utf-8")
    ).items()
}

_jieba_lock = threading.Lock()


@cache
def _snowball(algorithm: str):  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer(algorithm)


@cache
def _jieba():  # type: ignore[no-untyped-def]
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def surface_words(text: str, language: str | None) -> list[str]:
    """Words as written (lower case, accents kept): jieba words for Chinese, else word split."""
    if language == "zh-hans":
        with _jieba_lock:  # jieba's tokenizer is not thread-safe while it initialises
            pieces = _jieba().lcut(clean_text(text, language))
        return [piece.lower() for piece in pieces if any(ch.isalnum() for ch in piece)]
    return [word.lower() for word in words(clean_text(text, language), "kk")]


def term_of(word: str, language: str | None) -> str:
    """The term a surface word counts as (stem, lemma, Chinese word or Kazakh leading n-gram)."""
    folded = normalise(word, language) if language not in (None, "zh-hans") else word
    if language in SNOWBALL:
        return _snowball(SNOWBALL[language]).stemWord(folded)
    if language in SIMPLEMMA:
        import simplemma

        return simplemma.lemmatize(folded, lang=SIMPLEMMA[language])
    if language == "kk":
        return folded[:KAZAKH_PREFIX]
    return folded


def _keep(word: str, language: str | None) -> bool:
    if language == "zh-hans":
        return len(word) >= 2 or (word.isalpha() and not "\u4e00" <= word <= "\u9fff")
    return not word.isdigit() and len(word) >= MIN_WORD_LETTERS


def tokens(text: str, language: str | None) -> list[str]:
    """The terms of ``text`` without stopwords, in order."""
    return [term for term, _ in tokens_with_surface(text, language)]


def tokens_with_surface(text: str, language: str | None) -> list[tuple[str, str]]:
    """(term, surface word) pairs of ``text`` without stopwords, in order."""
    stop = STOPWORDS.get(language or "", frozenset())
    pairs = []
    for word in surface_words(text, language):
        if word in stop or normalise(word, language) in stop or not _keep(word, language):
            continue
        pairs.append((term_of(word, language), word))
    return [(term, word) for term, word in pairs if term and term not in stop]


class TermCounter:
    """Counts which surface word each term came from, to show a readable word for a term."""

    def __init__(self) -> None:
        self._surfaces: dict[str, Counter[str]] = defaultdict(Counter)

    def add(self, pairs: Iterable[tuple[str, str]]) -> None:
        for term, surface in pairs:
            self._surfaces[term][surface] += 1

    def display(self, term: str) -> str:
        """The most frequent surface word of ``term`` (the term itself if never seen)."""
        counts = self._surfaces.get(term)
        return counts.most_common(1)[0][0] if counts else term
