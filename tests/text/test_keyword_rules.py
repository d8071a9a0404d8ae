from __future__ import annotations

import pytest

from opennps.text import DriverClassifier, default_taxonomy
from opennps.text.patterns import PatternSet


@pytest.fixture(scope="module")
def classifier() -> DriverClassifier:
    return DriverClassifier(default_taxonomy())


@pytest.mark.parametrize(
    ("language", "text", "driver"),
    [
        ("en", "Way too expensive for what it is", "price"),
        ("ru", "Курьер привёз заказ на день позже", "delivery"),
        ("kk", "Тапсырыс үш күнге кешігіп келді", "delivery"),
        ("kk", "Жеңілдігі жоқ карта керек емес", "loyalty"),
        ("bg", "Служителите не знаят нищо за продуктите", "staff"),
        ("zh-hans", "客服电话总是占线", "service"),
        ("fr", "Les tarifs ont beaucoup augmenté", "price"),
    ],
)
def test_a_keyword_rule_of_the_comments_language_decides(
    classifier: DriverClassifier, language: str, text: str, driver: str
) -> None:
    result = classifier.classify(text, language)
    assert result.drivers == (driver,)
    assert result.method == "rules"
    assert result.keywords


def test_every_driver_whose_rule_fires_is_kept_in_order_of_mention(
    classifier: DriverClassifier,
) -> None:
    result = classifier.classify("Доставка долгая, а цены выросли", "ru")
    assert result.drivers == ("delivery", "price")


def test_the_more_specific_rule_wins_where_rules_overlap(classifier: DriverClassifier) -> None:
    # "качество обслуживания" is about service, although "качеств*" alone means product quality.
    assert classifier.classify("Качество обслуживания упало", "ru").drivers == ("service",)
    assert classifier.classify("Соотношение цены и качества хорошее", "ru").drivers == ("price",)


def test_other_is_dropped_when_a_real_driver_also_fires(classifier: DriverClassifier) -> None:
    assert classifier.classify("No comment, but prices are high", "en").drivers == ("price",)


def test_a_comment_of_unknown_language_is_matched_against_every_language(
    classifier: DriverClassifier,
) -> None:
    assert classifier.classify("Доставка!", None).drivers == ("delivery",)


def test_stems_match_any_ending_and_whole_words_only_themselves() -> None:
    patterns = PatternSet("en", [("price", "price*"), ("staff", "staff")])
    assert [m.label for m in patterns.find("Prices, priced")] == ["price", "price"]
    assert patterns.find("staffing agency") == []


def test_chinese_rules_are_substrings() -> None:
    patterns = PatternSet("zh-hans", [("delivery", "快递"), ("praise", "快")])
    found = patterns.find("快递很快")
    assert [(m.label, m.start, m.end) for m in found] == [("delivery", 0, 2), ("praise", 3, 4)]
