"""Webhooks post only to public addresses unless OPENNPS_WEBHOOK_ALLOW_PRIVATE is true: a URL whose
host is loopback, private, link-local or reserved is refused on the form, by the API, and by the
worker (a clear message in the delivery log, nothing reaches the receiver)."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from opennps.accounts.actions.api_keys import create_api_key
from opennps.alerts.models import AlertRule, WebhookDelivery, WebhookEndpoint
from opennps.alerts.webhooks import queue_delivery
from opennps.work.models import WorkStatus
from opennps.work.outbound import ForbiddenDestination, guarded_opener, is_forbidden_address
from tests.alerts.conftest import SECRET, run_worker

REFUSAL = "a private or reserved address"


@pytest.fixture(autouse=True)
def guarded(settings) -> None:
    settings.OPENNPS_WEBHOOK_ALLOW_PRIVATE = False


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.5.4",
        "192.168.0.10",
        "169.254.169.254",  # cloud metadata services
        "100.64.0.1",
        "0.0.0.0",
        "240.0.0.1",
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
    ],
)
def test_inward_addresses_are_forbidden(address):
    assert is_forbidden_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_are_allowed(address):
    assert not is_forbidden_address(address)


def test_the_worker_refuses_a_loopback_receiver_and_says_why_in_the_log(team, receiver):
    delivery = queue_delivery(
        team.workspace, receiver.url("/hook"), "response.created", {"a": 1}, signed=False
    )

    run_worker()

    delivery = WebhookDelivery.objects.get(pk=delivery.pk)
    assert receiver.requests == []
    assert delivery.status == WorkStatus.FAILED
    assert delivery.attempts == 1  # refused for good: no retries
    assert REFUSAL in delivery.attempt_log[-1]["error"]
    assert "127.0.0.1" in delivery.attempt_log[-1]["error"]
    page = team.client_for(team.alice).get(f"/w/{team.workspace.pk}/alerts/webhooks/")
    assert REFUSAL in page.content.decode()


def test_a_name_resolving_to_loopback_is_refused_at_connection_time(receiver):
    # The connection check catches what resolved inward after the URL was saved (rebinding).
    with pytest.raises(ForbiddenDestination, match=r"127\.0\.0\.1"):
        guarded_opener().open(receiver.url("/hook").replace("127.0.0.1", "localhost"), timeout=5)
    assert receiver.requests == []


def test_the_rule_form_refuses_a_private_webhook_url(team, survey):
    answer = team.client_for(team.alice).post(
        f"/w/{team.workspace.pk}/alerts/new/",
        {
            "name": "Into the network",
            "mode": "immediate",
            "classes": ["detractor"],
            "webhook_url": "http://169.254.169.254/latest/meta-data/",
            "webhook_secret": SECRET,
        },
    )

    assert answer.status_code == 400
    assert REFUSAL in answer.content.decode()
    assert not AlertRule.objects.exists()


def test_the_endpoint_form_refuses_localhost(team):
    answer = team.client_for(team.alice).post(
        f"/w/{team.workspace.pk}/alerts/webhooks/new/",
        {"url": "http://localhost:5432/", "secret": SECRET, "events": ["response.created"]},
    )

    assert answer.status_code == 400
    assert REFUSAL in answer.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_the_api_refuses_a_private_webhook_url_naming_the_field(team):
    _key, secret = create_api_key(team.workspace, ("admin",))
    body = {
        "name": "Inward",
        "actions": {"webhook": {"url": "http://10.0.0.5/hook", "secret": SECRET}},
    }
    answer = Client().post(
        "/api/v1/alert-rules", json.dumps(body), "application/json", HTTP_X_API_KEY=secret
    )

    assert answer.status_code == 422
    assert "body.actions.webhook.url" in answer.content.decode()
    assert REFUSAL in answer.content.decode()


def test_with_the_setting_on_a_loopback_receiver_gets_the_body(team, receiver, settings):
    settings.OPENNPS_WEBHOOK_ALLOW_PRIVATE = True
    queue_delivery(
        team.workspace, receiver.url("/hook"), "response.created", {"a": 1}, signed=False
    )

    run_worker()

    assert [request.path for request in receiver.requests] == ["/hook"]
