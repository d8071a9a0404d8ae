"""A respondent who leaves after one tap still counts: the score is stored before any follow-up."""

from __future__ import annotations

import pytest

from opennps.responses.models import Response
from tests.responses.helpers import html_of


def test_choosing_a_score_stores_it_and_redirects_to_the_follow_up(client, survey):
    page = client.post(f"/s/{survey.public_id}", {"score": "9"})
    assert page.status_code == 303
    assert page.headers["Location"] == f"/s/{survey.public_id}/more"
    response = Response.objects.get()
    assert (response.score, response.nps_class, response.channel) == (9, "promoter", "web")
    assert response.survey == survey and response.workspace == survey.workspace
    assert response.language == "en"
    assert response.respondent_key != ""
    assert response.version.number == 1


@pytest.mark.parametrize(
    ("score", "question"),
    [
        ("3", "We&#x27;re sorry to hear that. What could we do to improve your experience?"),
        ("7", "We&#x27;re sorry to hear that. What could we do to improve your experience?"),
        ("10", "Great! What is the main reason for your score?"),
    ],
)
def test_the_follow_up_question_depends_on_the_class_of_the_score(client, survey, score, question):
    client.post(f"/s/{survey.public_id}", {"score": score})
    html = html_of(client.get(f"/s/{survey.public_id}/more"))
    assert question in html
    assert f"Your score: {score}." in html


def test_the_follow_up_uses_the_team_wording_for_the_class(client, survey):
    from opennps.surveys.models import SurveyText
    from opennps.surveys.versions import publish_version

    SurveyText.objects.create(
        survey=survey, language="en", followup_passive="What would make it a 10 at {brand}?"
    )
    publish_version(survey)
    client.post(f"/s/{survey.public_id}", {"score": "8"})
    assert "What would make it a 10 at Shop?" in html_of(client.get(f"/s/{survey.public_id}/more"))
