from __future__ import annotations

from opennps.text import Comment, DriverClassifier, TextAnalyser, default_taxonomy


def test_without_an_encoder_the_rules_still_classify_and_say_so() -> None:
    classifier = DriverClassifier(default_taxonomy(), encoder=None)
    assert classifier.rules_only
    result = classifier.classify("Цены слишком высокие", "ru")
    assert result.drivers == ("price",)
    assert result.rules_only


def test_without_an_encoder_a_comment_without_keywords_is_unclear() -> None:
    classifier = DriverClassifier(default_taxonomy(), encoder=None)
    result = classifier.classify("Заказ ехал ко мне целых две недели", "ru")
    assert result.drivers == ("other",)
    assert result.method == "unclear"
    assert result.scores == {}


def test_the_analyser_reports_rules_only_and_still_gives_sentiment(
    rules_analyser: TextAnalyser,
) -> None:
    assert rules_analyser.rules_only
    assert rules_analyser.encoder_name is None
    (result,) = rules_analyser.analyse([Comment("The courier was rude and late", score=2)])
    assert result.drivers == ("delivery",)
    assert result.sentiment == "negative"
    assert result.rules_only
    assert result.embedding is None
