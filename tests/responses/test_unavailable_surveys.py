"""Paused and closed surveys explain themselves; drafts look like they do not exist."""

from __future__ import annotations

import pytest

from opennps.responses.models import Response
from tests.responses.helpers import html_of


@pytest.mark.parametrize(
    ("status", "title"),
    [("paused", "This survey is paused"), ("closed", "This survey has closed")],
)
def test_a_paused_or_closed_survey_shows_a_friendly_page(client, make_survey, status, title):
    survey = make_survey(status=status)
    page = client.get(f"/s/{survey.public_id}")
    assert page.status_code == 200
    assert title in html_of(page)
    assert 'name="score"' not in html_of(page)


@pytest.mark.parametrize("status", ["paused", "closed"])
def test_a_paused_or_closed_survey_stores_nothing(client, make_survey, invite, status):
    survey = make_survey(status=status)
    assert client.post(f"/s/{survey.public_id}", {"score": "9"}).status_code == 200
    assert client.post(f"/r/{invite(survey)}", {"score": "9"}).status_code == 200
    assert not Response.objects.exists()


def test_a_survey_paused_after_the_score_shows_the_paused_page_for_the_follow_up(client, survey):
    client.post(f"/s/{survey.public_id}", {"score": "9"})
    survey.status = "paused"
    survey.save()
    page = client.post(f"/s/{survey.public_id}/more", {"comment": "late"})
    assert "This survey is paused" in html_of(page)
    assert Response.objects.get().comment == ""


def test_a_draft_survey_looks_like_a_missing_one(client, make_survey, invite):
    survey = make_survey(status="draft")
    for url in (f"/s/{survey.public_id}", f"/r/{invite(survey)}", f"/s/{survey.public_id}/more"):
        page = client.get(url)
        assert page.status_code == 404
        assert "We could not find this survey" in html_of(page)
    assert client.post(f"/s/{survey.public_id}", {"score": "9"}).status_code == 404
    assert not Response.objects.exists()


def test_the_paused_page_speaks_the_survey_language(client, make_survey):
    survey = make_survey(status="paused", default_language="ru", languages=[])
    assert '<html lang="ru">' in html_of(client.get(f"/s/{survey.public_id}"))
