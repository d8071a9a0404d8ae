"""Guards against regressions: the figures reported in docs/text-analysis.md."""

from __future__ import annotations

from opennps.text import TextAnalyser
from opennps.text.evaluate import evaluate, load_dev_set, load_french_set


def test_dev_set_accuracy_stays_at_least_ninety_percent(analyser: TextAnalyser) -> None:
    scores = evaluate(analyser, load_dev_set())
    overall = scores["all"]
    assert overall.comments == 60
    assert overall.drivers_right / 60 >= 0.9
    assert overall.sentiment_right / 60 >= 0.9


def test_real_french_comments_stay_at_their_reported_accuracy(analyser: TextAnalyser) -> None:
    overall = evaluate(analyser, load_french_set())["all"]
    assert overall.drivers_right / overall.comments >= 0.75
    assert overall.sentiment_right / overall.comments >= 0.75
