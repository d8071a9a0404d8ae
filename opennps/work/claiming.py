"""Claiming due rows with a lease, and recording what happened to them.

The same code runs on SQLite and PostgreSQL. On PostgreSQL the candidate rows are selected
`FOR UPDATE SKIP LOCKED`, so concurrent workers never wait for or take each other's rows; SQLite
runs write transactions one at a time (IMMEDIATE mode), which gives the same guarantee on one machine.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from opennps.work.models import WorkItem, WorkStatus

DEFAULT_LEASE = timedelta(minutes=5)


def due(model: type[WorkItem]) -> Q:
    """Rows ready to run: pending and due, or running with a lease that has run out (a dead worker)."""
    now = timezone.now()
    return Q(status=WorkStatus.PENDING, next_attempt_at__lte=now) | Q(
        status=WorkStatus.RUNNING, lease_until__lt=now
    )


def claim(
    model: type[WorkItem], limit: int = 10, lease: timedelta = DEFAULT_LEASE
) -> list[WorkItem]:
    """Lease up to `limit` due rows of `model` to the caller; each claim counts as an attempt."""
    if not model.objects.filter(due(model)).exists():
        # Most queues are empty most of the time: one plain query instead of a transaction.
        return []
    token = secrets.token_hex(16)
    now = timezone.now()
    with transaction.atomic():
        candidates = model.objects.filter(due(model)).order_by("next_attempt_at", "pk")
        if connection.features.has_select_for_update_skip_locked:
            candidates = candidates.select_for_update(skip_locked=True)
        ids = list(candidates.values_list("pk", flat=True)[:limit])
        if not ids:
            return []
        model.objects.filter(pk__in=ids).filter(due(model)).update(
            status=WorkStatus.RUNNING,
            lease_until=now + lease,
            lease_token=token,
            attempts=F("attempts") + 1,
        )
    return list(model.objects.filter(lease_token=token, status=WorkStatus.RUNNING).order_by("pk"))


def _still_ours(item: WorkItem) -> Q:
    return Q(pk=item.pk, lease_token=item.lease_token, status=WorkStatus.RUNNING)


def complete(item: WorkItem) -> bool:
    """Mark the item done. False when the lease was lost (another worker has the row now)."""
    updated = (
        type(item)
        .objects.filter(_still_ours(item))
        .update(status=WorkStatus.DONE, finished_at=timezone.now(), lease_until=None, last_error="")
    )
    return updated == 1


def complete_many(items: list[WorkItem]) -> int:
    """Mark items of one claim done in one UPDATE; returns how many were still ours."""
    if not items:
        return 0
    return (
        type(items[0])
        .objects.filter(
            pk__in=[item.pk for item in items],
            lease_token=items[0].lease_token,
            status=WorkStatus.RUNNING,
        )
        .update(status=WorkStatus.DONE, finished_at=timezone.now(), lease_until=None, last_error="")
    )


def retry_delay(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min, … capped at 1 hour."""
    return timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 3600))


def fail(item: WorkItem, error: str, retry: bool = True) -> bool:
    """Record a failed attempt: due again after a backoff, or failed for good when out of attempts.

    False when the lease was lost. Errors are kept (trimmed) so an operator can see why.
    """
    out_of_attempts = not retry or item.attempts >= item.max_attempts
    now = timezone.now()
    changes = {"last_error": error[:4000], "lease_until": None}
    if out_of_attempts:
        changes |= {"status": WorkStatus.FAILED, "finished_at": now}
    else:
        changes |= {
            "status": WorkStatus.PENDING,
            "next_attempt_at": now + retry_delay(item.attempts),
        }
    return type(item).objects.filter(_still_ours(item)).update(**changes) == 1
