"""The worker's side of e-mail campaigns: one Delivery row claimed → at most one message.

Idempotency: an invitation whose message the server accepted (sent_at set) is never sent again,
and a retry after an SMTP error rebuilds the same message — the same link (tokens.py) and the same
Message-ID. The one window for a duplicate is between the server's "250 OK" and the UPDATE that
records sent_at: a worker killed there sends that one message twice (its lease runs out and another
worker retries it). Each worker has at most one message in that window, so a kill duplicates at
most one message per killed worker (docs/distribution.md). That is why sent_at is written per
message while the rest of a batch's bookkeeping (the delivery rows' outcome, the reminder rows) is
written once per batch by `finish_batch`: a worker killed before that leaves the rows running, and
the worker that picks them up skips each sent one and plans its missing reminder.
"""

from __future__ import annotations

import contextlib
import smtplib
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.db import connection
from django.db.models import F
from django.utils import timezone

from opennps.distribution.messages import Composer
from opennps.distribution.models import (
    CampaignStatus,
    Channel,
    Delivery,
    DeliveryKind,
    DistributionSettings,
    Invitation,
    InvitationStatus,
)
from opennps.distribution.sms.providers import SmsNotConfigured, SmsRejected
from opennps.distribution.sms.sending import send_sms_invitation
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


class _Mailer(threading.local):
    """One SMTP connection per sending thread, kept open across messages: a new conversation per
    message would cap a worker at a few dozen messages a second."""

    def __init__(self) -> None:
        self.connection: Any = None
        self.key: tuple[Any, ...] = ()

    def open(self) -> Any:
        from django.conf import settings

        key = (settings.EMAIL_BACKEND, getattr(settings, "EMAIL_HOST", ""), settings.EMAIL_PORT)
        if self.connection is None or key != self.key:
            self.close()
            self.connection = get_connection(fail_silently=False)
            self.connection.open()
            self.key = key
        return self.connection

    def send(self, message: Any) -> None:
        message.connection = self.open()
        try:
            message.send()
        except Exception:
            self.close()  # a broken conversation is not reused; the retry opens a new one
            raise

    def deliver(self, composer: Composer, invitation: Invitation, token: str, kind: str) -> None:
        """Send one invitation's message: over SMTP as the composer's prepared bytes when it has
        them, otherwise (another mail backend, an address MIME must encode) as a built message."""
        connection = self.open()
        wire = (
            composer.wire(invitation, token, kind) if isinstance(connection, SmtpBackend) else None
        )
        if wire is None:
            self.send(composer.build(invitation, token, kind))
            return
        sender, recipient, data = wire
        try:
            connection.connection.sendmail(sender, [recipient], data)
        except Exception:
            self.close()
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


_batch = Batch()
_batch_lock = threading.Lock()
# One composer per worker: renderings of a survey version are reused from batch to batch.
composer = Composer()
# Reminder rows of messages sent in the current batch; finish_batch writes them in one INSERT.
# Sending threads add to it (a dict item assignment is atomic); finish_batch runs after them.
_reminders: dict[int, datetime] = {}


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
    if not reachable(invitation):
        return "cancelled"
    return None


def reachable(invitation: Invitation) -> bool:
    """The contact has an address on the invitation's channel and may receive messages there."""
    contact = invitation.contact
    address = contact.phone if invitation.channel == Channel.SMS else contact.email
    return bool(address) and contact.may_receive(invitation.channel)


def _expired(delivery: Delivery, invitation: Invitation) -> bool:
    """A first message whose invitation expired before it could go out (trigger rules set
    expires_at; throttling or quiet hours may have kept deferring it)."""
    return (
        delivery.kind == DeliveryKind.INVITATION
        and invitation.sent_at is None
        and invitation.expires_at is not None
        and invitation.expires_at <= timezone.now()
    )


def _quiet_until(invitation: Invitation, rules: DistributionSettings) -> datetime | None:
    return quiet_until(timezone.now(), zone(invitation.contact.time_zone, rules.time_zone), rules)


def sending_threads() -> int:
    """Messages a worker sends at once, each over its own SMTP connection (settings)."""
    from django.conf import settings

    return settings.OPENNPS_SEND_CONNECTIONS


def prepare_batch(deliveries: list[Delivery]) -> None:
    """Load what a claimed batch needs before its messages are sent (possibly in threads)."""
    with _batch_lock:
        _load_batch(deliveries)


