"""POST /mail/inbound/<token>: a customer's e-mailed answer to a case reply threads back into the
case (by the signed Message-ID or the signed plus-address); anything else gets a clear 202/4xx."""

from __future__ import annotations

from email.message import EmailMessage

import pytest
from django.test import Client

from opennps.cases.actions import reply
from opennps.cases.inbound import trimmed_text
from opennps.cases.mail_threads import reply_message_id, reply_to_address
from opennps.cases.models import CaseActivity
from tests.cases.conftest import run_worker_until_idle

TOKEN = "inbound-token-0123456789abcdef"
URL = f"/mail/inbound/{TOKEN}"


@pytest.fixture(autouse=True)
def inbound_on(settings):
    settings.OPENNPS_INBOUND_MAIL_TOKEN = TOKEN
    settings.OPENNPS_INBOUND_MAIL_ADDRESS = ""


@pytest.fixture
def case(team, answer, make_contact):
    return answer(2, contact=make_contact(email="ivan@client.example", name="Ivan")).case


def raw_answer(
    *,
    sender: str = "Ivan <ivan@client.example>",
    in_reply_to: str = "",
    to: str = "support@nps.example",
    body: str = "Thanks, the parcel came today.\n\nOn Mon, Dana wrote:\n> We are sorry\n",
    message_id: str = "<answer-1@client.example>",
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = "Re: We are sorry"
    message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = f"<older@client.example> {in_reply_to}"
    message.set_content(body)
    return message.as_bytes()


def post(raw: bytes, url: str = URL, content_type: str = "message/rfc822"):
    return Client().post(url, raw, content_type=content_type)


def test_an_answer_to_a_case_reply_is_added_to_the_case_and_reopens_it(team, case, smtp_server):
    reply(case, "We are sorry", "Ivan, we will fix it.", team.dana)
    run_worker_until_idle()
    (sent,) = smtp_server.inbox.wait_for(1)
    assert sent["Message-ID"].startswith(f"<case-{case.pk}-")
    case.refresh_from_db()
    assert case.status == "contacted"

    answered = post(raw_answer(in_reply_to=sent["Message-ID"]))

    assert answered.status_code == 200, answered.content
    assert answered.json() == {
        "status": "recorded",
        "detail": "Added to the case.",
        "case": case.pk,
        "sender_verified": True,
    }
    entry = CaseActivity.objects.get(case=case, kind="inbound")
    assert entry.text == "Thanks, the parcel came today."  # the quoted history is trimmed
    assert entry.detail["sender"] == "ivan@client.example"
    assert entry.detail["subject"] == "Re: We are sorry"
    case.refresh_from_db()
    assert case.status == "in_progress"
    page = team.client_for(team.bob).get(f"/w/{team.workspace.pk}/cases/{case.pk}/")
    text = page.content.decode()
    assert "Thanks, the parcel came today." in text and "Customer replies" in text
    assert "unverified sender" not in text


def test_the_same_message_posted_twice_is_recorded_once(case):
    raw = raw_answer(in_reply_to=reply_message_id(case.pk))
    assert post(raw).json()["status"] == "recorded"
    again = post(raw)
    assert again.status_code == 200 and again.json()["status"] == "duplicate"
    assert CaseActivity.objects.filter(case=case, kind="inbound").count() == 1


def test_the_plus_address_threads_an_answer_without_in_reply_to(team, settings, case):
    settings.OPENNPS_INBOUND_MAIL_ADDRESS = "replies@nps.example"
    address = reply_to_address(case.pk)
    assert address.startswith(f"replies+case-{case.pk}-") and address.endswith("@nps.example")

    assert post(raw_answer(to=address)).json()["case"] == case.pk


def test_replies_carry_the_plus_address_as_reply_to_when_it_is_set(
    team, settings, case, smtp_server
):
    settings.OPENNPS_INBOUND_MAIL_ADDRESS = "replies@nps.example"
    reply(case, "Sorry", "We will fix it.", team.dana)
    run_worker_until_idle()
    (sent,) = smtp_server.inbox.wait_for(1)
    assert sent["Reply-To"] == reply_to_address(case.pk)


def test_a_sender_other_than_the_contact_is_recorded_as_unverified(team, case):
    answered = post(
        raw_answer(sender="someone@else.example", in_reply_to=reply_message_id(case.pk))
    )

    assert answered.json()["sender_verified"] is False
    page = team.client_for(team.alice).get(f"/w/{team.workspace.pk}/cases/{case.pk}/")
    assert "unverified sender" in page.content.decode()


def test_a_forged_or_unknown_reference_is_accepted_but_not_threaded(case):
    forged = reply_message_id(case.pk).replace(f"case-{case.pk}-", f"case-{case.pk + 1}-")
    for raw in (raw_answer(in_reply_to=forged), raw_answer()):
        answered = post(raw)
        assert answered.status_code == 202
        assert answered.json()["status"] == "unmatched"
        assert "No case matches" in answered.json()["detail"]
    assert not CaseActivity.objects.filter(kind="inbound").exists()


def test_malformed_input_is_refused_with_a_reason_never_a_500(case):
    no_sender = post(b"Subject: hello\n\njust text")
    assert no_sender.status_code == 400 and "From" in no_sender.json()["detail"]
    assert post(b"").status_code == 400
    garbage = post(b"\xff\xfe\x00\x01 not a mail \x00" * 50)
    assert garbage.status_code in (400, 202)
    wrong_type = post(raw_answer(), content_type="application/json")
    assert wrong_type.status_code == 415 and "message/rfc822" in wrong_type.json()["detail"]
    plain = post(raw_answer(in_reply_to=reply_message_id(case.pk)), content_type="text/plain")
    assert plain.status_code == 200


def test_the_endpoint_is_off_without_a_token_and_hidden_behind_a_wrong_one(settings, case):
    assert post(raw_answer(), url="/mail/inbound/wrong-token").status_code == 404
    settings.OPENNPS_INBOUND_MAIL_TOKEN = ""
    assert post(raw_answer(), url="/mail/inbound/x").status_code == 404
    assert Client().get(URL).status_code in (404, 405)


def test_inbound_mail_is_rate_limited(settings, case):
    settings.OPENNPS_INBOUND_MAIL_RATE = "2/m"
    statuses = [post(raw_answer()).status_code for _ in range(3)]
    assert statuses == [202, 202, 429]


def test_the_case_page_says_whether_inbound_mail_is_configured(team, settings, case):
    page = f"/w/{team.workspace.pk}/cases/{case.pk}/"
    dana = team.client_for(team.dana)
    assert "Inbound mail is configured" in dana.get(page).content.decode()
    settings.OPENNPS_INBOUND_MAIL_TOKEN = ""
    assert "inbound mail is not configured" in dana.get(page).content.decode()


def test_quoted_history_and_signatures_are_trimmed_and_long_answers_cut():
    assert trimmed_text("Fine now.\n-- \nIvan\n") == "Fine now."
    assert trimmed_text("Да, спасибо.\n\n23.11.2026, Dana пишет:\n> Простите") == "Да, спасибо."
    assert trimmed_text("ok\n> quoted\n> more\n") == "ok"
    assert trimmed_text("> only quoted") == "> only quoted"
    assert len(trimmed_text("x" * 50_000)) < 10_100


def test_mail_services_that_post_the_raw_message_in_a_form_field_are_understood(case):
    raw = raw_answer(in_reply_to=reply_message_id(case.pk)).decode()
    mailgun = Client().post(f"{URL}/mime", {"body-mime": raw, "sender": "ivan@client.example"})
    assert mailgun.status_code == 200 and mailgun.json()["status"] == "recorded"
    sendgrid = Client().post(URL, {"email": raw.replace("answer-1@", "answer-2@")})
    assert sendgrid.json()["status"] == "recorded"
    parsed_fields_only = Client().post(URL, {"text": "Thanks", "from": "ivan@client.example"})
    assert parsed_fields_only.status_code == 400
    assert "body-mime" in parsed_fields_only.json()["detail"]
