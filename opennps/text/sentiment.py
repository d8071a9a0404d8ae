"""Positive, neutral or negative: lexical cues, the embedding, and the score's class as a prior.

Three pieces of evidence are added as log-scores, one per class, and the largest wins:

- **Lexical cues** per language (``data/sentiment.json``): praise and complaint words, with
  negation ("not bad", "не дорого", "不贵", "қымбат емес", "pas cher" flip the cue), and
  neutral phrases ("no comment", "сложно сказать") that count for a neutral comment. A negator with no cue after it ("не работает",
  "didn't arrive", a Kazakh verb in its negative form) is weak negative evidence.
- **Embedding**: a small logistic regression on the language-centred example vectors of the
  taxonomy, whose examples all carry a sentiment. Every driver has praise and complaints, so the
  direction it learns is polarity, not topic.
- **Prior** from the NPS class when the score is known: a detractor's comment is negative unless
  the text says otherwise clearly; a promoter's positive. With no score the prior is flat.

Without an encoder the lexical cues and the prior decide.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from opennps.stats import classify
from opennps.text.normalise import CJK_LANGUAGES, words
from opennps.text.patterns import PatternSet
from opennps.text.taxonomy import SENTIMENT_LABELS

POSITIVE, NEUTRAL, NEGATIVE = "positive", "neutral", "negative"
CLASSES = (POSITIVE, NEUTRAL, NEGATIVE)
_SHORT = {"pos": POSITIVE, "neu": NEUTRAL, "neg": NEGATIVE}

# P(sentiment | NPS class): how often each class writes each kind of comment. Deliberately soft,
# so clear words outweigh it; "ne changez rien" from a promoter still comes out positive.
PRIORS: dict[str | None, tuple[float, float, float]] = {
    "promoter": (0.65, 0.25, 0.10),
    "passive": (0.30, 0.40, 0.30),
    "detractor": (0.08, 0.22, 0.70),
    None: (1 / 3, 1 / 3, 1 / 3),
}
NEGATION_WINDOW = 3  # words after a negator (characters for Chinese) that it can flip
WEAK_NEGATIVE = 0.5

# Kazakh negates verbs with a suffix (келмеді, істемейді, алмаймын); such a word is weak evidence.
_KAZAKH_NEGATED_VERB = re.compile(
    r"(ма|ме|ба|бе|па|пе)(ды|ді|йды|йді|ймын|ймін|йсыз|йсіз|ған|ген|с|сын|сін|й)$"
)


@dataclass(frozen=True)
class SentimentWeights:
    """How much each kind of evidence counts; chosen by 10-fold cross-validation on the
    taxonomy's examples (``python -m opennps.text.evaluate --calibrate``), not on evaluation sets."""

    lexical: float = 2.0
    embedding: float = 0.75
    prior: float = 1.0
    no_cue_neutral: float = 1.0


@dataclass(frozen=True)
class LexicalEvidence:
    positive: float
    negative: float
    cues: tuple[str, ...]
    neutral: float = 0.0


@dataclass(frozen=True)
class SentimentResult:
    label: str
    probabilities: dict[str, float]
    evidence: LexicalEvidence


@cache
def _cue_data() -> dict:
    text = resources.files("opennps.text.data").joinpath("sentiment.json").read_text("utf-8")
    return json.loads(text)["languages"]


@cache
def cue_patterns(language: str) -> PatternSet | None:
    """The compiled cues of ``language`` (None if there are none)."""
    data = _cue_data().get(language)
    if data is None:
        return None
    labelled = [
        (kind, pattern)
        for kind in ("positive", "negative", "negators", "neutral", "masks")
        for pattern in data.get(kind, [])
    ]
    return PatternSet(language, labelled)


def lexical_evidence(text: str, language: str | None) -> LexicalEvidence:
    """Positive and negative evidence from the cues of ``language`` (none if unknown)."""
    patterns = cue_patterns(language) if language else None
    if patterns is None:
        return LexicalEvidence(0.0, 0.0, ())
    tokens = None if language in CJK_LANGUAGES else words(text, language)
    matches = patterns.find(text) if tokens is None else patterns.find_in_words(tokens)
    positive = negative = neutral = 0.0
    cues: list[str] = []
    pending_negator: int | None = None  # end of the last unused negator
    postfix_negation = language == "kk"
    for index, match in enumerate(matches):
        if match.label == "masks":
            continue
        if match.label == "neutral":
            neutral += 1
            cues.append(match.pattern)
            continue
        if match.label == "negators":
            if postfix_negation:
                continue  # handled when looking at the cue before it
            if pending_negator is not None:
                negative += WEAK_NEGATIVE
            pending_negator = match.end
            continue
        polarity = 1 if match.label == "positive" else -1
        if pending_negator is not None and match.start - pending_negator < NEGATION_WINDOW:
            polarity, pending_negator = -polarity, None
        elif pending_negator is not None:
            negative += WEAK_NEGATIVE
            pending_negator = None
        if postfix_negation and tokens is not None and _negated_after(matches, index, tokens):
            polarity = -polarity
        if polarity > 0:
            positive += 1
        else:
            negative += 1
        cues.append(match.pattern)
    if pending_negator is not None:
        negative += WEAK_NEGATIVE
    if postfix_negation and tokens is not None:
        # The word right after a match may be the negated verb that already flipped that cue.
        covered = {i for match in matches for i in range(match.start, match.end + 1)}
        negative += WEAK_NEGATIVE * sum(
            1
            for i, word in enumerate(tokens)
            if i not in covered and len(word) > 4 and _KAZAKH_NEGATED_VERB.search(word)
        )
    return LexicalEvidence(positive, negative, tuple(cues), neutral)