def batch_for(delivery: Delivery) -> Batch:
    with _batch_lock:
        if (
            _batch.lease_token == delivery.lease_token
            and delivery.invitation_id in _batch.invitations
        ):
            return _batch
        # Called without prepare_batch (a handler run on its own): the rest of its claim.
        claimed = Delivery.objects.filter(
            lease_token=delivery.lease_token, status=WorkStatus.RUNNING
        ).exclude(pk=delivery.pk)
        return _load_batch([delivery, *claimed])


def _load_batch(rows: list[Delivery]) -> Batch:
    """The invitations, workspace rules and ledger decisions of one claim's rows."""
    global _batch
    invitations = Invitation.objects.select_related(
        "contact", "survey", "campaign", "workspace"
    ).in_bulk([row.invitation_id for row in rows])
    batch = Batch(lease_token=rows[0].lease_token, invitations=invitations)
    composer.start_batch()
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
    if reason == "already sent" and invitation.sent_at is not None:
        # A batch cut short by a kill: the message went, its reminder row may not have.
        _plan_reminder(invitation, invitation.sent_at, batch.rules[invitation.workspace_id])
    if reason == "cancelled":
        _stop(invitation, InvitationStatus.CANCELLED)
    if reason == "no reminder":
        Invitation.objects.filter(pk=invitation.pk).update(token_seed="")
    if reason is not None:
        return
    if _expired(delivery, invitation):
        _stop(invitation, InvitationStatus.EXPIRED)
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
    _send(delivery, invitation, composer, rules.reminder_after_days, reminder)


def _plan_reminder(invitation: Invitation, sent_at: datetime, rules: DistributionSettings) -> None:
    if (
        rules.reminder_after_days > 0
        and invitation.channel != Channel.SMS
        and invitation.token_seed
    ):
        _reminders[invitation.pk] = sent_at + timedelta(days=rules.reminder_after_days)


def finish_batch(succeeded: list[Delivery]) -> None:
    """Write the batch's reminder rows (one INSERT); the runner then marks the rows done."""
    rows = [
        Delivery(invitation_id=pk, kind=DeliveryKind.REMINDER, next_attempt_at=due)
        for pk, due in _reminders.items()
    ]
    _reminders.clear()
    if rows:
        Delivery.objects.bulk_create(rows, ignore_conflicts=True)


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
    if invitation.channel == Channel.SMS:
        _send_sms(invitation, composer)
    else:
        token = token_from_seed(invitation.token_seed)
        try:
            mailer.deliver(composer, invitation, token, delivery.kind)
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
    # SMS gets no reminder: a second text to a phone is more intrusive than a second e-mail.
    plan_reminder = reminder_days > 0 and invitation.channel != Channel.SMS
    record_sent(invitation.pk, now, invitation.token_seed if plan_reminder else "")
    if plan_reminder:
        _reminders[invitation.pk] = now + timedelta(days=reminder_days)


def record_sent(invitation_id: int, sent_at: datetime, token_seed: str) -> None:
    """One UPDATE: sent_at, the seed still needed, and the status moves to sent only from queued
    or throttled (an opened invitation — someone already had the link — keeps its later state).

    Written as SQL because it runs once per message: the ORM spent more CPU compiling this
    statement than the database spent running it.
    """
    table = connection.ops.quote_name(Invitation._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            # The one interpolated name is the model's own table; every value is a parameter.
            f"UPDATE {table} SET sent_at = %s, token_seed = %s,"  # noqa: S608
            " status = CASE WHEN status IN (%s, %s) THEN %s ELSE status END WHERE id = %s",
            [
                connection.ops.adapt_datetimefield_value(sent_at),
                token_seed,
                InvitationStatus.QUEUED,
                InvitationStatus.THROTTLED,
                InvitationStatus.SENT,
                invitation_id,
            ],
        )


def _send_sms(invitation: Invitation, composer: Composer) -> None:
    try:
        send_sms_invitation(invitation, token_from_seed(invitation.token_seed), composer)
    except (SmsRejected, SmsNotConfigured) as error:
        # A refused number or no provider at all: retrying cannot help.
        _stop(invitation, InvitationStatus.FAILED)
        raise PermanentFailure(str(error)) from error
