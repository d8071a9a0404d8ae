"""The open link lets one browser answer again only after the survey's repeat limit."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from opennps.responses.models import Response
from tests.responses.helpers import html_of


def answered_days_ago(days):
    Response.objects.update(created_at=timezone.now() - timedelta(days=days))


def test_a_returning_browser_is_told_it_already_answered(client, survey):
    client.post(f"/s/{survey.public_id}", {"score": "8"})
    answered_days_ago(3)
    page = client.get(f"/s/{survey.public_id}")
    assert page.status_code == 200
    assert "You have already answered" in html_of(page)
    assert 'name="score"' not in html_of(page)


def test_a_returning_browser_posting_anyway_adds_no_row(client, survey):
    client.post(f"/s/{survey.public_id}", {"score": "8"})
    answered_days_ago(3)
    assert client.post(f"/s/{survey.public_id}", {"score": "2"}).status_code == 409
    assert Response.objects.count() == 1


def test_after_the_repeat_limit_the_browser_may_answer_again(client, make_survey):
    survey = make_survey(repeat_days_per_browser=7)
    client.post(f"/s/{survey.public_id}", {"score": "8"})
    answered_days_ago(8)
    assert 'name="score"' in html_of(client.get(f"/s/{survey.public_id}"))
    assert client.post(f"/s/{survey.public_id}", {"score": "2"}).status_code == 303
    assert Response.objects.count() == 2


def test_the_limit_is_per_survey(client, make_survey):
    first, second = make_survey(), make_survey(name="Other")
    client.post(f"/s/{first.public_id}", {"score": "8"})
    answered_days_ago(3)
    assert client.post(f"/s/{second.public_id}", {"score": "2"}).status_code == 303
    assert Response.objects.count() == 2
