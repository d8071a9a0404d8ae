from __future__ import annotations

import pytest

from opennps.text import Comment, TextAnalyser
from opennps.text.sentiment import SentimentModel, lexical_evidence


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "not bad at all", (1, 0)),
        ("en", "The staff were not friendly", (0, 1)),
        ("ru", "Цены недорогие, персонал вежливый", (2, 0)),
        ("ru", "Не дорого", (1, 0)),
        ("kk", "Бағасы қымбат емес", (1, 0)),
        ("kk", "Кеңесші жақсы білмейді", (0, 1)),
        ("bg", "Не е скъпо", (1, 0)),
        ("zh-hans", "价格不贵", (1, 0)),
        ("zh-hans", "快递很慢", (0, 1)),
        ("fr", "Pas cher du tout", (1, 0)),
    ],
)
def test_negation_flips_a_cue_in_every_language(
    language: str, text: str, expected: tuple[int, int]
) -> None:
    evidence = lexical_evidence(text, language)
    assert (evidence.positive, evidence.negative) == expected


def test_a_mask_stops_a_word_inside_another_from_counting() -> None:
    # 快 (fast) is praise, but not inside 快递 (courier).
    assert lexical_evidence("快递到了", "zh-hans").positive == 0


def test_the_score_is_a_prior_that_moves_an_unclear_comment() -> None:
    model = SentimentModel()
    text = "Заказал, получил"
    detractor = model.predict(text, "ru", score=2)
    unknown = model.predict(text, "ru", score=None)
    promoter = model.predict(text, "ru", score=10)
    assert (detractor.label, unknown.label) == ("negative", "neutral")
    assert promoter.label != "negative"
    positive = [r.probabilities["positive"] for r in (detractor, unknown, promoter)]
    assert positive == sorted(positive)
    assert positive[0] < positive[2]


def test_clear_words_outweigh_the_prior() -> None:
    model = SentimentModel()
    assert model.predict("Ужасное обслуживание, грубый персонал", "ru", score=9).label == (
        "negative"
    )
    assert model.predict("Всё отлично, спасибо!", "ru", score=3).label == "positive"


@pytest.mark.parametrize(
    ("language", "text", "sentiment"),
    [
        ("en", "The courier threw my parcel over the fence", "negative"),
        ("ru", "Спасибо, всё пришло вовремя", "positive"),
        ("kk", "Курьер өте сыпайы болды, рахмет", "positive"),
        ("bg", "Ужасно обслужване", "negative"),
        ("zh-hans", "店员非常热情", "positive"),
        ("fr", "Personnel très désagréable", "negative"),
    ],
)
def test_sentiment_works_without_a_score(
    analyser: TextAnalyser, language: str, text: str, sentiment: str
) -> None:
    (result,) = analyser.analyse([Comment(text)])
    assert result.sentiment == sentiment
    assert set(result.sentiment_probabilities) == {"positive", "neutral", "negative"}
