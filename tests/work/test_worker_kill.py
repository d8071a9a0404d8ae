"""A worker killed mid-run loses nothing: a new worker finishes the work after the lease runs out."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from opennps.work.email import queue_email
from opennps.work.models import Job, WorkStatus


def database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    host = settings.get("HOST") or "127.0.0.1"
    return f"postgres://{settings['USER']}@{host}:{settings.get('PORT') or 5432}/{settings['NAME']}"


def start_worker(smtp_url: str) -> subprocess.Popen:
    environment = {**os.environ, "DATABASE_URL": database_url(), "OPENNPS_SMTP_URL": smtp_url}
    return subprocess.Popen(
        [sys.executable, "-m", "opennps", "worker", "--poll", "0.1"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.mark.django_db(transaction=True)
def test_killing_a_worker_mid_run_loses_no_message(smtp_server):
    total = 60
    smtp_server.inbox.delay_seconds = 0.05
    for i in range(total):
        queue_email([f"person{i}@example.com"], f"Message {i}", "Text")

    first = start_worker(smtp_server.url)
    smtp_server.inbox.wait_for(10, seconds=60)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    delivered_before_kill = len(smtp_server.inbox.messages)
    assert 0 < delivered_before_kill < total

    # Leases of the killed worker would run out after 5 minutes; let time pass for the test.
    Job.objects.filter(status=WorkStatus.RUNNING).update(
        lease_until=timezone.now() - timedelta(seconds=1)
    )
    second = start_worker(smtp_server.url)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if Job.objects.exclude(status=WorkStatus.DONE).count() == 0:
                break
            time.sleep(0.1)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=15)
    assert second.returncode == 0, second.stderr.read().decode()

    recipients = [message["To"] for message in smtp_server.inbox.messages]
    assert set(recipients) == {f"person{i}@example.com" for i in range(total)}
    # Only a message in flight at the kill may arrive twice: at most one claimed batch.
    assert len(recipients) - total <= 10
