"""Re-submitting (double click, back button, reload) within 24 h updates the same response."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from opennps.responses.models import Response
from tests.responses.helpers import html_of


def test_a_double_click_leaves_one_response_with_the_last_score(client, survey):
    client.get(f"/s/{survey.public_id}")
    client.post(f"/s/{survey.public_id}", {"score": "6"})
    client.post(f"/s/{survey.public_id}", {"score": "6"})
    assert Response.objects.count() == 1


def test_going_back_and_choosing_again_updates_the_score(client, survey):
    client.post(f"/s/{survey.public_id}", {"score": "6"})
    client.post(f"/s/{survey.public_id}/more", {"comment": "Slow"})
    client.get(f"/s/{survey.public_id}")
    page = client.post(f"/s/{survey.public_id}", {"score": "9"})
    assert page.status_code == 303
    response = Response.objects.get()
    assert (response.score, response.nps_class, response.comment) == (9, "promoter", "Slow")


def test_the_browser_id_in_the_form_works_when_the_cookie_is_not_stored(survey):
    # A browser refusing cookies still sends the id the page put in the form.
    first, second = Client(), Client()
    html = html_of(first.get(f"/s/{survey.public_id}"))
    browser_id = html.split('name="browser" value="')[1].split('"')[0]
    first.post(f"/s/{survey.public_id}", {"score": "3", "browser": browser_id})
    second.post(f"/s/{survey.public_id}", {"score": "4", "browser": browser_id})
    assert Response.objects.get().score == 4


def test_the_signed_answer_cookie_finds_the_response_even_with_a_new_browser_id(client, survey):
    client.post(f"/s/{survey.public_id}", {"score": "3"})
    client.cookies.pop("opennps_browser")
    client.post(f"/s/{survey.public_id}", {"score": "10"})
    assert Response.objects.get().score == 10


def test_a_forged_answer_cookie_is_ignored(client, survey):
    client.post(f"/s/{survey.public_id}", {"score": "3"})
    other = Client()
    other.cookies[f"opennps_answer_{survey.public_id}"] = str(Response.objects.get().pk)
    other.post(f"/s/{survey.public_id}", {"score": "10"})
    assert sorted(Response.objects.values_list("score", flat=True)) == [3, 10]


def test_after_24_hours_the_answer_can_no_longer_be_changed(client, survey):
    client.post(f"/s/{survey.public_id}", {"score": "3"})
    Response.objects.update(created_at=timezone.now() - timedelta(hours=25))
    page = client.post(f"/s/{survey.public_id}", {"score": "10"})
    assert page.status_code == 409
    assert "You have already answered" in html_of(page)
    assert list(Response.objects.values_list("score", flat=True)) == [3]
