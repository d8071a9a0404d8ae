"""Status transitions: draft → active, active ⇄ paused, active or paused → closed → reopened."""

from __future__ import annotations

import pytest

from opennps.surveys.actions import create_survey
from opennps.surveys.models import Survey


def change(team, survey, action: str, follow: bool = False):
    client = team.client_for(team.alice)
    return client.post(
        f"/w/{team.workspace.id}/surveys/{survey.id}/status/", {"action": action}, follow=follow
    )


def test_a_survey_goes_through_its_whole_life(team):
    survey = create_survey(team.workspace, name="NPS", brand="Shop")
    seen = []
    for action in ("activate", "pause", "activate", "close", "reopen", "close"):
        response = change(team, survey, action)
        assert response.status_code == 302
        seen.append(Survey.objects.get().status)
    assert seen == ["active", "paused", "active", "closed", "active", "closed"]


@pytest.mark.parametrize(
    ("start", "action"),
    [
        ("draft", "pause"),
        ("draft", "reopen"),
        ("active", "reopen"),
        ("closed", "pause"),
        ("active", "explode"),
    ],
)
def test_a_transition_the_status_does_not_allow_changes_nothing_and_says_why(team, start, action):
    survey = create_survey(team.workspace, name="NPS", brand="Shop")
    Survey.objects.filter(pk=survey.pk).update(status=start)
    response = change(team, survey, action, follow=True)
    assert Survey.objects.get().status == start
    assert response.redirect_chain[-1][0] == f"/w/{team.workspace.id}/surveys/{survey.id}/"
    assert "message-error" in response.content.decode()


def test_the_page_offers_only_the_allowed_actions(team):
    survey = create_survey(team.workspace, name="NPS", brand="Shop")
    html = (
        team.client_for(team.alice)
        .get(f"/w/{team.workspace.id}/surveys/{survey.id}/")
        .content.decode()
    )
    assert 'value="activate"' in html
    assert 'value="pause"' not in html
    viewer_html = (
        team.client_for(team.bob)
        .get(f"/w/{team.workspace.id}/surveys/{survey.id}/")
        .content.decode()
    )
    assert 'value="activate"' not in viewer_html
