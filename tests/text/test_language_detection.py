from __future__ import annotations

import pytest

from opennps.text.language import (
    UnknownLanguageError,
    candidate_languages,
    detect_language,
    detector_for,
)

LANGUAGES = ("en", "ru", "kk", "bg", "zh-hans")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The delivery was late again and nobody apologised.", "en"),
        ("Курьер опоздал, а в поддержке никто не ответил.", "ru"),
        ("Курьер кешігіп келді, қолдау қызметі жауап бермеді.", "kk"),
        ("Куриерът закъсня, а от поддръжката никой не отговори.", "bg"),
        ("快递又迟到了，客服也不回复。", "zh-hans"),
    ],
)
def test_it_detects_each_workspace_language(text: str, language: str) -> None:
    assert detect_language(text, LANGUAGES) == language


@pytest.mark.parametrize(
    "text",
    [
        "Бағасы қолжетімді және сапасы жақсы",
        "Маған бәрі ұнады",
        "Рақмет!",
        "Дүкен үйге жақын, сондықтан келемін",
    ],
)
def test_it_tells_kazakh_from_russian(text: str) -> None:
    assert detect_language(text, LANGUAGES) == "kk"


def test_russian_with_cyrillic_only_letters_is_not_taken_for_kazakh() -> None:
    assert detect_language("Мне всё понравилось, приду ещё", LANGUAGES) == "ru"


def test_it_recognises_a_look_alike_instead_of_forcing_russian() -> None:
    assert detect_language("Все чудово, дякую за швидку доставку", LANGUAGES) == "uk"


@pytest.mark.parametrize("text", ["", "   ", "ok", "10", "!!!", "😀"])
def test_short_or_empty_text_has_no_language(text: str) -> None:
    assert detect_language(text, LANGUAGES) is None


def test_the_detector_is_built_once_per_language_set() -> None:
    assert detector_for(LANGUAGES) is detector_for(list(reversed(LANGUAGES)))


def test_candidates_add_look_alikes_and_skip_kyrgyz_which_lingua_lacks() -> None:
    assert candidate_languages(["ru", "kk"]) == ("be", "kk", "mk", "ru", "uk")


def test_an_unknown_language_code_is_refused_with_the_known_ones() -> None:
    with pytest.raises(UnknownLanguageError, match=r"xx; known: az, be, bg"):
        candidate_languages(["en", "xx"])
