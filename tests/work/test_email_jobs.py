"""Queued e-mail reaches a real SMTP server through the worker, and SMTP trouble is retried."""

from __future__ import annotations

import pytest
from django.utils import timezone

from opennps.work.email import queue_email
from opennps.work.models import Job, WorkStatus
from opennps.work.runner import Worker

pytestmark = pytest.mark.django_db


def test_a_queued_email_is_sent_by_the_worker(smtp_server):
    queue_email(["ann@example.com"], "Hello", "Plain text", html="<p>HTML</p>")
    Worker().run(until_idle=True)
    [message] = smtp_server.inbox.wait_for(1)
    assert message["To"] == "ann@example.com"
    assert message["Subject"] == "Hello"
    assert message.get_body(("plain",)).get_content().strip() == "Plain text"
    assert message.get_body(("html",)).get_content().strip() == "<p>HTML</p>"
    assert Job.objects.get().status == WorkStatus.DONE


def test_a_temporary_smtp_failure_is_retried_and_then_delivered(smtp_server):
    smtp_server.inbox.refuse_next = 1
    queue_email(["ann@example.com"], "Hello", "Text")
    Worker().run(until_idle=True)
    job = Job.objects.get()
    assert job.status == WorkStatus.PENDING
    assert "451" in job.last_error
    assert smtp_server.inbox.messages == []
    Job.objects.update(next_attempt_at=timezone.now())
    Worker().run(until_idle=True)
    assert len(smtp_server.inbox.wait_for(1)) == 1
    assert Job.objects.get().status == WorkStatus.DONE


def test_a_job_of_an_unknown_kind_fails_for_good_with_the_reason():
    Job.objects.create(kind="no-such-kind", payload={})
    Worker().run(until_idle=True)
    job = Job.objects.get()
    assert job.status == WorkStatus.FAILED
    assert "no handler is registered for jobs of kind 'no-such-kind'" in job.last_error


def test_an_email_needs_a_recipient():
    with pytest.raises(ValueError, match="at least one recipient"):
        queue_email([], "Hello", "Text")
