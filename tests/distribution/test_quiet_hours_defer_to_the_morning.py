"""No e-mail in the contact's night: it waits for the morning in the contact's time zone."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.utils import timezone

from opennps.distribution.campaigns import queue_campaign
from opennps.distribution.models import Delivery, DistributionSettings, Invitation
from opennps.work.models import WorkStatus
from tests.distribution.conftest import run_worker

ZONE = "Asia/Tokyo"


def test_a_message_in_the_contacts_quiet_hours_waits_for_the_morning(
    smtp_server, workspace, survey, make_contacts
):
    hour = timezone.now().astimezone(ZoneInfo(ZONE)).hour
    # Quiet from this hour for two hours, in the contact's zone (whatever the time of the run).
    DistributionSettings.objects.filter(workspace=workspace).update(
        quiet_hours_start=hour, quiet_hours_end=(hour + 2) % 24
    )
    make_contacts(1, time_zone=ZONE)
    # Bogotá is 14 hours behind Tokyo, so never inside the same two quiet hours.
    make_contacts(1, prefix="bogota", time_zone="America/Bogota")
    queue_campaign(survey, "email")
    run_worker()
    waiting = Delivery.objects.get(invitation__contact__time_zone=ZONE)
    assert waiting.status == WorkStatus.PENDING
    assert waiting.attempts == 0
    morning = waiting.next_attempt_at.astimezone(ZoneInfo(ZONE))
    assert (morning.hour, morning.minute) == ((hour + 2) % 24, 0)
    assert Invitation.objects.get(contact__time_zone=ZONE).status == "queued"
    assert [m["To"] for m in smtp_server.inbox.wait_for(1)] == ["bogota0@client.example"]


def test_the_workspace_zone_applies_to_a_contact_without_one(
    smtp_server, workspace, survey, make_contacts
):
    hour = timezone.now().astimezone(ZoneInfo(ZONE)).hour
    DistributionSettings.objects.filter(workspace=workspace).update(
        quiet_hours_start=hour, quiet_hours_end=(hour + 1) % 24, time_zone=ZONE
    )
    make_contacts(1)
    queue_campaign(survey, "email")
    run_worker()
    assert smtp_server.inbox.messages == []
    assert Delivery.objects.get().next_attempt_at > timezone.now()
