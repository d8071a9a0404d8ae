"""Keyword patterns: the small language that taxonomy rules and sentiment cues are written in.

A pattern is one or more space-separated terms matched against consecutive normalised words
(see :func:`opennps.text.normalise.words`). A term ending in ``*`` matches any word that starts
with it, which is how stems are written ("доставк*" matches доставка, доставку, доставки); any
other term matches the whole word only. Patterns go through the same normalisation as the text,
so "élevé" and "eleve" are the same pattern, and "didn't" becomes "did not".

For Chinese (and other languages written without spaces) a pattern is a plain substring of the
normalised text.

When patterns overlap, the most specific wins (more words, then more letters): "качество
обслуживания" (service) beats "качеств*" (quality) inside it. That keeps rules precise without
exclusion lists.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from opennps.text.normalise import CJK_LANGUAGES, normalise, words


@dataclass(frozen=True)
class Match:
    """One pattern found in a text: ``start``/``end`` index words (or characters for Chinese)."""

    label: Hashable
    start: int
    end: int
    pattern: str


@dataclass(frozen=True)
class _Compiled:
    label: Hashable
    terms: tuple[str, ...]
    source: str

    @property
    def specificity(self) -> tuple[int, int]:
        return (len(self.terms), sum(len(term.rstrip("*")) for term in self.terms))


def _term_matches(term: str, word: str) -> bool:
    if term.endswith("*"):
        return word.startswith(term[:-1])
    return word == term


class PatternSet:
    """Patterns of one language, each with a label, compiled for repeated matching."""

    def __init__(self, language: str, labelled: Iterable[tuple[Hashable, str]]) -> None:
        self.language = language
        self.substring = language in CJK_LANGUAGES
        self._by_exact_first: dict[str, list[_Compiled]] = defaultdict(list)
        self._by_prefix_first: dict[str, list[_Compiled]] = defaultdict(list)
        self._substrings: list[_Compiled] = []
        self.size = 0
        for label, source in labelled:
            compiled = self._compile(label, source)
            if compiled is None:
                continue
            self.size += 1
            if self.substring:
                self._substrings.append(compiled)
                continue
            first = compiled.terms[0]
            if first.endswith("*"):
                self._by_prefix_first[first[:1]].append(compiled)
            else:
                self._by_exact_first[first].append(compiled)

    def _compile(self, label: Hashable, source: str) -> _Compiled | None:
        if self.substring:
            text = normalise(source, self.language)
            return _Compiled(label, (text,), source) if text else None
        terms = _starred_terms(source, self.language)
        return _Compiled(label, tuple(terms), source) if terms else None

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches in ``text``, most specific first, returned in text order."""
        if self.substring:
            return self._select(self._substring_candidates(normalise(text, self.language)))
        return self.find_in_words(words(text, self.language))

    def find_in_words(self, tokens: Sequence[str]) -> list[Match]:
        """Like :meth:`find` for text already split with :func:`opennps.text.normalise.words`."""
        candidates: list[tuple[_Compiled, int, int]] = []
        for index, word in enumerate(tokens):
            for compiled in (
                *self._by_exact_first.get(word, ()),
                *self._by_prefix_first.get(word[:1], ()),
            ):
                end = index + len(compiled.terms)
                if end > len(tokens):
                    continue
                if all(
                    _term_matches(term, tokens[index + offset])
                    for offset, term in enumerate(compiled.terms)
                ):
                    candidates.append((compiled, index, end))
        return self._select(candidates)

    def _substring_candidates(self, text: str) -> list[tuple[_Compiled, int, int]]:
        candidates = []
        for compiled in self._substrings:
            needle = compiled.terms[0]
            start = text.find(needle)
            while start != -1:
                candidates.append((compiled, start, start + len(needle)))
                start = text.find(needle, start + 1)
        return candidates

    @staticmethod
    def _select(candidates: list[tuple[_Compiled, int, int]]) -> list[Match]:
        candidates.sort(
            key=lambda item: (-item[0].specificity[0], -item[0].specificity[1], item[1])
        )
        taken: list[tuple[int, int]] = []
        chosen: list[Match] = []
        for compiled, start, end in candidates:
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            taken.append((start, end))
            chosen.append(Match(compiled.label, start, end, compiled.source))
        chosen.sort(key=lambda match: match.start)
        return chosen


def _starred_terms(source: str, language: str) -> list[str]:
    """Terms of ``source`` with their trailing ``*`` kept (each space-separated part normalised)."""
    terms: list[str] = []
    for part in source.split():
        star = part.endswith("*")
        pieces = words(part.rstrip("*"), language)
        if not pieces:
            continue
        if star:
            pieces[-1] += "*"
        terms.extend(pieces)
    return terms
