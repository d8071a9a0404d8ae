"""POST /api/v1/events: a matching trigger rule schedules an invitation the worker sends when due."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from opennps.accounts.actions.api_keys import create_api_key
from opennps.distribution.models import Delivery, Event, Invitation, TriggerRule
from tests.distribution.conftest import run_worker


@pytest.fixture
def api(workspace):
    _key, secret = create_api_key(workspace, ("responses:write",))
    client = Client()

    def post(body, **headers):
        return client.post(
            "/api/v1/events",
            body,
            content_type="application/json",
            HTTP_X_API_KEY=secret,
            **headers,
        )

    return post


@pytest.fixture
def rule(workspace, survey):
    return TriggerRule.objects.create(
        workspace=workspace,
        survey=survey,
        event_name="order.delivered",
        conditions=[
            {"property": "plan", "op": "in", "value": ["pro", "team"]},
            {"property": "order_id", "op": "exists"},
        ],
        delay_days=2,
        channels=["sms", "email"],
    )


def test_a_matching_event_schedules_an_invitation_after_the_delay(
    smtp_server, api, rule, make_contacts
):
    [contact] = make_contacts(1, external_id="c-1")
    occurred = timezone.now() - timedelta(hours=1)
    answer = api(
        {
            "contact": "c-1",
            "event": "order.delivered",
            "properties": {"plan": "pro", "order_id": 42},
            "occurred_at": occurred.isoformat(),
        }
    )
    assert answer.status_code == 201, answer.json()
    [outcome] = answer.json()["outcomes"]
    assert outcome["outcome"] == "scheduled"
    # No phone and no SMS provider: the next channel in the preference order is used.
    assert outcome["channel"] == "email"
    invitation = Invitation.objects.get(pk=outcome["invitation"])
    assert invitation.contact == contact
    delivery = Delivery.objects.get(invitation=invitation)
    assert delivery.next_attempt_at == occurred + timedelta(days=2)

    run_worker()
    assert smtp_server.inbox.messages == []  # not due for two days

    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    run_worker()
    [message] = smtp_server.inbox.wait_for(1)
    assert message["To"] == "person0@client.example"
    invitation.refresh_from_db()
    assert invitation.status == "sent"


def test_an_event_whose_conditions_fail_is_stored_with_the_reason(api, rule, make_contacts):
    make_contacts(1)
    answer = api(
        {
            "contact": "person0@client.example",
            "event": "order.delivered",
            "properties": {"plan": "free"},
        }
    )
    assert answer.status_code == 201
    assert answer.json()["outcomes"][0]["outcome"] == "conditions_not_met"
    assert Invitation.objects.count() == 0
    assert Event.objects.get().properties == {"plan": "free"}


def test_an_event_without_a_rule_is_stored_too(api, make_contacts):
    make_contacts(1)
    answer = api({"contact": "PERSON0@client.example", "event": "signed_up"})
    assert answer.json()["outcomes"] == [{"outcome": "no_rule"}]
    assert Event.objects.get().name == "signed_up"


def test_a_contact_who_opted_out_everywhere_is_recorded_as_unreachable(api, rule, make_contacts):
    make_contacts(1, do_not_contact=True)
    answer = api(
        {
            "contact": "person0@client.example",
            "event": "order.delivered",
            "properties": {"plan": "team", "order_id": "x"},
        }
    )
    assert answer.json()["outcomes"][0]["outcome"] == "unreachable"
    assert Invitation.objects.count() == 0


def test_a_second_event_while_an_invitation_waits_schedules_no_second_one(api, rule, make_contacts):
    make_contacts(1)
    body = {
        "contact": "person0@client.example",
        "event": "order.delivered",
        "properties": {"plan": "pro", "order_id": 1},
    }
    api(body)
    second = api({**body, "properties": {"plan": "pro", "order_id": 2}})
    assert second.json()["outcomes"][0]["outcome"] == "already_invited"
    assert Invitation.objects.count() == 1
    assert Event.objects.count() == 2


def test_a_retry_with_the_same_idempotency_key_replays_the_event(api, rule, make_contacts):
    make_contacts(1)
    body = {"contact": "person0@client.example", "event": "order.delivered", "properties": {}}
    first = api(body, HTTP_IDEMPOTENCY_KEY="k-1")
    again = api(body, HTTP_IDEMPOTENCY_KEY="k-1")
    assert again.status_code == 201
    assert again["Idempotent-Replayed"] == "true"
    assert again.json()["id"] == first.json()["id"]
    other = api({**body, "event": "other"}, HTTP_IDEMPOTENCY_KEY="k-1")
    assert other.status_code == 422
    assert other.json()["errors"][0]["field"] == "header.Idempotency-Key"
    assert Event.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"contact": "nobody@client.example", "event": "x"}, "body.contact"),
        ({"contact": "person0@client.example"}, "body.event"),
        ({"contact": "person0@client.example", "event": "has space"}, "body.event"),
        ({"contact": "person0@client.example", "event": "x", "colour": 1}, "body.colour"),
        ({"contact": "person0@client.example", "event": "x", "properties": []}, "body.properties"),
        (
            {"contact": "person0@client.example", "event": "x", "occurred_at": "soon"},
            "body.occurred_at",
        ),
    ],
)
def test_invalid_events_are_422_naming_the_field(api, make_contacts, body, field):
    make_contacts(1)
    answer = api(body)
    assert answer.status_code == 422
    assert field in [error["field"] for error in answer.json()["errors"]]
    assert Event.objects.count() == 0


def test_a_read_only_key_may_not_send_events(workspace, make_contacts):
    _key, secret = create_api_key(workspace, ("read",))
    answer = Client().post(
        "/api/v1/events",
        {"contact": "x", "event": "y"},
        content_type="application/json",
        HTTP_X_API_KEY=secret,
    )
    assert answer.status_code == 403


def test_another_workspaces_contact_is_as_unknown_as_a_missing_one(team, make_contacts):
    make_contacts(1, external_id="shop-1")
    _key, secret = create_api_key(team.other_workspace, ("responses:write",))
    client = Client()
    answers = [
        client.post(
            "/api/v1/events",
            {"contact": reference, "event": "x"},
            content_type="application/json",
            HTTP_X_API_KEY=secret,
        )
        for reference in ("shop-1", "nobody-at-all")
    ]
    assert [answer.status_code for answer in answers] == [422, 422]
    assert answers[0].json() == answers[1].json()
    assert Event.objects.count() == 0
