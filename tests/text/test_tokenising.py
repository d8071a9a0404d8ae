from __future__ import annotations

import pytest

from opennps.text.normalise import clean_text, normalise, repair_mojibake, words
from opennps.text.tokenise import tokens, tokens_with_surface


def test_english_and_russian_words_are_snowball_stems() -> None:
    assert tokens("Couriers delivered the parcels", "en") == ["courier", "deliv", "parcel"]
    assert tokens("Курьеры доставили посылки", "ru") == ["курьер", "достав", "посылк"]


def test_bulgarian_words_are_simplemma_lemmas() -> None:
    assert tokens("Продавачите са любезни", "bg") == ["продавач", "любезен"]


def test_kazakh_words_are_their_leading_character_ngram() -> None:
    assert tokens("Бағасы мен бағалары қымбат", "kk") == ["баға", "баға", "қымб"]


def test_chinese_is_segmented_into_words_by_jieba() -> None:
    assert tokens("快递太慢了，等了十天才到。", "zh-hans") == ["快递", "太慢", "十天"]


def test_french_words_are_stemmed_with_accents_folded() -> None:
    assert tokens("Les prix sont élevés", "fr") == ["prix", "elev"]


def test_a_term_remembers_the_word_it_was_written_as() -> None:
    assert tokens_with_surface("Délais de livraison", "fr") == [
        ("del", "délais"),
        ("livraison", "livraison"),
    ]


def test_punctuation_case_and_quotes_are_normalised_for_matching() -> None:
    assert words("L’accueil, TRÈS bon!!", "fr") == ["l", "accueil", "tres", "bon"]
    assert words("Ещё раз: всё ОК", "ru") == ["еще", "раз", "все", "ок"]
    assert normalise("It didn't work", "en") == "it did not work"


def test_utf8_read_as_latin1_is_repaired() -> None:
    assert repair_mojibake("prÃ©cis et Ã©levÃ©") == "précis et élevé"
    assert repair_mojibake("Ð¦ÐµÐ½Ð°") == "Цена"


def test_correct_text_is_left_alone_by_the_mojibake_repair() -> None:
    assert repair_mojibake("São Paulo, Ãgua") == "São Paulo, Ãgua"


@pytest.mark.parametrize(
    ("language", "expected"), [("fr", "prix élevés"), ("ru", "prix \ufffdlev\ufffds")]
)
def test_a_lost_byte_becomes_an_accented_vowel_only_in_latin_script(
    language: str, expected: str
) -> None:
    assert clean_text("prix \ufffdlev\ufffds", language) == expected


def test_a_lost_byte_still_matches_the_unaccented_word() -> None:
    assert words("prix \ufffdlev\ufffds", "fr") == ["prix", "eleves"]
