"""Admins and owners choose the workspace's SMS provider on /w/<id>/sms/; the auth token is
write-only, provider URLs are validated, and the inbound webhook URLs are shown there."""

from __future__ import annotations

import pytest

from opennps.distribution.models import SmsSettings
from opennps.distribution.sms.inbound import inbound_token

TWILIO = {
    "provider": "twilio",
    "sender": "+15550001",
    "base_url": "https://api.twilio.com",
    "account_sid": "AC123",
    "auth_token": "first-secret-token",
    "http_method": "POST",
    "http_content_type": "application/json",
}


def page(team) -> str:
    return f"/w/{team.workspace.pk}/sms/"


@pytest.fixture(autouse=True)
def public_hosts_only(settings):
    settings.OPENNPS_WEBHOOK_ALLOW_PRIVATE = False


def test_analysts_viewers_and_other_workspaces_get_404(team):
    for user in (team.dana, team.bob, team.charlie):
        client = team.client_for(user)
        assert client.get(page(team)).status_code == 404
        assert client.post(page(team), TWILIO).status_code == 404
        assert client.post(page(team) + "test/", {"to": "+15551234567"}).status_code == 404
    assert not SmsSettings.objects.exists()


def test_the_owner_saves_a_twilio_provider_and_the_token_is_never_shown_again(team):
    client = team.client_for(team.alice)

    answer = client.post(page(team), TWILIO)

    assert answer.status_code == 302
    row = SmsSettings.objects.get(workspace=team.workspace)
    assert (row.provider, row.account_sid, row.auth_token) == (
        "twilio",
        "AC123",
        "first-secret-token",
    )
    text = client.get(page(team)).content.decode()
    assert "first-secret-token" not in text
    assert "AC123" in text
    assert "An auth token is saved." in text


def test_an_empty_token_keeps_the_saved_one_and_a_new_one_replaces_it(team):
    client = team.client_for(team.alice)
    client.post(page(team), TWILIO)

    client.post(page(team), {**TWILIO, "auth_token": "", "sender": "+15550002"})
    row = SmsSettings.objects.get()
    assert (row.sender, row.auth_token) == ("+15550002", "first-secret-token")

    client.post(page(team), {**TWILIO, "auth_token": "second-secret-token"})
    assert SmsSettings.objects.get().auth_token == "second-secret-token"


def test_choosing_none_removes_the_workspace_provider(team):
    client = team.client_for(team.alice)
    client.post(page(team), TWILIO)

    client.post(page(team), {**TWILIO, "provider": "none"})

    assert not SmsSettings.objects.exists()


def test_a_body_template_without_to_and_text_is_refused_naming_the_field(team):
    answer = team.client_for(team.alice).post(
        page(team),
        {
            "provider": "http",
            "http_url": "https://sms.example.com/send",
            "http_method": "POST",
            "http_content_type": "application/json",
            "http_body_template": '{"number": "{to}"}',
        },
    )

    assert answer.status_code == 400
    assert "Must contain {text}" in answer.content.decode()
    assert not SmsSettings.objects.exists()


def test_a_url_that_is_not_http_or_points_inside_our_network_is_refused(team):
    client = team.client_for(team.alice)
    base = {
        "provider": "http",
        "http_method": "POST",
        "http_content_type": "application/json",
        "http_body_template": '{"to": "{to}", "text": "{text}"}',
    }

    private = client.post(page(team), {**base, "http_url": "http://127.0.0.1:8080/send"})
    scheme = client.post(page(team), {**base, "http_url": "ftp://sms.example.com/send"})

    assert private.status_code == 400
    assert "private or reserved address" in private.content.decode()
    assert scheme.status_code == 400
    assert not SmsSettings.objects.exists()


def test_a_twilio_provider_without_sid_or_token_is_refused(team):
    answer = team.client_for(team.alice).post(
        page(team), {**TWILIO, "account_sid": "", "auth_token": ""}
    )

    assert answer.status_code == 400
    assert "needs an account SID" in answer.content.decode()
    assert "needs an auth token" in answer.content.decode()


def test_the_page_shows_the_inbound_webhook_urls(team):
    text = team.client_for(team.alice).get(page(team)).content.decode()

    token = inbound_token(team.workspace.pk)
    assert f"/sms/inbound/twilio/{token}" in text
    assert f"/sms/inbound/http/{token}" in text


def test_the_campaigns_page_links_to_it_for_admins_only(team):
    campaigns = f"/w/{team.workspace.pk}/campaigns/"

    assert page(team) in team.client_for(team.alice).get(campaigns).content.decode()
    assert page(team) not in team.client_for(team.dana).get(campaigns).content.decode()
