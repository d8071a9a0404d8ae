from __future__ import annotations

import pytest

from opennps.text import Comment, TextAnalyser

# No keyword of the taxonomy occurs in these: the nearest examples decide.
CASES = [
    ("en", "Nobody showed up with my order for three days", "delivery"),
    ("en", "The girl who helped me was lovely", "staff"),
    ("ru", "Заказ ехал ко мне целых две недели", "delivery"),
    ("ru", "Мне нахамила девушка на кассе", "staff"),
    ("kk", "Тапсырысым екі апта бойы келмеді", "delivery"),
    ("kk", "Сатып алған көйлегім бір жуғаннан кейін жарамсыз болды", "quality"),
    ("bg", "Поръчката ми пътува цели две седмици", "delivery"),
    ("bg", "Дрехата се скъса след едно пране", "quality"),
    ("zh-hans", "衣服穿了两次就破了", "quality"),
    ("zh-hans", "那个小姑娘很热心地帮我挑选", "staff"),
    ("fr", "La jeune femme au rayon plantes m'a très bien aidée", "staff"),
    ("fr", "Les arbustes ont tous séché en deux semaines", "quality"),
]


@pytest.mark.parametrize(("language", "text", "driver"), CASES)
def test_the_nearest_examples_classify_comments_without_keywords(
    analyser: TextAnalyser, language: str, text: str, driver: str
) -> None:
    (result,) = analyser.analyse([Comment(text)])
    assert result.language == language
    assert result.method == "embedding"
    assert result.drivers[0] == driver


def test_a_comment_close_to_no_driver_goes_to_other(analyser: TextAnalyser) -> None:
    (result,) = analyser.analyse([Comment("Хожу сюда с детства, по старой памяти")])
    assert result.drivers == ("other",)


def test_two_clearly_close_drivers_are_both_kept(analyser: TextAnalyser) -> None:
    classifier = analyser.classifier
    vectors = classifier.embed(["x"], ["en"])
    assert vectors is not None
    scores = classifier.driver_scores(classifier.centre(vectors, ["en"]))[0]
    keys = classifier.keys
    # Make "price" and "delivery" a near tie, both far above "other".
    scores[:] = 0.1
    scores[keys.index("price")] = 0.50
    scores[keys.index("delivery")] = 0.49
    result = classifier._nearest_drivers(scores, {})
    assert result.drivers == ("price", "delivery")
    scores[keys.index("delivery")] = 0.40
    assert classifier._nearest_drivers(scores, {}).drivers == ("price",)
