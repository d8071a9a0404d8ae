"""One reminder after N days to those who did not answer; never after a response or unsubscribe."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from opennps.contacts.consent import unsubscribe
from opennps.distribution.campaigns import queue_campaign
from opennps.distribution.models import Delivery, Invitation
from tests.distribution.conftest import run_worker
from tests.distribution.helpers import parts, score_links


def _reminders_due_now() -> None:
    Delivery.objects.filter(kind="reminder").update(next_attempt_at=timezone.now())


def test_a_reminder_goes_three_days_later_only_to_the_silent_contact(
    client, smtp_server, survey, make_contacts
):
    silent, answered, gone = make_contacts(3)
    queue_campaign(survey, "email")
    run_worker()
    messages = {m["To"]: m for m in smtp_server.inbox.wait_for(3)}
    reminder = Delivery.objects.get(kind="reminder", invitation__contact=silent)
    expected = timezone.now() + timedelta(days=3)
    assert abs(reminder.next_attempt_at - expected) < timedelta(minutes=5)

    token = score_links(parts(messages[answered.email])[1])[0][0]
    client.post(f"/r/{token}", {"score": "8"})
    unsubscribe(gone, "email")
    _reminders_due_now()
    run_worker()
    later = smtp_server.inbox.wait_for(4)[3:]
    assert [m["To"] for m in later] == [silent.email]
    assert later[0]["Subject"].startswith("Reminder")
    # The reminder carries the same personal link as the first message.
    assert (
        score_links(parts(later[0])[1])[0][0] == score_links(parts(messages[silent.email])[1])[0][0]
    )
    # After the last planned message no raw link can be rebuilt from the database.
    assert set(Invitation.objects.values_list("token_seed", flat=True)) == {""}


def test_only_one_reminder_is_ever_sent(smtp_server, survey, make_contacts):
    make_contacts(1)
    queue_campaign(survey, "email")
    run_worker()
    _reminders_due_now()
    run_worker()
    Delivery.objects.update(status="pending", next_attempt_at=timezone.now())
    run_worker()
    assert len(smtp_server.inbox.wait_for(2, seconds=1)) == 2


def test_no_reminder_when_the_workspace_turns_them_off(
    smtp_server, workspace, survey, make_contacts
):
    workspace.distribution_settings.reminder_after_days = 0
    workspace.distribution_settings.save()
    make_contacts(1)
    queue_campaign(survey, "email")
    run_worker()
    assert not Delivery.objects.filter(kind="reminder").exists()
    assert Invitation.objects.get().token_seed == ""
