"""Which drivers a comment is about: keyword rules first, then the nearest examples.

The decision, in order:

1. **Known sentence.** A comment that is (after normalisation) an example of the taxonomy gets
   that example's drivers; this is what makes a team's correction stick.
2. **Near duplicate.** With an encoder, a comment whose nearest example is almost the same
   sentence (cosine of the language-centred vectors, below, >= ``near_duplicate``: "late
   again" and "late again!" score 0.92, paraphrases 0.8) gets that example's drivers, even over
   the rules: a correction also governs comments that differ by a word or a mark.
3. **Keyword rules** of the comment's language (all languages when it is unknown). Each rule is
   written to be precise, so every driver whose rule fires is kept, in order of first mention;
   "other" only when nothing else fired.
4. **Nearest examples.** Vectors are first made language-neutral: each example has its
   language's mean example vector subtracted, and so has each comment (the mean of its detected
   language; of all examples when the language is unknown or has no examples). Raw e5 vectors
   cluster by language and sentence shape as much as by topic; centring lifts leave-one-out
   accuracy on the shipped examples from about 64 % to 88 %. Each driver then scores the mean
   cosine similarity of its ``top_k`` most similar examples (any language). "other" is the null hypothesis:
   the best driver is kept only if it beats "other" by ``other_margin`` and reaches
   ``min_similarity``; otherwise the comment is unclear and goes to "other". A second driver is
   kept when it also clears those bars and is within ``second_gap`` of the best one — both are
   then clearly closer than "other" and nearly tied, which is what a two-topic comment looks like.

Without an encoder only steps 1 and 3 run, and the result says so (``rules_only``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from opennps.text.encoder import SentenceEncoder, normalise_rows
from opennps.text.normalise import clean_text, words
from opennps.text.patterns import Match, PatternSet
from opennps.text.taxonomy import OTHER, Taxonomy, normalised_text


@dataclass(frozen=True)
class ClassifierSettings:
    """Thresholds of the embedding step, chosen by leave-one-out on the shipped examples
    (``python -m opennps.text.evaluate --calibrate``), never on the evaluation sets."""

    top_k: int = 3
    min_similarity: float = 0.20
    other_margin: float = 0.0
    second_gap: float = 0.02
    near_duplicate: float = 0.90
    max_drivers: int = 3


@dataclass(frozen=True)
class DriverResult:
    """The drivers of one comment and how they were found.

    ``method`` is "example" (a known or near-identical sentence), "rules", "embedding",
    "unclear" (nothing close enough: "other"), or "empty" (no text).
    """

    drivers: tuple[str, ...]
    method: str
    rules_only: bool
    keywords: tuple[str, ...] = ()
    scores: dict[str, float] = field(default_factory=dict)


class DriverClassifier:
    """Classifies comments against one taxonomy snapshot; rebuild it after editing the taxonomy."""

    def __init__(
        self,
        taxonomy: Taxonomy,
        encoder: SentenceEncoder | None = None,
        settings: ClassifierSettings | None = None,
    ) -> None:
        self.taxonomy = taxonomy
        self.encoder = encoder
        self.settings = settings or ClassifierSettings()
        self.keys = taxonomy.keys
        self.fingerprint = taxonomy.fingerprint()
        self._rules = _compile_rules(taxonomy)
        self._known: dict[str, list[str]] = defaultdict(list)
        example_keys: list[str] = []
        example_texts: list[str] = []
        for key, example in taxonomy.examples():
            known = self._known[normalised_text(example.text)]
            if key not in known:
                known.append(key)
            example_keys.append(key)
            example_texts.append(clean_text(example.text, example.language))
        self._example_texts = example_texts
        self._example_driver = np.array([self.keys.index(key) for key in example_keys], dtype=int)
        self._example_languages = [example.language for _, example in taxonomy.examples()]
        self._example_vectors: np.ndarray | None = None
        self._centred_examples: np.ndarray | None = None
        self._language_means: dict[str, np.ndarray] = {}
        self._global_mean: np.ndarray | None = None
        if encoder is not None and example_texts:
            self._example_vectors = encoder.encode(example_texts)
            self._fit_language_means()

    def _fit_language_means(self) -> None:
        assert self._example_vectors is not None
        vectors = self._example_vectors
        languages = np.array(self._example_languages)
        self._global_mean = vectors.mean(axis=0)
        centred = np.empty_like(vectors)
        for language in sorted(set(self._example_languages)):
            rows = languages == language
            self._language_means[language] = vectors[rows].mean(axis=0)
            centred[rows] = vectors[rows] - self._language_means[language]
        self._centred_examples = normalise_rows(centred)

    def centre(self, vectors: np.ndarray, languages: Sequence[str | None]) -> np.ndarray:
        """Comment vectors minus their language's mean example vector, normalised again."""
        assert self._global_mean is not None
        means = np.stack(
            [self._language_means.get(language or "", self._global_mean) for language in languages]
        )
        return normalise_rows(np.asarray(vectors, dtype=np.float32) - means)

    @property
    def rules_only(self) -> bool:
        return self._example_vectors is None

    @property
    def example_vectors(self) -> np.ndarray | None:
        """The embedded examples (rows in taxonomy order)."""
        return self._example_vectors

    @property
    def centred_examples(self) -> np.ndarray | None:
        """The examples' language-centred vectors, shared with the sentiment model."""
        return self._centred_examples

    def rule_matches(self, text: str, language: str | None) -> list[Match]:
        """Keyword rule hits in ``text``, for its language or, if unknown, for every language."""
        if language is not None:
            pattern_sets = [self._rules[language]] if language in self._rules else []
        else:
            pattern_sets = list(self._rules.values())
        found: list[Match] = []
        for pattern_set in pattern_sets:
            if pattern_set.substring:
                found.extend(pattern_set.find(text))
            else:
                found.extend(pattern_set.find_in_words(words(text, pattern_set.language)))
        return found

    def driver_scores(self, centred: np.ndarray) -> np.ndarray:
        """(n, drivers) mean similarity of each (centred) comment to each driver's top-k
        (centred) examples."""
        assert self._centred_examples is not None
        similarities = centred @ self._centred_examples.T
        scores = np.full((len(centred), len(self.keys)), -1.0, dtype=np.float32)
        for index in range(len(self.keys)):
            columns = similarities[:, self._example_driver == index]
            if columns.shape[1] == 0:
                continue
            k = min(self.settings.top_k, columns.shape[1])
            top = -np.partition(-columns, k - 1, axis=1)[:, :k]
            scores[:, index] = top.mean(axis=1)
        return scores

    def classify(
        self, text: str, language: str | None, embedding: np.ndarray | None = None
    ) -> DriverResult:
        return self.classify_many([text], [language], None if embedding is None else [embedding])[0]

    def embed(self, texts: Sequence[str], languages: Sequence[str | None]) -> np.ndarray | None:
        """Comment vectors for ``texts`` (None in rules-only mode)."""
        if self.encoder is None or self.rules_only:
            return None
        cleaned = [
            clean_text(text, language) for text, language in zip(texts, languages, strict=True)
        ]
        return self.encoder.encode(cleaned)

    def classify_many(
        self,
        texts: Sequence[str],
        languages: Sequence[str | None],
        embeddings: np.ndarray | Sequence[np.ndarray] | None = None,
    ) -> list[DriverResult]:
        """Classify a batch; ``embeddings`` (if given) must come from the same encoder."""
        vectors = None
        if not self.rules_only:
            vectors = (
                np.asarray(embeddings, dtype=np.float32)
                if embeddings is not None
                else self.embed(texts, languages)
            )
        scores = nearest = None
        if vectors is not None:
            centred = self.centre(vectors, languages)
            scores = self.driver_scores(centred)
            nearest = self._nearest_examples(centred)
        results = []
        for index, (text, language) in enumerate(zip(texts, languages, strict=True)):
            results.append(
                self._decide(
                    text,
                    language,
                    None if scores is None else scores[index],
                    None if nearest is None else nearest[index],
                )
            )
        return results

    def _nearest_examples(self, centred: np.ndarray) -> list[tuple[int, float]]:
        assert self._centred_examples is not None
        similarities = centred @ self._centred_examples.T
        best = similarities.argmax(axis=1)
        return [(int(i), float(similarities[row, i])) for row, i in enumerate(best)]

    def _decide(
        self,
        text: str,
        language: str | None,
        scores: np.ndarray | None,
        nearest: tuple[int, float] | None,
    ) -> DriverResult:
        rules_only = scores is None
        score_map = {} if scores is None else dict(zip(self.keys, map(float, scores), strict=True))
        if not text or not text.strip():
            return DriverResult((OTHER,), "empty", rules_only)
        known = self._known.get(normalised_text(text))
        if known:
            return DriverResult(tuple(known), "example", rules_only, scores=score_map)
        if nearest is not None and nearest[1] >= self.settings.near_duplicate:
            twin = self._known.get(normalised_text(self._example_texts[nearest[0]]))
            if twin:
                return DriverResult(tuple(twin), "example", rules_only, scores=score_map)
        matches = self.rule_matches(text, language)
        if matches:
            fired = list(dict.fromkeys(str(match.label) for match in matches))
            if len(fired) > 1 and OTHER in fired:
                fired.remove(OTHER)
            return DriverResult(
                tuple(fired[: self.settings.max_drivers]),
                "rules",
                rules_only,
                keywords=tuple(match.pattern for match in matches),
                scores=score_map,
            )
        if scores is None:
            return DriverResult((OTHER,), "unclear", rules_only)
        return self._nearest_drivers(scores, score_map)

    def _nearest_drivers(self, scores: np.ndarray, score_map: dict[str, float]) -> DriverResult:
        settings = self.settings
        other_index = self.keys.index(OTHER)
        other_score = float(scores[other_index])
        ranked = [i for i in np.argsort(-scores) if i != other_index]
        best = float(scores[ranked[0]]) if ranked else -1.0

        def clears(value: float) -> bool:
            return value >= settings.min_similarity and value - other_score >= settings.other_margin

        if not ranked or not clears(best):
            return DriverResult((OTHER,), "unclear", False, scores=score_map)
        chosen = [self.keys[ranked[0]]]
        for index in ranked[1 : settings.max_drivers]:
            value = float(scores[index])
            if clears(value) and best - value <= settings.second_gap:
                chosen.append(self.keys[index])
        return DriverResult(tuple(chosen), "embedding", False, scores=score_map)


def _compile_rules(taxonomy: Taxonomy) -> dict[str, PatternSet]:
    by_language: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for driver in taxonomy.drivers:
        for language, patterns in driver.keywords.items():
            by_language[language].extend((driver.key, pattern) for pattern in patterns)
    return {language: PatternSet(language, labelled) for language, labelled in by_language.items()}
