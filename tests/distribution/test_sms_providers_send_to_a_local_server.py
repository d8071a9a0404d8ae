"""SMS invitations go out through a provider: Twilio-compatible REST, or a generic HTTP request."""

from __future__ import annotations

import base64
import json
from urllib.parse import parse_qs
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from opennps.distribution.campaigns import CampaignError, queue_campaign
from opennps.distribution.models import Delivery, DistributionSettings, Invitation, SmsSettings
from opennps.distribution.sms.segments import sms_length
from opennps.work.models import WorkStatus
from tests.distribution.conftest import run_worker
from tests.distribution.sms_receiver import SmsReceiver


@pytest.fixture
def receiver():
    with SmsReceiver() as server:
        yield server


def test_twilio_provider_posts_a_form_with_basic_auth_and_the_personal_link(
    receiver, workspace, survey, make_contacts
):
    SmsSettings.objects.create(
        workspace=workspace,
        provider="twilio",
        base_url=receiver.url,
        account_sid="AC123",
        auth_token="secret-token",
        sender="+15550001",
    )
    make_contacts(1, phone="+15551234567")
    queue_campaign(survey, "sms")
    run_worker()
    [request] = receiver.requests
    assert request.method == "POST"
    assert request.path == "/2010-04-01/Accounts/AC123/Messages.json"
    expected = base64.b64encode(b"AC123:secret-token").decode()
    assert request.headers["Authorization"] == f"Basic {expected}"
    form = parse_qs(request.body.decode())
    assert form["To"] == ["+15551234567"]
    assert form["From"] == ["+15550001"]
    text = form["Body"][0]
    assert "https://nps.example/r/" in text
    assert sms_length(text).segments == 1
    invitation = Invitation.objects.get()
    assert invitation.status == "sent"
    assert invitation.sent_at is not None


def test_generic_http_provider_fills_the_body_template(
    receiver, settings, workspace, survey, make_contacts
):
    settings.OPENNPS_SMS_PROVIDER = "http"
    settings.OPENNPS_SMS_HTTP_URL = receiver.url + "/send"
    settings.OPENNPS_SMS_HTTP_BODY = '{"phone": "{to}", "message": "{text}", "key": "k1"}'
    settings.OPENNPS_SMS_HTTP_CONTENT_TYPE = "application/json"
    make_contacts(1, phone="+359888123456")
    queue_campaign(survey, "sms")
    run_worker()
    [request] = receiver.requests
    assert request.path == "/send"
    body = json.loads(request.body)
    assert body["phone"] == "+359888123456"
    assert body["key"] == "k1"
    assert "https://nps.example/r/" in body["message"]
    assert Invitation.objects.get().status == "sent"


def test_a_number_the_provider_refuses_fails_without_retry(
    receiver, workspace, survey, make_contacts
):
    receiver.status = 400
    SmsSettings.objects.create(
        workspace=workspace, provider="twilio", base_url=receiver.url, account_sid="AC1"
    )
    make_contacts(1, phone="+1555")
    queue_campaign(survey, "sms")
    run_worker()
    assert len(receiver.requests) == 1
    assert Invitation.objects.get().status == "failed"
    assert Delivery.objects.get().status == WorkStatus.FAILED


def test_a_provider_error_is_retried_later(receiver, workspace, survey, make_contacts):
    receiver.status = 503
    SmsSettings.objects.create(
        workspace=workspace, provider="http", http_url=receiver.url, http_body_template="{text}"
    )
    make_contacts(1, phone="+15551230000")
    queue_campaign(survey, "sms")
    run_worker()
    delivery = Delivery.objects.get()
    assert delivery.status == WorkStatus.PENDING
    assert delivery.attempts == 1
    assert Invitation.objects.get().status == "queued"


def test_contacts_who_unsubscribed_from_sms_or_have_no_phone_get_none(
    receiver, workspace, survey, make_contacts
):
    SmsSettings.objects.create(
        workspace=workspace, provider="twilio", base_url=receiver.url, account_sid="AC1"
    )
    make_contacts(1, prefix="nophone")
    make_contacts(1, prefix="stopped", phone="+15550002", unsubscribed={"sms": "2026-01-01"})
    make_contacts(1, prefix="refused", phone="+15550003", consent={"sms": {"granted": False}})
    make_contacts(1, prefix="ok", phone="+15550004")
    campaign = queue_campaign(survey, "sms")
    run_worker()
    assert campaign.contacts_count == 1
    assert [parse_qs(r.body.decode())["To"] for r in receiver.requests] == [["+15550004"]]


def test_no_sms_in_the_contacts_night(receiver, workspace, survey, make_contacts):
    SmsSettings.objects.create(
        workspace=workspace, provider="twilio", base_url=receiver.url, account_sid="AC1"
    )
    hour = timezone.now().astimezone(ZoneInfo("Asia/Tokyo")).hour
    DistributionSettings.objects.filter(workspace=workspace).update(
        quiet_hours_start=hour, quiet_hours_end=(hour + 2) % 24
    )
    make_contacts(1, phone="+81312345678", time_zone="Asia/Tokyo")
    queue_campaign(survey, "sms")
    run_worker()
    assert receiver.requests == []
    delivery = Delivery.objects.get()
    assert delivery.status == WorkStatus.PENDING
    assert delivery.next_attempt_at.astimezone(ZoneInfo("Asia/Tokyo")).hour == (hour + 2) % 24


def test_an_sms_campaign_without_a_provider_is_refused(workspace, survey, make_contacts):
    make_contacts(1, phone="+15550009")
    with pytest.raises(CampaignError, match="no SMS provider"):
        queue_campaign(survey, "sms")
