"""A workspace's own SMS gateway URL may not point inside our network unless
OPENNPS_WEBHOOK_ALLOW_PRIVATE is true; the operator's OPENNPS_SMS_* settings are trusted."""

from __future__ import annotations

import pytest

from opennps.distribution.models import SmsSettings
from opennps.distribution.sms.providers import SmsRejected, provider_for
from tests.distribution.sms_receiver import SmsReceiver


@pytest.fixture
def receiver():
    with SmsReceiver() as server:
        yield server


def test_a_workspaces_generic_provider_on_loopback_is_refused(team, receiver, settings):
    settings.OPENNPS_WEBHOOK_ALLOW_PRIVATE = False
    SmsSettings.objects.create(
        workspace=team.workspace,
        provider="http",
        http_url=receiver.url + "/send",
        http_body_template='{"to": "{to}", "text": "{text}"}',
    )

    with pytest.raises(SmsRejected, match="private or reserved address"):
        provider_for(team.workspace.pk).send("+359888123456", "Hello")

    assert receiver.requests == []


def test_a_workspaces_twilio_base_url_on_loopback_is_refused(team, receiver, settings):
    settings.OPENNPS_WEBHOOK_ALLOW_PRIVATE = False
    SmsSettings.objects.create(
        workspace=team.workspace,
        provider="twilio",
        base_url=receiver.url,
        account_sid="AC1",
        auth_token="t",
    )

    with pytest.raises(SmsRejected, match=r"127\.0\.0\.1"):
        provider_for(team.workspace.pk).send("+359888123456", "Hello")

    assert receiver.requests == []


def test_the_operators_own_gateway_setting_is_trusted(team, receiver, settings):
    settings.OPENNPS_WEBHOOK_ALLOW_PRIVATE = False
    settings.OPENNPS_SMS_PROVIDER = "http"
    settings.OPENNPS_SMS_HTTP_URL = receiver.url + "/send"

    provider_for(team.workspace.pk).send("+359888123456", "Hello")

    assert [request.path for request in receiver.requests] == ["/send"]


def test_with_the_setting_on_a_workspace_gateway_on_loopback_is_used(team, receiver, settings):
    settings.OPENNPS_WEBHOOK_ALLOW_PRIVATE = True
    SmsSettings.objects.create(
        workspace=team.workspace,
        provider="http",
        http_url=receiver.url + "/send",
        http_body_template='{"to": "{to}", "text": "{text}"}',
    )

    provider_for(team.workspace.pk).send("+359888123456", "Hello")

    assert len(receiver.requests) == 1
