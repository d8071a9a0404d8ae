"""The whole loop of issue 6 in one test, with real parts only: a detractor answers on the public
page → the worker runs → the alert e-mail reaches a real SMTP server and the signed webhook a real
HTTP receiver → a case is open and assigned → the reply reaches the customer → their answer,
posted to the inbound mail endpoint, threads into the case → resolved → the re-survey arrives →
the customer answers 9 through its personal link → the case is recovered."""

from __future__ import annotations

from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from django.test import Client

from opennps.alerts.actions import RuleSpec, create_rule
from opennps.cases.models import Case
from opennps.distribution.campaigns import queue_campaign
from tests.alerts.receiver import Receiver, start_receiver
from tests.cases.conftest import run_worker_until_idle
from tests.distribution.helpers import parts, score_links

SECRET = "loop-webhook-secret-0123456789"
INBOUND_TOKEN = "loop-inbound-token-0123456789"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver, server = start_receiver()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()


def mails_to(smtp_server, address: str, count: int) -> list[EmailMessage]:
    """The first `count` messages to `address`, waiting for the mail server if need be."""
    for total in range(count, 50):
        mails = [m for m in smtp_server.inbox.wait_for(total) if m["To"] == address]
        if len(mails) >= count:
            return mails[:count]
    raise AssertionError(f"fewer than {count} messages reached {address}")


def test_a_detractor_is_alerted_about_answered_resolved_resurveyed_and_recovered(
    team, settings, smtp_server, receiver, survey, make_contact, case_settings
):
    settings.OPENNPS_INBOUND_MAIL_TOKEN = INBOUND_TOKEN
    case_settings.resurvey_after_days = 0
    case_settings.save()
    create_rule(
        team.workspace,
        team.alice,
        RuleSpec(
            name="Detractors",
            conditions={"class": ["detractor"]},
            recipients=[team.alice],
            webhook_url=receiver.url("/alert"),
            webhook_secret=SECRET,
        ),
    )
    customer = make_contact(name="Ivan", email="ivan@client.example")

    # The invitation goes out; the customer answers 2 on the real public page.
    queue_campaign(survey, "email")
    run_worker_until_idle()
    (invitation,) = mails_to(smtp_server, customer.email, 1)
    token = score_links(parts(invitation)[1])[0][0]
    answered = Client().post(f"/r/{token}", {"score": "2"})
    assert answered.status_code == 303  # on to the follow-up question

    # The worker tells the rule's member by mail and the CRM by a signed webhook.
    run_worker_until_idle()
    (alert,) = mails_to(smtp_server, team.alice.email, 1)
    assert "Detractors" in alert["Subject"] and "2" in alert["Subject"]
    (hook,) = [r for r in receiver.requests if r.path == "/alert"]
    assert hook.signature_is_valid(SECRET)
    assert hook.json()["response"]["score"] == 2
    assert hook.json()["response"]["contact"]["email"] == customer.email

    # A case is open and assigned.
    case = Case.objects.get()
    assert (case.status, case.contact, case.assignee) == ("new", customer, team.alice)

    # Dana replies from the case; the mail reaches the customer.
    dana = team.client_for(team.dana)
    page = f"/w/{team.workspace.pk}/cases/{case.pk}/"
    dana.post(page + "reply", {"subject": "We are sorry", "body": "Ivan, we will fix it."})
    run_worker_until_idle()
    _invitation, reply = mails_to(smtp_server, customer.email, 2)
    assert reply["Subject"] == "We are sorry"
    assert "we will fix it" in reply.get_body(preferencelist=("plain",)).get_content()
    case.refresh_from_db()
    assert case.status == "contacted"

    # The customer answers the reply; their mail service posts it to the inbound endpoint.
    answer = EmailMessage()
    answer["From"] = f"Ivan <{customer.email}>"
    answer["To"] = reply["Reply-To"]
    answer["Subject"] = "Re: We are sorry"
    answer["Message-ID"] = "<ivan-1@client.example>"
    answer["In-Reply-To"] = reply["Message-ID"]
    answer["References"] = reply["Message-ID"]
    answer.set_content("Thank you, the new one works.\n\nOn Monday Dana wrote:\n> Ivan, we will")
    threaded = Client().post(
        f"/mail/inbound/{INBOUND_TOKEN}", answer.as_bytes(), content_type="message/rfc822"
    )
    assert threaded.status_code == 200, threaded.content
    assert threaded.json()["case"] == case.pk and threaded.json()["sender_verified"] is True
    case.refresh_from_db()
    assert case.status == "in_progress"
    shown = dana.get(page).content.decode()
    assert "Thank you, the new one works." in shown and "On Monday Dana wrote" not in shown

    # Resolved → the worker sends the re-survey → the customer answers 9 via its personal link.
    dana.post(page + "status", {"status": "resolved"})
    run_worker_until_idle()
    *_earlier, resurvey = mails_to(smtp_server, customer.email, 3)
    new_token = score_links(parts(resurvey)[1])[0][0]
    assert new_token != token
    Client().post(f"/r/{new_token}", {"score": "9"})

    case.refresh_from_db()
    assert case.status == "won_back" and case.recovered_at is not None
    assert case.recovery_response.score == 9
    kinds = list(case.activities.values_list("kind", flat=True))
    assert kinds[0] == "opened"
    assert kinds.index("reply") < kinds.index("inbound") < kinds.index("resurvey")
    assert kinds[-2:] == ["recovered", "status"]
