"""Outgoing e-mail as background work: a failed SMTP conversation is retried with backoff.

Sending from the worker keeps a slow or down mail server out of the request that caused the mail.
"""

from __future__ import annotations

import smtplib
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from opennps.work.models import Job
from opennps.work.registry import PermanentFailure, enqueue

EMAIL_JOB = "email"


def queue_email(
    to: list[str],
    subject: str,
    text: str,
    html: str = "",
    headers: dict[str, str] | None = None,
    **job_fields: Any,
) -> Job:
    """Queue a message; the worker sends it. Returns the job so callers can track it."""
    if not to:
        raise ValueError("an e-mail needs at least one recipient")
    payload = {"to": to, "subject": subject, "text": text, "html": html, "headers": headers or {}}
    return enqueue(EMAIL_JOB, payload, **job_fields)


def send_email_job(job: Job) -> None:
    payload = job.payload
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["text"],
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=payload["to"],
        headers=payload.get("headers") or {},
    )
    if payload.get("html"):
        message.attach_alternative(payload["html"], "text/html")
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        # Every recipient was refused: the address is wrong, and retrying will not fix it.
        raise PermanentFailure(f"recipients refused: {error.recipients}") from error