def _negated_after(matches: Sequence, index: int, tokens: Sequence[str]) -> bool:
    """Kazakh: is the cue at ``index`` followed closely by емес/жоқ, or directly by a verb in
    its negative form ("жақсы білмейді", does not know well)?"""
    cue = matches[index]
    if cue.end < len(tokens) and _KAZAKH_NEGATED_VERB.search(tokens[cue.end]):
        return True
    for later in matches[index + 1 :]:
        if later.start - cue.end >= 2:
            return False
        if later.label == "negators":
            return True
    return False


def nps_class(score: int | None) -> str | None:
    """ "promoter", "passive", "detractor" or None for an unknown score."""
    if score is None:
        return None
    return str(classify(score).value)


class SentimentModel:
    """Predicts sentiment; ``example_vectors`` are the taxonomy's centred example vectors."""

    def __init__(
        self,
        example_vectors: np.ndarray | None = None,
        example_labels: Sequence[str | None] = (),
        weights: SentimentWeights | None = None,
    ) -> None:
        self.weights = weights or SentimentWeights()
        self._coefficients: tuple[np.ndarray, np.ndarray] | None = None
        if example_vectors is not None and len(example_vectors):
            labelled = [i for i, label in enumerate(example_labels) if label in SENTIMENT_LABELS]
            if labelled:
                targets = np.array(
                    [SENTIMENT_LABELS.index(example_labels[i]) for i in labelled]  # type: ignore[arg-type]
                )
                self._coefficients = fit_logistic(example_vectors[labelled], targets, classes=3)

    @property
    def uses_embeddings(self) -> bool:
        return self._coefficients is not None

    def embedding_log_probabilities(self, centred: np.ndarray) -> np.ndarray:
        """(n, 3) log P(pos, neu, neg) from the logistic regression."""
        assert self._coefficients is not None
        weights, bias = self._coefficients
        return log_softmax(centred @ weights + bias)

    def predict(
        self,
        text: str,
        language: str | None,
        score: int | None = None,
        centred: np.ndarray | None = None,
    ) -> SentimentResult:
        embedding_log = None
        if centred is not None and self._coefficients is not None:
            embedding_log = self.embedding_log_probabilities(centred[None, :])[0]
        return self.combine(text, language, score, embedding_log)

    def combine(
        self,
        text: str,
        language: str | None,
        score: int | None,
        embedding_log: np.ndarray | None,
    ) -> SentimentResult:
        """Add the three kinds of evidence and pick the class (pos, neu, neg order inside)."""
        weights = self.weights
        evidence = lexical_evidence(text, language)
        logits = np.array([math.log(p) for p in PRIORS[nps_class(score)]]) * weights.prior
        p, n = evidence.positive, evidence.negative
        logits += weights.lexical * np.array([p - 0.5 * n, evidence.neutral, n - 0.5 * p])
        if p == 0 and n == 0:
            logits[1] += weights.no_cue_neutral
        if embedding_log is not None:
            logits += weights.embedding * embedding_log
        probabilities = np.exp(log_softmax(logits[None, :])[0])
        label = CLASSES[int(np.argmax(logits))]
        return SentimentResult(
            label,
            {
                name: round(float(value), 4)
                for name, value in zip(CLASSES, probabilities, strict=True)
            },
            evidence,
        )


def log_softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def fit_logistic(
    features: np.ndarray,
    targets: np.ndarray,
    *,
    classes: int,
    scale: float = 10.0,
    l2: float = 1e-3,
    iterations: int = 300,
    step: float = 0.5,
) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression by gradient descent (deterministic, a few ms here).

    Returns (weights, bias) for raw features: the ``scale`` (unit vectors have tiny components)
    is folded into the weights.
    """
    x = features.astype(np.float64) * scale
    onehot = np.eye(classes)[targets]
    weights = np.zeros((x.shape[1], classes))
    bias = np.zeros(classes)
    for _ in range(iterations):
        probabilities = np.exp(log_softmax(x @ weights + bias))
        error = probabilities - onehot
        weights -= step * (x.T @ error / len(x) + l2 * weights)
        bias -= step * error.mean(axis=0)
    return (weights * scale).astype(np.float32), bias.astype(np.float32)
