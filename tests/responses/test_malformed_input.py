"""Whatever arrives, the public pages answer with a friendly page, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client

from opennps.responses.forms import ScoreForm
from opennps.responses.models import Response
from opennps.responses.views.flow import LINK_SCORES
from tests.responses.helpers import html_of


@pytest.mark.parametrize("score", ["abc", "11", "-1", "7.5", "", " ", "1e1", "٣", "0x5", "10\x00"])
def test_an_impossible_score_gets_the_question_again_with_an_error(client, survey, score):
    page = client.post(f"/s/{survey.public_id}", {"score": score})
    assert page.status_code == 400
    assert "Please choose a score from 0 to 10." in html_of(page)
    assert 'name="score" value="10"' in html_of(page)
    assert not Response.objects.exists()


def test_a_missing_score_gets_the_question_again(client, survey):
    page = client.post(f"/s/{survey.public_id}", {})
    assert page.status_code == 400
    assert 'role="alert"' in html_of(page)


def test_a_huge_body_is_refused_kindly(client, survey):
    page = client.post(f"/s/{survey.public_id}", {"score": "9", "padding": "x" * 3_000_000})
    assert page.status_code == 400
    assert "That was more than we can accept" in html_of(page)
    assert not Response.objects.exists()


def test_too_many_fields_are_refused_kindly(client, survey):
    fields = {f"field{number}": "1" for number in range(1100)}
    page = client.post(f"/s/{survey.public_id}", {"score": "9", **fields})
    assert page.status_code == 400
    assert not Response.objects.exists()


def test_a_huge_follow_up_is_refused_kindly_and_the_score_stays(client, survey):
    client.post(f"/s/{survey.public_id}", {"score": "9"})
    page = client.post(f"/s/{survey.public_id}/more", {"comment": "x" * 3_000_000})
    assert page.status_code == 400
    assert Response.objects.get().score == 9


@pytest.mark.parametrize(
    "public_id",
    ["nope", "x" * 500, "%00", "a%00b", "%E2%98%83", "..", "a'b", "a%22b", "%ff%fe"],
)
def test_a_bad_public_id_gets_the_friendly_404(client, survey, public_id):
    for url in (f"/s/{public_id}", f"/s/{public_id}/more", f"/s/{public_id}/thanks"):
        page = client.get(url)
        assert page.status_code == 404
        assert "We could not find this survey" in html_of(page)
    assert client.post(f"/s/{public_id}", {"score": "9"}).status_code == 404


@pytest.mark.parametrize("token", ["x", "y" * 101, "y" * 5000, "%00", "a%00b", "%E2%98%83", "a b"])
def test_a_bad_token_gets_the_friendly_404(client, survey, token):
    for url in (f"/r/{token}", f"/r/{token}/more", f"/r/{token}/thanks"):
        page = client.get(url)
        assert page.status_code == 404
        assert "We could not find this survey" in html_of(page)
    assert client.post(f"/r/{token}", {"score": "9"}).status_code == 404


def test_garbage_cookies_and_headers_are_ignored(survey):
    client = Client(HTTP_ACCEPT_LANGUAGE="\x00;q=zz,,,-", REMOTE_ADDR="203.0.113.4")
    client.cookies["opennps_browser"] = "bad id with spaces"
    client.cookies[f"opennps_answer_{survey.public_id}"] = "not:signed"
    assert client.get(f"/s/{survey.public_id}?lang=%00&store=%ff").status_code == 200
    page = client.post(f"/s/{survey.public_id}?lang=%00", {"score": "5", "browser": "\x00" * 40})
    assert page.status_code == 303
    assert Response.objects.get().score == 5


def test_a_signed_cookie_of_another_survey_finds_nothing(client, make_survey):
    first, second = make_survey(), make_survey(name="Other")
    client.post(f"/s/{first.public_id}", {"score": "5"})
    value = client.cookies[f"opennps_answer_{first.public_id}"].value
    client.cookies[f"opennps_answer_{second.public_id}"] = value
    page = client.get(f"/s/{second.public_id}/more")
    assert "We could not find your answer on this device" in html_of(page)


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_are_not_allowed(client, survey, method):
    assert getattr(client, method)(f"/s/{survey.public_id}").status_code == 405


def test_the_thank_you_page_does_not_take_posts(client, survey):
    assert client.post(f"/s/{survey.public_id}/thanks").status_code == 405


@pytest.mark.parametrize(
    "score", [*map(str, range(11)), "09", "+9", "-0", " 9", "9 ", "9.0", "10 ", "", "١"]
)
def test_the_page_accepts_exactly_the_scores_its_form_accepts(score):
    # The view checks the score without building the form; the form explains a refusal.
    assert (score in LINK_SCORES) == ScoreForm({"score": score}).is_valid()
