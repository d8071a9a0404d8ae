"""The SMS settings page sends a test message through the real provider code to a local server."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import pytest

from opennps.distribution.models import SmsSettings
from tests.distribution.sms_receiver import SmsReceiver


@pytest.fixture
def receiver(settings):
    settings.OPENNPS_WEBHOOK_ALLOW_PRIVATE = True  # the stand-in provider listens on loopback
    with SmsReceiver() as server:
        yield server


def sms_test_url(team) -> str:
    return f"/w/{team.workspace.pk}/sms/test/"


def test_a_saved_generic_http_provider_receives_the_test_message(team, receiver):
    client = team.client_for(team.alice)
    saved = client.post(
        f"/w/{team.workspace.pk}/sms/",
        {
            "provider": "http",
            "sender": "Shop",
            "http_url": receiver.url + "/send",
            "http_method": "POST",
            "http_content_type": "application/json",
            "http_body_template": '{"to": "{to}", "text": "{text}", "from": "{sender}"}',
        },
    )
    assert saved.status_code == 302

    answer = client.post(sms_test_url(team), {"to": "+15551234567"})

    assert answer.status_code == 200
    assert "A test SMS was sent to +15551234567." in answer.content.decode()
    [request] = receiver.requests
    body = json.loads(request.body)
    assert (request.path, body["to"], body["from"]) == ("/send", "+15551234567", "Shop")
    assert "SMS sending works" in body["text"]


def test_a_twilio_provider_answering_400_shows_the_providers_answer(team, receiver):
    SmsSettings.objects.create(
        workspace=team.workspace,
        provider="twilio",
        base_url=receiver.url,
        account_sid="AC9",
        auth_token="token-token-token",
        sender="+15550001",
    )
    receiver.status = 400
    receiver.answer = b'{"message": "The To number is not a valid phone number."}'

    answer = team.client_for(team.alice).post(sms_test_url(team), {"to": "+15551234567"})

    assert answer.status_code == 502
    assert "not a valid phone number" in answer.content.decode()
    [request] = receiver.requests
    assert parse_qs(request.body.decode())["To"] == ["+15551234567"]


def test_a_number_that_is_not_a_phone_number_sends_nothing(team, receiver):
    SmsSettings.objects.create(
        workspace=team.workspace,
        provider="http",
        http_url=receiver.url,
        http_body_template="{to}{text}",
    )

    answer = team.client_for(team.alice).post(sms_test_url(team), {"to": "call me"})

    assert answer.status_code == 400
    assert receiver.requests == []


def test_a_workspace_provider_on_a_private_host_is_refused_at_send_time(team, receiver, settings):
    settings.OPENNPS_WEBHOOK_ALLOW_PRIVATE = False
    SmsSettings.objects.create(
        workspace=team.workspace,
        provider="http",
        http_url=receiver.url,
        http_body_template="{to}{text}",
    )

    answer = team.client_for(team.alice).post(sms_test_url(team), {"to": "+15551234567"})

    assert answer.status_code == 502
    assert "private or reserved address" in answer.content.decode()
    assert receiver.requests == []
