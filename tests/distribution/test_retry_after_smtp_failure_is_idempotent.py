"""A temporary SMTP failure is retried with the same message; a sent invitation is never resent."""

from __future__ import annotations

from django.utils import timezone

from opennps.accounts.models import hash_secret
from opennps.distribution.campaigns import queue_campaign
from opennps.distribution.models import Delivery, Invitation
from opennps.distribution.tokens import message_id
from opennps.work.models import WorkStatus
from tests.distribution.conftest import run_worker
from tests.distribution.helpers import parts, score_links


def test_a_451_is_retried_later_with_the_same_message_id_and_link(
    smtp_server, survey, make_contacts
):
    make_contacts(1)
    queue_campaign(survey, "email")
    smtp_server.inbox.refuse_next = 1
    run_worker()
    delivery = Delivery.objects.get(kind="invitation")
    assert delivery.status == WorkStatus.PENDING
    assert delivery.attempts == 1
    assert "451" in delivery.last_error
    assert delivery.next_attempt_at > timezone.now()
    assert smtp_server.inbox.messages == []
    assert Invitation.objects.get().status == "queued"

    Delivery.objects.update(next_attempt_at=timezone.now())  # let the backoff pass
    run_worker()
    (message,) = smtp_server.inbox.wait_for(1)
    invitation = Invitation.objects.get()
    assert message["Message-ID"] == message_id(invitation.pk, "invitation")
    token = score_links(parts(message)[1])[0][0]
    assert hash_secret(token) == invitation.token_hash
    assert invitation.status == "sent"
    assert Delivery.objects.get(kind="invitation").status == WorkStatus.DONE


def test_an_invitation_already_sent_is_not_sent_again(smtp_server, survey, make_contacts):
    make_contacts(1)
    queue_campaign(survey, "email")
    run_worker()
    assert len(smtp_server.inbox.wait_for(1)) == 1
    # As if a worker died after the server accepted the message but before it recorded done.
    Delivery.objects.filter(kind="invitation").update(
        status=WorkStatus.PENDING, next_attempt_at=timezone.now()
    )
    run_worker()
    assert len(smtp_server.inbox.messages) == 1
    assert Delivery.objects.get(kind="invitation").status == WorkStatus.DONE


class RefusingEveryRecipient:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        return "550 5.1.1 No such user"


def test_a_refused_recipient_is_a_bounce_and_not_retried(settings, survey, make_contacts):
    from aiosmtpd.controller import Controller

    from opennps.mail_settings import email_settings
    from tests.smtp import free_port

    port = free_port()
    server = Controller(RefusingEveryRecipient(), hostname="127.0.0.1", port=port)
    server.start()
    try:
        for name, value in email_settings(f"smtp://127.0.0.1:{port}").items():
            setattr(settings, name, value)
        make_contacts(1)
        queue_campaign(survey, "email")
        run_worker()
    finally:
        server.stop()
    delivery = Delivery.objects.get(kind="invitation")
    assert delivery.status == WorkStatus.FAILED
    assert delivery.attempts == 1
    assert Invitation.objects.get().status == "bounced"
    assert not Delivery.objects.filter(kind="reminder").exists()
