"""The SMS segment counter: GSM-7 fits 160 characters, anything else (Cyrillic, Chinese) 70."""

from __future__ import annotations

from opennps.distribution.sms.segments import shortest_fitting, sms_length


def test_plain_latin_text_is_gsm7_and_160_characters_fit_one_segment():
    assert sms_length("a" * 160) == sms_length("a" * 160)
    length = sms_length("a" * 160)
    assert (length.encoding, length.units, length.segments) == ("GSM-7", 160, 1)


def test_161_gsm7_characters_take_two_segments_of_153():
    assert sms_length("a" * 161).segments == 2
    assert sms_length("a" * 306).segments == 2
    assert sms_length("a" * 307).segments == 3


def test_extension_characters_count_twice():
    length = sms_length("€" * 80)
    assert (length.encoding, length.units, length.segments) == ("GSM-7", 160, 1)
    assert sms_length("€" * 81).segments == 2


def test_cyrillic_switches_to_ucs2_with_70_characters_per_segment():
    assert sms_length("Оцените нас").encoding == "UCS-2"
    assert sms_length("я" * 70).segments == 1
    assert sms_length("я" * 71).segments == 2
    assert sms_length("я" * 134).segments == 2
    assert sms_length("я" * 135).segments == 3


def test_one_chinese_character_turns_a_latin_text_into_ucs2():
    text = "a" * 69 + "好"
    assert sms_length(text).encoding == "UCS-2"
    assert sms_length(text).segments == 1
    assert sms_length(text + "a").segments == 2


def test_an_emoji_outside_the_basic_plane_takes_two_units():
    assert sms_length("😀").units == 2
    assert sms_length("😀" * 35).segments == 1
    assert sms_length("😀" * 36).segments == 2


def test_the_first_wording_that_fits_one_segment_is_chosen():
    long_text, short_text = "Пожалуйста, " * 10, "Оцените 0-10"
    assert shortest_fitting([long_text, short_text]) == short_text
    assert shortest_fitting(["Fits in GSM-7", short_text]) == "Fits in GSM-7"


def test_when_nothing_fits_the_text_with_fewest_segments_wins():
    assert shortest_fitting(["я" * 200, "я" * 100, "я" * 120]) == "я" * 100
