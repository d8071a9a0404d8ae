"""The sentence bank covers every language, driver and polarity with enough natural variety."""

from __future__ import annotations

import re

import pytest

from opennps.demo.phrases import BANKS, LANGUAGES
from opennps.demo.story import CUSTOMER_DRIVERS, EMPLOYEE_DRIVERS
from opennps.surveys.wording import SUPPORTED_LANGUAGES

from .helpers import sentences_of

CYRILLIC_LANGUAGES = ("ru", "kk", "bg")
# Brand and product names stay in Latin letters in every language.
LATIN_NAMES = re.compile(r"Aurora Plus|Aurora|SMS|App")


def test_the_bank_speaks_exactly_the_supported_languages():
    assert set(LANGUAGES) == set(SUPPORTED_LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_driver_has_at_least_six_sentences_of_both_polarities(language):
    bank = BANKS[language]
    for drivers, names in ((bank.CUSTOMER, CUSTOMER_DRIVERS), (bank.EMPLOYEE, EMPLOYEE_DRIVERS)):
        assert set(drivers) == set(names)
        for driver, polarities in drivers.items():
            assert len(polarities["negative"]) >= 3, (language, driver)
            assert len(polarities["positive"]) >= 3, (language, driver)
            assert len(polarities["negative"]) + len(polarities["positive"]) >= 6, (
                language,
                driver,
            )


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_sentence_is_repeated_and_each_ends_like_a_sentence(language):
    sentences = sentences_of(language)
    assert len(sentences) == len(set(sentences))
    for sentence in sentences:
        assert sentence.strip() == sentence
        assert sentence[-1] in ".!?。！？", sentence


@pytest.mark.parametrize("language", CYRILLIC_LANGUAGES)
def test_cyrillic_languages_use_no_latin_letters_but_brand_names(language):
    for sentence in sentences_of(language):
        assert not re.search(r"[A-Za-z]", LATIN_NAMES.sub("", sentence)), sentence


def test_kazakh_sentences_use_kazakh_letters():
    kazakh_letters = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)
    sentences = sentences_of("kk")
    assert sum(bool(kazakh_letters.search(sentence)) for sentence in sentences) > len(sentences) / 2


def test_chinese_sentences_are_simplified_chinese():
    traditional_only = set("們說過與價錢費個這麼網擇專變體會")
    for sentence in sentences_of("zh-hans"):
        assert re.search(r"[\u4e00-\u9fff]", sentence), sentence
        assert not traditional_only & set(sentence), sentence
