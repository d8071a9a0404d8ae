"""Rules on watched themes: decided after the comment's analysis, like rules on drivers. A
detractor writing about a late courier reaches the mail server and the webhook through the "late
deliveries" rule, with the theme named; one writing about a parcel soaked in the rain (the same
driver, another theme) does not. The API, the form and the list of rules take the condition, and
refuse themes of another workspace by field."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from opennps.accounts.actions.api_keys import create_api_key
from opennps.alerts.actions import RuleSpec, create_rule
from opennps.alerts.conditions import RuleError
from opennps.alerts.models import AlertCheck, AlertMatch, AlertRule
from tests.alerts.conftest import SECRET, run_worker
from tests.comments.theme_data import (
    NEW_DAMAGED,
    NEW_LATE,
    analysed_comments,
    stored_theme,
    use_the_encoder,
    watch_late_deliveries,
)


@pytest.fixture(autouse=True)
def keyword_rules(settings) -> None:
    settings.OPENNPS_TEXT_ENCODER = "none"  # tests that need the encoder turn it on


@pytest.fixture
def late_rule(team, survey, settings, receiver):
    use_the_encoder(settings)
    theme = watch_late_deliveries(analysed_comments(survey, score=8))
    rule = create_rule(
        team.workspace,
        team.alice,
        RuleSpec(
            name="Detractors about late deliveries",
            conditions={"class": ["detractor"], "themes": [theme.pk]},
            recipients=[team.alice],
            webhook_url=receiver.url("/alert"),
            webhook_secret=SECRET,
        ),
    )
    return rule, theme


def test_a_detractor_like_the_theme_is_alerted_about_with_the_theme_named(
    late_rule, survey, answer, smtp_server, receiver
):
    rule, theme = late_rule

    response = answer(survey, 2, NEW_LATE)
    run_worker()

    [mail] = smtp_server.inbox.wait_for(1)
    assert mail["To"] == "alice@example.com"
    text = mail.get_content()
    assert NEW_LATE in text
    assert f"Theme: {theme.name} (Delivery and timing)" in text
    [alert] = [request for request in receiver.requests if request.path == "/alert"]
    assert alert.signature_is_valid(SECRET)
    assert alert.json()["themes"] == [{"id": theme.pk, "driver": "delivery", "name": theme.name}]
    assert AlertMatch.objects.filter(rule=rule, response=response).count() == 1
    assert AlertCheck.objects.filter(response=response, after_analysis=True).exists()


def test_a_detractor_about_another_theme_of_the_driver_is_not(
    late_rule, survey, answer, smtp_server, receiver
):
    response = answer(survey, 2, NEW_DAMAGED)
    run_worker()

    assert smtp_server.inbox.messages == []
    assert [request for request in receiver.requests if request.path == "/alert"] == []
    assert not AlertMatch.objects.filter(response=response).exists()


def test_the_comments_matched_before_the_theme_was_watched_are_not_alerted_about(
    late_rule, smtp_server
):
    # The fixture's late-delivery comments match the theme (counted by the past-matches job);
    # they were passives and analysed before the rule existed: nobody is told.
    _rule, theme = late_rule
    assert theme.matches.count() >= 4
    assert smtp_server.inbox.messages == []


def test_the_api_stores_theme_ids_and_returns_them(team, survey):
    theme = stored_theme(team.workspace)
    _key, secret = create_api_key(team.workspace, ("admin",))
    body = {
        "name": "Late couriers",
        "conditions": {"class": "detractor", "themes": theme.pk},
        "actions": {"email": {"to": ["alice@example.com"]}},
    }

    created = Client().post(
        "/api/v1/alert-rules", json.dumps(body), "application/json", HTTP_X_API_KEY=secret
    )

    assert created.status_code == 201, created.content
    assert created.json()["conditions"]["themes"] == [theme.pk]
    read = Client().get(f"/api/v1/alert-rules/{created.json()['id']}", HTTP_X_API_KEY=secret)
    assert read.json()["conditions"] == {"class": ["detractor"], "themes": [theme.pk]}


@pytest.mark.parametrize("which", ["foreign", "unknown", "not a number"])
def test_the_api_refuses_themes_that_are_not_the_workspaces_naming_the_field(team, survey, which):
    foreign = stored_theme(team.other_workspace)
    value = {"foreign": [foreign.pk], "unknown": [987_654], "not a number": ["late"]}[which]
    _key, secret = create_api_key(team.workspace, ("admin",))
    body = {
        "name": "Late couriers",
        "conditions": {"themes": value},
        "actions": {"email": {"to": ["alice@example.com"]}},
    }

    refused = Client().post(
        "/api/v1/alert-rules", json.dumps(body), "application/json", HTTP_X_API_KEY=secret
    )

    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"].startswith("body.conditions.themes")
    assert not AlertRule.objects.exists()


def test_the_api_lists_only_the_workspaces_watched_themes(team):
    mine = stored_theme(team.workspace)
    stored_theme(team.other_workspace, name="someone else's")
    _key, secret = create_api_key(team.workspace, ("read",))

    listed = Client().get("/api/v1/watched-themes", HTTP_X_API_KEY=secret).json()

    assert [item["id"] for item in listed["items"]] == [mine.pk]
    assert listed["items"][0] | {"created_at": None} == {
        "id": mine.pk,
        "driver": "delivery",
        "name": "late, courier",
        "threshold": 0.5,
        "comments": 3,
        "matches": 0,
        "counting_past_comments": True,
        "created_at": None,
    }


def test_the_form_offers_the_workspaces_themes_and_stores_them(team, survey):
    theme = stored_theme(team.workspace)
    foreign = stored_theme(team.other_workspace, name="elsewhere")
    client = team.client_for(team.dana)

    page = client.get(f"/w/{team.workspace.pk}/alerts/new/?theme={theme.pk}").content.decode()
    assert f'name="themes" value="{theme.pk}"' in page and "checked" in page
    assert "elsewhere" not in page
    fields = {"name": "Late", "mode": "immediate", "recipients": [team.dana.pk]}
    refused = client.post(f"/w/{team.workspace.pk}/alerts/new/", fields | {"themes": [foreign.pk]})
    created = client.post(f"/w/{team.workspace.pk}/alerts/new/", fields | {"themes": [theme.pk]})

    assert refused.status_code == 400
    assert created.status_code == 302
    assert AlertRule.objects.get().conditions == {"themes": [theme.pk]}


def test_the_list_of_rules_describes_the_theme_condition(team, survey):
    theme = stored_theme(team.workspace)
    create_rule(
        team.workspace,
        team.alice,
        RuleSpec(
            name="Late",
            conditions={"class": ["detractor"], "drivers": ["price"], "themes": [theme.pk]},
            recipients=[team.alice],
        ),
    )

    page = team.client_for(team.alice).get(f"/w/{team.workspace.pk}/alerts/").content.decode()

    assert (
        "detractors · drivers: Price · watched themes: Delivery and timing: late, courier" in page
    )


def test_a_rule_cannot_name_a_theme_of_another_workspace(team, survey):
    foreign = stored_theme(team.other_workspace)
    with pytest.raises(RuleError) as refused:
        create_rule(
            team.workspace,
            team.alice,
            RuleSpec(name="x", conditions={"themes": [foreign.pk]}, recipients=[team.alice]),
        )
    assert refused.value.field == "conditions.themes"
