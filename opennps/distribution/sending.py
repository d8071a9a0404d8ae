"""The worker's side of e-mail campaigns: one Delivery row claimed → at most one message.

Idempotency: an invitation whose message the server accepted (sent_at set) is never sent again,
and a retry after an SMTP error rebuilds the same message — the same link (tokens.py) and the same
Message-ID. The one window for a duplicate is between the server's "250 OK" and the UPDATE that
records sent_at: a worker killed there sends that one message twice (its lease runs out and another
worker retries it). Each worker has at most one message in that window, so a kill duplicates at
most one message per killed worker (docs/distribution.md).
"""

from __future__ import annotations

import contextlib
import smtplib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.mail import get_connection
from django.db.models import Case, F, Value, When
from django.utils import timezone

from opennps.distribution.messages import Composer
from opennps.distribution.models import (
    CampaignStatus,
    Delivery,
    DeliveryKind,
    DistributionSettings,
    Invitation,
    InvitationStatus,
)
from opennps.distribution.throttling import (
    Decision,
    quiet_until,
    reserve_many,
    settings_for,
    zone,
)
from opennps.distribution.tokens import token_from_seed
from opennps.work.models import WorkStatus
from opennps.work.registry import PermanentFailure

# Invitations past these states get no reminder: they answered, cannot be reached, or were stopped.
NO_REMINDER = (
    InvitationStatus.RESPONDED,
    InvitationStatus.BOUNCED,
    InvitationStatus.FAILED,
    InvitationStatus.CANCELLED,
    InvitationStatus.EXPIRED,
    InvitationStatus.THROTTLED,
)


# A message is not started with less lease left than this (a slow SMTP conversation takes ≤ 20 s).
LEASE_MARGIN = timedelta(seconds=30)


class _Mailer:
    """One SMTP connection kept open across messages: a new conversation per message would cap
    a worker at a few dozen messages a second."""

    def __init__(self) -> None:
        self.connection: Any = None
        self.key: tuple[Any, ...] = ()

    def send(self, message: Any) -> None:
        from django.conf import settings

        key = (settings.EMAIL_BACKEND, getattr(settings, "EMAIL_HOST", ""), settings.EMAIL_PORT)
        if self.connection is None or key != self.key:
            self.close()
            self.connection = get_connection(fail_silently=False)
            self.connection.open()
            self.key = key
        message.connection = self.connection
        try:
            message.send()
        except Exception:
            self.close()  # a broken conversation is not reused; the retry opens a new one
            raise

    def close(self) -> None:
        if self.connection is not None:
            # Closing a dead socket may fail; there is nothing to save.
            with contextlib.suppress(Exception):
                self.connection.close()
        self.connection = None


mailer = _Mailer()


def defer(delivery: Delivery, until: datetime) -> None:
    """Put the delivery back for later without counting an attempt (quiet hours, throttling).

    The runner then finds the row no longer RUNNING and records no outcome over it.
    """
    Delivery.objects.filter(
        pk=delivery.pk, lease_token=delivery.lease_token, status=WorkStatus.RUNNING
    ).update(
        status=WorkStatus.PENDING,
        next_attempt_at=until,
        lease_until=None,
        attempts=F("attempts") - 1,
    )


def _stop(invitation: Invitation, status: str) -> None:
    Invitation.objects.filter(pk=invitation.pk).update(status=status, token_seed="")
    invitation.status, invitation.token_seed = status, ""


@dataclass
class Batch:
    """What one claim's rows need, loaded once: the worker claims up to 50 deliveries under one
    lease token, and per-message queries would cost more than the SMTP conversation."""

    lease_token: str = ""
    invitations: dict[int, Invitation] = field(default_factory=dict)
    rules: dict[int, DistributionSettings] = field(default_factory=dict)
    decisions: dict[int, Decision] = field(default_factory=dict)
    composer: Composer = field(default_factory=Composer)


_batch = Batch()


def _skip_reason(delivery: Delivery, invitation: Invitation) -> str | None:
    """Why this delivery sends nothing, or None when it should be sent."""
    reminder = delivery.kind == DeliveryKind.REMINDER
    if reminder and (invitation.responded or invitation.status in NO_REMINDER):
        return "no reminder"
    if not reminder and invitation.sent_at is not None:
        return "already sent"  # the server accepted this message: never send it twice
    if reminder and invitation.reminded_at is not None:
        return "already reminded"
    campaign = invitation.campaign
    if campaign is not None and campaign.status == CampaignStatus.CANCELLED:
        return "cancelled"
    if not invitation.contact.email or not invitation.contact.may_receive("email"):
        return "cancelled"
    return None


def _quiet_until(invitation: Invitation, rules: DistributionSettings) -> datetime | None:
    return quiet_until(timezone.now(), zone(invitation.contact.time_zone, rules.time_zone), rules)


