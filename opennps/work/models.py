"""The shape every kind of background work shares, and a general-purpose job table.

A kind of work with its own data (an invitation to send, a webhook delivery) is a table of its own
that inherits WorkItem; small one-off kinds (an e-mail, a report) are rows of Job with a `kind`.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils import timezone


class WorkStatus(models.TextChoices):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class WorkItem(models.Model):
    status = models.CharField(max_length=10, choices=WorkStatus.choices, default=WorkStatus.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    max_attempts = models.PositiveIntegerField(default=8)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    lease_until = models.DateTimeField(null=True, blank=True)
    # A token naming one claim; a worker whose lease expired cannot record an outcome over it.
    lease_token = models.CharField(max_length=32, blank=True)
    last_error = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        indexes: ClassVar = [models.Index(fields=["status", "next_attempt_at"])]


class Job(WorkItem):
    kind = models.CharField(max_length=50)
    payload = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta(WorkItem.Meta):
        indexes: ClassVar = [models.Index(fields=["status", "next_attempt_at"], name="job_due")]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.status})"
