"""Trigger rules and relationship schedules are managed per survey by analysts and above."""

from __future__ import annotations

import pytest

from opennps.distribution.models import RelationshipRun, RelationshipSchedule, TriggerRule
from opennps.surveys.models import Survey
from opennps.surveys.versions import publish_version


@pytest.fixture
def survey(team):
    survey = Survey.objects.create(workspace=team.workspace, name="Main", status="active")
    publish_version(survey)
    return survey


def page(team, survey) -> str:
    return f"/w/{team.workspace.pk}/surveys/{survey.pk}/automation/"


def test_an_analyst_creates_a_rule_with_conditions_delay_and_channels(team, survey):
    client = team.client_for(team.dana)
    answer = client.post(
        page(team, survey) + "rules/new/",
        {
            "event_name": "trial.ended",
            "conditions": "converted = false\ncountry in DE|AT\nemail exists",
            "delay_days": "2",
            "delay_hours": "0",
            "channels": "sms, email",
            "expires_after_days": "7",
            "active": "on",
        },
    )
    assert answer.status_code == 302
    rule = TriggerRule.objects.get()
    assert (rule.workspace, rule.survey, rule.delay_days) == (team.workspace, survey, 2)
    assert rule.channels == ["sms", "email"]
    assert rule.conditions == [
        {"property": "converted", "op": "equals", "value": "false"},
        {"property": "country", "op": "in", "value": ["DE", "AT"]},
        {"property": "email", "op": "exists"},
    ]
    listing = client.get(page(team, survey)).content.decode()
    assert "trial.ended" in listing
    # The conditions are listed as they were written, not as stored data.
    for line in ("converted = false", "country in DE|AT", "email exists"):
        assert f"<code>{line}</code>" in listing
    assert "[&#x27;DE&#x27;" not in listing


def test_unreadable_conditions_and_unknown_channels_are_refused(team, survey):
    answer = team.client_for(team.alice).post(
        page(team, survey) + "rules/new/",
        {
            "event_name": "x",
            "conditions": "just words",
            "delay_days": "0",
            "delay_hours": "0",
            "channels": "pigeon",
            "expires_after_days": "0",
        },
    )
    assert answer.status_code == 400
    text = answer.content.decode()
    assert "Line 1 is not a condition" in text
    assert "List channels in order of preference" in text
    assert TriggerRule.objects.count() == 0


def test_an_analyst_adds_a_relationship_schedule(team, survey):
    answer = team.client_for(team.dana).post(
        page(team, survey) + "schedules/new/",
        {"every_months": "6", "channel": "email", "segment": "plan=pro"},
    )
    assert answer.status_code == 302
    schedule = RelationshipSchedule.objects.get()
    assert schedule.segment == {"attributes": {"plan": "pro"}, "languages": []}
    assert RelationshipRun.objects.filter(schedule=schedule).count() == 1
    listing = team.client_for(team.dana).get(page(team, survey)).content.decode()
    assert "Every 6 months by E-mail" in listing


def test_viewers_and_other_workspaces_get_404(team, survey):
    rule = TriggerRule.objects.create(
        workspace=team.workspace, survey=survey, event_name="x", channels=["email"]
    )
    for user in (team.bob, team.charlie):
        client = team.client_for(user)
        assert client.get(page(team, survey)).status_code == 404
        assert client.post(page(team, survey) + f"rules/{rule.pk}/delete/").status_code == 404
    other = f"/w/{team.other_workspace.pk}/surveys/{survey.pk}/automation/"
    assert team.client_for(team.charlie).get(other).status_code == 404
    assert TriggerRule.objects.filter(pk=rule.pk).exists()


def test_only_admins_see_the_sms_reply_address(team, survey):
    owner = team.client_for(team.alice).get(page(team, survey)).content.decode()
    analyst = team.client_for(team.dana).get(page(team, survey)).content.decode()
    assert "/sms/inbound/twilio/" in owner
    assert "/sms/inbound/" not in analyst
