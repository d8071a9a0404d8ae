"""A reply of just "9" to an SMS invitation records the score; bad requests are 400, never 500."""

from __future__ import annotations

import pytest
from django.test import Client

from opennps.distribution.campaigns import queue_campaign
from opennps.distribution.models import Invitation, SmsSettings
from opennps.distribution.sms.inbound import inbound_token
from opennps.responses.models import Response
from tests.distribution.conftest import run_worker
from tests.distribution.sms_receiver import SmsReceiver

PHONE = "+1 (555) 123-4567"


@pytest.fixture
def sent_sms(workspace, survey, make_contacts):
    with SmsReceiver() as receiver:
        SmsSettings.objects.create(
            workspace=workspace, provider="twilio", base_url=receiver.url, account_sid="AC1"
        )
        make_contacts(1, phone=PHONE)
        queue_campaign(survey, "sms")
        run_worker()
    invitation = Invitation.objects.get()
    assert invitation.status == "sent"
    return invitation


def url(workspace_id: int, provider: str = "twilio") -> str:
    return f"/sms/inbound/{provider}/{inbound_token(workspace_id)}"


def test_a_reply_of_9_records_a_score_of_9_for_the_latest_sms_invitation(sent_sms):
    answer = Client().post(url(sent_sms.workspace_id), {"From": "+15551234567", "Body": " 9 "})
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/xml")
    response = Response.objects.get()
    assert (response.score, response.channel, response.invitation_id) == (9, "sms", sent_sms.pk)
    sent_sms.refresh_from_db()
    assert sent_sms.status == "responded"


def test_the_generic_provider_posts_json(sent_sms):
    answer = Client().post(
        url(sent_sms.workspace_id, "http"),
        {"from": "15551234567", "text": "10"},
        content_type="application/json",
    )
    assert answer.json() == {"recorded": True, "response": Response.objects.get().pk}
    assert Response.objects.get().score == 10


def test_a_reply_that_is_not_a_score_records_nothing(sent_sms):
    answer = Client().post(
        url(sent_sms.workspace_id, "http"), {"from": PHONE, "text": "who is this?"}
    )
    assert answer.json() == {"recorded": False, "reason": "not a score"}
    assert Response.objects.count() == 0


def test_stop_unsubscribes_the_number_from_sms(sent_sms):
    Client().post(url(sent_sms.workspace_id), {"From": PHONE, "Body": "STOP"})
    sent_sms.contact.refresh_from_db()
    assert sent_sms.contact.is_unsubscribed("sms")


@pytest.mark.parametrize(
    ("body", "content_type", "field"),
    [
        ({"Body": "9"}, None, "From"),
        ({"From": PHONE}, None, "Body"),
        (b"{not json", "application/json", None),
        (b"[1, 2]", "application/json", None),
        (b'{"From": 5, "Body": "9"}', "application/json", "From"),
    ],
)
def test_malformed_input_is_a_400_naming_the_field(sent_sms, body, content_type, field):
    client = Client()
    if content_type:
        answer = client.post(url(sent_sms.workspace_id), body, content_type=content_type)
    else:
        answer = client.post(url(sent_sms.workspace_id), body)
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["field"] == field
    assert Response.objects.count() == 0


def test_a_forged_token_or_unknown_provider_is_404(sent_sms):
    client = Client()
    assert (
        client.post("/sms/inbound/twilio/1:forged", {"From": PHONE, "Body": "9"}).status_code == 404
    )
    assert client.post(url(sent_sms.workspace_id, "nexmo"), {"From": PHONE}).status_code == 404
    assert client.get(url(sent_sms.workspace_id)).status_code == 405
    assert Response.objects.count() == 0


def test_a_reply_to_another_workspaces_url_records_nothing(sent_sms, team):
    answer = Client().post(url(team.other_workspace.pk, "http"), {"from": PHONE, "text": "9"})
    assert answer.json()["recorded"] is False
    assert Response.objects.count() == 0
