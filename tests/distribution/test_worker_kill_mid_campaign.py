"""Killing `opennps worker` mid-campaign: every contact still gets exactly one invitation, and at
most the messages in flight at the kill (one per sending connection) arrive twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from opennps.distribution.campaigns import queue_campaign
from opennps.distribution.models import Delivery, Invitation
from opennps.work.models import WorkStatus
from tests.work.test_worker_kill import database_url

SENDING_CONNECTIONS = 4


def start_worker(smtp_url: str) -> subprocess.Popen:
    environment = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "OPENNPS_SMTP_URL": smtp_url,
        "OPENNPS_SEND_CONNECTIONS": str(SENDING_CONNECTIONS),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "opennps", "worker", "--poll", "0.1"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def unsent() -> int:
    return (
        Delivery.objects.filter(kind="invitation")
        .exclude(status__in=[WorkStatus.DONE, WorkStatus.FAILED])
        .count()
    )


@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_leaves_one_invitation_per_contact_and_few_duplicates(
    smtp_server, survey, make_contacts
):
    total = 120
    contacts = make_contacts(total)
    smtp_server.inbox.delay_seconds = 0.02
    campaign = queue_campaign(survey, "email")

    first = start_worker(smtp_server.url)
    smtp_server.inbox.wait_for(20, seconds=60)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    before_kill = len(smtp_server.inbox.messages)
    assert 0 < before_kill < total

    # The killed worker's leases would run out after 5 minutes; let that time pass.
    Delivery.objects.filter(status=WorkStatus.RUNNING).update(
        lease_until=timezone.now() - timedelta(seconds=1)
    )
    second = start_worker(smtp_server.url)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and unsent():
            time.sleep(0.1)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=15)
    assert second.returncode == 0, second.stderr.read().decode()
    assert unsent() == 0

    per_contact = Counter(
        Invitation.objects.filter(campaign=campaign).values_list("contact_id", flat=True)
    )
    assert per_contact == Counter({contact.pk: 1 for contact in contacts})
    assert Invitation.objects.filter(campaign=campaign, status="sent").count() == total
    recipients = Counter(m["To"] for m in smtp_server.inbox.wait_for(total))
    assert set(recipients) == {contact.email for contact in contacts}
    # Only a message between the server's 250 and its recorded sent_at can repeat: at most one
    # per sending connection of the killed worker.
    assert sum(recipients.values()) - total <= SENDING_CONNECTIONS
    by_id = Counter(m["Message-ID"] for m in smtp_server.inbox.messages)
    assert len(by_id) == total  # a repeated message is the very same message
