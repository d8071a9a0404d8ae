"""After the score: the follow-up, the optional questions, and a thank-you that fits the class."""

from __future__ import annotations

import re

import pytest

from opennps.responses.models import Response
from tests.responses.helpers import html_of

RATING = {
    "key": "price",
    "kind": "rating",
    "required": True,
    "texts": {"en": {"label": "Price"}, "ru": {"label": "Цена"}},
}
CHOICE = {
    "key": "plan",
    "kind": "choice",
    "required": False,
    "texts": {
        "en": {"label": "Your plan", "choices": ["Basic", "Pro"]},
        "ru": {"label": "Ваш тариф", "choices": ["Базовый", "Профи"]},
    },
}
TEXT = {"key": "idea", "kind": "text", "required": False, "texts": {"en": {"label": "One idea"}}}


@pytest.fixture
def full_survey(make_survey):
    return make_survey(
        ask_third_question=True,
        promoter_cta_url="https://reviews.example/shop",
        questions=[RATING, CHOICE, TEXT],
    )


def test_the_follow_up_shows_the_third_and_the_extra_questions(client, full_survey):
    client.post(f"/s/{full_survey.public_id}", {"score": "9"})
    html = html_of(client.get(f"/s/{full_survey.public_id}/more"))
    assert "Is there anything else we could do to surprise you?" in html
    assert "<legend>Price <span" in html
    assert html.count('type="radio" name="q_price"') == 5
    assert html.count('type="radio" name="q_plan"') == 2
    assert '<textarea name="q_idea"' in html


def test_the_third_question_is_left_out_unless_the_survey_asks_it(client, survey):
    client.post(f"/s/{survey.public_id}", {"score": "9"})
    html = html_of(client.get(f"/s/{survey.public_id}/more"))
    assert "surprise you" not in html
    assert 'name="third_answer"' not in html


def test_the_follow_up_answers_are_stored_on_the_same_response(client, full_survey):
    client.post(f"/s/{full_survey.public_id}?lang=ru", {"score": "9"})
    page = client.post(
        f"/s/{full_survey.public_id}/more",
        {
            "comment": "Fast delivery",
            "third_answer": "Gift wrap",
            "q_price": "4",
            "q_plan": "1",
            "q_idea": "",
        },
    )
    assert page.status_code == 303
    assert page.headers["Location"] == f"/s/{full_survey.public_id}/thanks"
    response = Response.objects.get()
    assert response.comment == "Fast delivery"
    assert response.third_answer == "Gift wrap"
    # A choice is kept in the survey's default language, so answers group across languages.
    assert response.answers == {"price": 4, "plan": "Pro"}


def test_a_required_question_left_empty_gets_an_error_naming_it(client, full_survey):
    client.post(f"/s/{full_survey.public_id}", {"score": "9"})
    page = client.post(f"/s/{full_survey.public_id}/more", {"comment": "Kept text"})
    assert page.status_code == 400
    html = html_of(page)
    assert "Price — Please answer this question." in html
    assert 'id="id_q_price-error"' in html
    assert "Kept text</textarea>" in html
    assert Response.objects.get().comment == ""


def test_an_impossible_rating_is_an_error_not_a_crash(client, full_survey):
    client.post(f"/s/{full_survey.public_id}", {"score": "9"})
    page = client.post(f"/s/{full_survey.public_id}/more", {"q_price": "9"})
    assert page.status_code == 400
    assert "Please choose one of the options." in html_of(page)


def test_coming_back_to_the_follow_up_shows_what_was_said(client, full_survey):
    client.post(f"/s/{full_survey.public_id}", {"score": "9"})
    client.post(
        f"/s/{full_survey.public_id}/more", {"comment": "Fast", "q_price": "2", "q_plan": "0"}
    )
    html = html_of(client.get(f"/s/{full_survey.public_id}/more"))
    assert "Fast</textarea>" in html
    assert 'name="q_price" value="2" id="id_q_price_1" checked' in html
    assert 'name="q_plan" value="0" id="id_q_plan_0" checked' in html


@pytest.mark.parametrize(
    ("score", "message"),
    [
        ("2", "Thank you for your honesty. We will use it to do better."),
        ("8", "Thank you for your answer!"),
        ("10", "Thank you! We are glad you are with us."),
    ],
)
def test_the_thank_you_message_depends_on_the_class(client, survey, score, message):
    client.post(f"/s/{survey.public_id}", {"score": score})
    client.post(f"/s/{survey.public_id}/more", {"comment": ""})
    assert message in html_of(client.get(f"/s/{survey.public_id}/thanks"))


def test_promoters_get_the_call_to_action(client, full_survey):
    client.post(f"/s/{full_survey.public_id}", {"score": "10"})
    html = html_of(client.get(f"/s/{full_survey.public_id}/thanks"))
    # The link goes through /go/<token>, which counts the click and redirects (opennps.cases).
    match = re.search(
        r'<a class="cta" href="(/go/[^"]+)" rel="noopener">Leave us a review</a>', html
    )
    assert match is not None
    go = client.get(match.group(1))
    assert go.status_code == 302 and go["Location"] == "https://reviews.example/shop"


@pytest.mark.parametrize("score", ["0", "8"])
def test_others_do_not_get_the_call_to_action(client, full_survey, score):
    client.post(f"/s/{full_survey.public_id}", {"score": score})
    assert "reviews.example" not in html_of(client.get(f"/s/{full_survey.public_id}/thanks"))


def test_the_follow_up_without_an_answer_on_this_device_says_so_kindly(client, survey):
    page = client.get(f"/s/{survey.public_id}/more")
    assert page.status_code == 200
    assert "We could not find your answer on this device" in html_of(page)
    assert client.post(f"/s/{survey.public_id}/more", {"comment": "x"}).status_code == 200
    assert not Response.objects.exists()