def batch_for(delivery: Delivery) -> Batch:
    global _batch
    if _batch.lease_token == delivery.lease_token and delivery.invitation_id in _batch.invitations:
        return _batch
    rows = list(
        Delivery.objects.filter(lease_token=delivery.lease_token, status=WorkStatus.RUNNING)
    )
    invitations = Invitation.objects.select_related(
        "contact", "survey", "campaign", "workspace"
    ).in_bulk([row.invitation_id for row in rows] + [delivery.invitation_id])
    batch = Batch(lease_token=delivery.lease_token, invitations=invitations)
    for workspace_id in {invitation.workspace_id for invitation in invitations.values()}:
        batch.rules[workspace_id] = settings_for(workspace_id)
    # Reserve the ledger slots of every first message this batch will really send, at once.
    to_reserve: dict[int, list[Invitation]] = {}
    for row in rows:
        invitation = invitations[row.invitation_id]
        rules = batch.rules[invitation.workspace_id]
        if (
            row.kind == DeliveryKind.INVITATION
            and invitation.asked_at is None
            and _skip_reason(row, invitation) is None
            and _quiet_until(invitation, rules) is None
        ):
            to_reserve.setdefault(invitation.workspace_id, []).append(invitation)
    for workspace_id, group in to_reserve.items():
        batch.decisions |= reserve_many(group, batch.rules[workspace_id])
    _batch = batch
    return batch


def send_delivery(delivery: Delivery) -> None:
    batch = batch_for(delivery)
    invitation = batch.invitations[delivery.invitation_id]
    reason = _skip_reason(delivery, invitation)
    if reason == "cancelled":
        _stop(invitation, InvitationStatus.CANCELLED)
    if reason == "no reminder":
        Invitation.objects.filter(pk=invitation.pk).update(token_seed="")
    if reason is not None:
        return
    if not invitation.token_seed:
        raise PermanentFailure("the invitation has no link left to send (its token is gone)")
    rules = batch.rules[invitation.workspace_id]
    if (morning := _quiet_until(invitation, rules)) is not None:
        defer(delivery, morning)
        return
    reminder = delivery.kind == DeliveryKind.REMINDER
    if not reminder and invitation.asked_at is None:
        decision = (
            batch.decisions.get(invitation.pk) or reserve_many([invitation], rules)[invitation.pk]
        )
        if not decision.allowed:
            assert decision.retry_at is not None
            if decision.throttled:
                # Never silently lost: the invitation says throttled, deferred or dropped.
                drop = rules.throttle_action == "drop"
                Invitation.objects.filter(pk=invitation.pk).update(
                    status=InvitationStatus.THROTTLED,
                    token_seed="" if drop else invitation.token_seed,
                )
                if drop:
                    return
            defer(delivery, decision.retry_at)
            return
    _send(delivery, invitation, batch.composer, rules.reminder_after_days, reminder)


def _send(
    delivery: Delivery,
    invitation: Invitation,
    composer: Composer,
    reminder_days: int,
    reminder: bool,
) -> None:
    if delivery.lease_until is not None and delivery.lease_until - timezone.now() < LEASE_MARGIN:
        # A slow server ate the lease: another worker may own this row now. Sending anyway could
        # duplicate the message; failing puts it back for a retry (which skips it once sent).
        raise RuntimeError("the lease on this delivery is nearly over; retrying later")
    message = composer.build(invitation, token_from_seed(invitation.token_seed), delivery.kind)
    try:
        mailer.send(message)
    except smtplib.SMTPRecipientsRefused as error:
        # The address does not exist (a hard bounce at the door): no retry, no reminder.
        _stop(invitation, InvitationStatus.BOUNCED)
        raise PermanentFailure(f"recipient refused: {error.recipients}") from error
    now = timezone.now()
    if reminder:
        Invitation.objects.filter(pk=invitation.pk).update(reminded_at=now, token_seed="")
        invitation.reminded_at = now
        return
    invitation.sent_at = now
    plan_reminder = reminder_days > 0
    # One UPDATE: sent_at, and the status moves to sent only from queued or throttled (an opened
    # invitation — someone already had the link — keeps its later state).
    Invitation.objects.filter(pk=invitation.pk).update(
        sent_at=now,
        token_seed=invitation.token_seed if plan_reminder else "",
        status=Case(
            When(
                status__in=[InvitationStatus.QUEUED, InvitationStatus.THROTTLED],
                then=Value(InvitationStatus.SENT),
            ),
            default=F("status"),
        ),
    )
    if plan_reminder:
        Delivery.objects.bulk_create(
            [
                Delivery(
                    invitation_id=invitation.pk,
                    kind=DeliveryKind.REMINDER,
                    next_attempt_at=now + timedelta(days=reminder_days),
                )
            ],
            ignore_conflicts=True,
        )
