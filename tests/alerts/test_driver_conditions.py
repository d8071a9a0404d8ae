"""Rules on drivers: decided when the worker has analysed the comment, not when the answer is
written. A Russian detractor writing about prices reaches the mail server through the price rule;
one writing about delivery does not. The API and the form take the condition and refuse unknown
drivers by name."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from opennps.accounts.actions.api_keys import create_api_key
from opennps.alerts.actions import RuleSpec, create_rule
from opennps.alerts.evaluation import check_response
from opennps.alerts.models import AlertCheck, AlertMatch, AlertRule
from opennps.comments.taxonomy import correct_drivers
from opennps.responses.actions import update_score
from tests.alerts.conftest import run_worker

PRICE_COMMENT = "Слишком дорого, цены выросли вдвое"
DELIVERY_COMMENT = "Доставка заняла три недели, курьер опоздал"


@pytest.fixture(autouse=True)
def keyword_rules(settings) -> None:
    settings.OPENNPS_TEXT_ENCODER = "none"


@pytest.fixture
def price_rule(team, survey):
    return create_rule(
        team.workspace,
        team.alice,
        RuleSpec(
            name="Detractors about price",
            conditions={"class": ["detractor"], "drivers": ["price"]},
            recipients=[team.alice],
        ),
    )


def test_a_russian_detractor_about_price_reaches_the_mail_server_after_analysis(
    price_rule, survey, answer, smtp_server
):
    response = answer(survey, 2, PRICE_COMMENT, language="ru")

    run_worker()

    [mail] = smtp_server.inbox.wait_for(1)
    assert mail["To"] == "alice@example.com"
    assert "Detractors about price" in mail["Subject"]
    assert PRICE_COMMENT in mail.get_content()
    assert AlertMatch.objects.filter(rule=price_rule, response=response).count() == 1
    assert AlertCheck.objects.filter(response=response, after_analysis=True).exists()


def test_a_delivery_comment_does_not_trigger_the_price_rule(
    price_rule, survey, answer, smtp_server
):
    answer(survey, 2, DELIVERY_COMMENT, language="ru")

    run_worker()

    assert smtp_server.inbox.messages == []
    assert not AlertMatch.objects.exists()


def test_a_driver_rule_is_not_decided_before_the_analysis(price_rule, survey, answer):
    response = answer(survey, 2, PRICE_COMMENT, language="ru")

    # The check queued with the answer runs before the analysis: it must not decide.
    check_response(AlertCheck.objects.get(response=response, after_analysis=False))

    assert not AlertMatch.objects.exists()


def test_a_later_score_change_is_decided_on_the_stored_analysis(
    price_rule, survey, answer, smtp_server
):
    response = answer(survey, 8, PRICE_COMMENT, language="ru")
    run_worker()
    assert not AlertMatch.objects.exists()

    update_score(response, 3)
    run_worker()

    assert AlertMatch.objects.filter(rule=price_rule, response=response).count() == 1
    assert len(smtp_server.inbox.wait_for(1)) == 1


def test_a_correction_to_price_triggers_the_rule_once(price_rule, survey, answer, smtp_server):
    response = answer(survey, 1, DELIVERY_COMMENT, language="ru")
    run_worker()
    assert not AlertMatch.objects.exists()

    correct_drivers(response, ["delivery", "price"])
    run_worker()
    correct_drivers(response, ["price"])
    run_worker()

    assert AlertMatch.objects.filter(rule=price_rule, response=response).count() == 1


def test_rules_without_drivers_are_not_checked_again_after_analysis(
    team, survey, answer, smtp_server
):
    create_rule(
        team.workspace,
        team.alice,
        RuleSpec(name="Detractors", conditions={"class": ["detractor"]}, recipients=[team.alice]),
    )
    answer(survey, 2, PRICE_COMMENT, language="ru")

    run_worker()

    assert len(smtp_server.inbox.wait_for(1)) == 1
    assert not AlertCheck.objects.filter(after_analysis=True).exists()


def test_the_api_stores_a_driver_condition(team, survey):
    _key, secret = create_api_key(team.workspace, ("admin",))
    body = {
        "name": "Price",
        "conditions": {"class": "detractor", "drivers": ["delivery", "price"]},
        "actions": {"email": {"to": ["alice@example.com"]}},
    }
    answer = Client().post(
        "/api/v1/alert-rules", json.dumps(body), "application/json", HTTP_X_API_KEY=secret
    )

    assert answer.status_code == 201, answer.content
    # Stored in taxonomy order, whatever order they were given in.
    assert answer.json()["conditions"]["drivers"] == ["price", "delivery"]
    assert AlertRule.objects.get().conditions["drivers"] == ["price", "delivery"]


def test_the_api_refuses_an_unknown_driver_naming_the_field(team, survey):
    _key, secret = create_api_key(team.workspace, ("admin",))
    body = {
        "name": "Weather",
        "conditions": {"drivers": ["weather"]},
        "actions": {"email": {"to": ["alice@example.com"]}},
    }
    answer = Client().post(
        "/api/v1/alert-rules", json.dumps(body), "application/json", HTTP_X_API_KEY=secret
    )

    assert answer.status_code == 422
    assert "body.conditions.drivers" in answer.content.decode()
    assert "weather" in answer.content.decode()
    assert not AlertRule.objects.exists()


def test_the_form_offers_drivers_and_stores_them(team, survey):
    client = team.client_for(team.alice)
    page = client.get(f"/w/{team.workspace.pk}/alerts/new/").content.decode()
    assert 'name="drivers"' in page and 'value="price"' in page

    answer = client.post(
        f"/w/{team.workspace.pk}/alerts/new/",
        {
            "name": "Price complaints",
            "enabled": "on",
            "mode": "immediate",
            "drivers": ["price"],
            "recipients": [team.alice.pk],
        },
    )

    assert answer.status_code == 302
    assert AlertRule.objects.get().conditions == {"drivers": ["price"]}


def test_the_form_refuses_an_unknown_driver(team, survey):
    answer = team.client_for(team.alice).post(
        f"/w/{team.workspace.pk}/alerts/new/",
        {"name": "x", "mode": "immediate", "drivers": ["weather"], "recipients": [team.alice.pk]},
    )
    assert answer.status_code == 400
    assert not AlertRule.objects.exists()
