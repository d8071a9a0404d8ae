"""The response browser finds words in the comment and the third answer, in any letter case."""

from __future__ import annotations

import pytest

from tests.reports.helpers import answer, make_shop, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    shop = make_shop()
    answer(shop.survey, 2, "Delivery was LATE again")
    answer(shop.survey, 9, "Great prices", third_answer="the courier was late but polite")
    answer(shop.survey, 7, "Доставка опоздала на два дня")
    answer(shop.survey, 10, "Everything fine")
    return shop


def test_search_matches_comments_and_third_answers_ignoring_case(shop):
    page = shop.client_for(shop.alice).get(shop.url("responses/"), {"q": "late"})

    text = page_text(page)
    assert page.status_code == 200
    assert "Delivery was LATE again" in text
    assert "the courier was late but polite" in text
    assert "Everything fine" not in text
    assert "2 responses match." in text


def test_search_ignores_case_in_cyrillic_on_every_database(shop):
    page = shop.client_for(shop.alice).get(shop.url("responses/"), {"q": "ДОСТАВКА"})

    assert "Доставка опоздала на два дня" in page_text(page)
    assert "1 response matches." in page_text(page)


def test_search_words_are_literal_not_patterns(shop):
    answer(shop.survey, 5, "100% broken")

    page = shop.client_for(shop.alice).get(shop.url("responses/"), {"q": "0%"})

    assert "100% broken" in page_text(page)
    assert "1 response matches." in page_text(page)
    underscore = shop.client_for(shop.alice).get(shop.url("responses/"), {"q": "_"})
    assert "No responses match these filters." in page_text(underscore)


def test_a_search_with_no_match_says_so(shop):
    page = shop.client_for(shop.alice).get(shop.url("responses/"), {"q": "refund"})

    assert "No responses match these filters." in page_text(page)
    assert 'value="refund"' in page_text(page)
