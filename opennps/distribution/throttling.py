"""The timing rules every send passes: the contact ledger, daily caps and quiet hours.

The ledger is Invitation.asked_at: an invitation takes the contact's "asked" slot in the same
transaction that checks the slot is free, with the contact's row locked, so two workers sending two
campaigns to one person cannot both pass. Other channels take their slot the same way (reserve()).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import connection, transaction
from django.utils import timezone

from opennps.contacts.models import Contact
from opennps.distribution.models import DistributionSettings, Invitation, InvitationStatus

# Invitations that never reached the person do not use up their slot.
NOT_ASKED = (InvitationStatus.FAILED, InvitationStatus.CANCELLED, InvitationStatus.BOUNCED)


def settings_for(workspace_id: int) -> DistributionSettings:
    found = DistributionSettings.objects.filter(workspace_id=workspace_id).first()
    return found or DistributionSettings(workspace_id=workspace_id)


def zone(name: str, fallback: str = "UTC") -> ZoneInfo:
    for candidate in (name, fallback, "UTC"):
        if not candidate:
            continue
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return ZoneInfo("UTC")


def quiet_until(now: datetime, tz: ZoneInfo, rules: DistributionSettings) -> datetime | None:
    """The end of the quiet hours when `now` falls inside them (local time), else None."""
    start, end = rules.quiet_hours_start % 24, rules.quiet_hours_end % 24
    if start == end:
        return None
    local = now.astimezone(tz)
    hour = local.hour
    inside = start <= hour < end if start < end else (hour >= start or hour < end)
    if not inside:
        return None
    morning = datetime.combine(local.date(), time(end), tzinfo=tz)
    if morning <= local:
        morning = datetime.combine(local.date() + timedelta(days=1), time(end), tzinfo=tz)
    return morning.astimezone(UTC)


def next_local_midnight(now: datetime, tz: ZoneInfo) -> datetime:
    local = now.astimezone(tz)
    return datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=tz)


def _free_at(
    earlier: list[tuple[datetime, int]], survey_id: int, rules: DistributionSettings, now: datetime
) -> datetime | None:
    """When the contact may be asked `survey_id` again, given their earlier asks; None = now."""
    free_at = None
    for asked_at, earlier_survey in earlier:
        days = rules.days_between_any_survey
        if earlier_survey == survey_id:
            days = max(days, rules.days_between_same_survey)
        until = asked_at + timedelta(days=days)
        if until > now and (free_at is None or until > free_at):
            free_at = until
    return free_at


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_at: datetime | None = None
    throttled: bool = False  # the contact ledger said no (rather than the daily cap)


def reserve_many(invitations: list[Invitation], rules: DistributionSettings) -> dict[int, Decision]:
    """Take the contacts' slots for a batch of one workspace's invitations, in one transaction.

    Contacts are locked first (PostgreSQL; SQLite runs one write transaction at a time anyway), so
    a concurrent worker checking the same person waits and then sees this batch's asks.
    """
    now = timezone.now()
    window = timedelta(days=max(rules.days_between_any_survey, rules.days_between_same_survey))
    contact_ids = sorted({invitation.contact_id for invitation in invitations})
    ids = [invitation.pk for invitation in invitations]
    decisions: dict[int, Decision] = {}
    with transaction.atomic():
        if connection.vendor == "postgresql":
            list(Contact.objects.select_for_update().filter(pk__in=contact_ids).values("pk"))
        ledger: dict[int, list[tuple[datetime, int]]] = {}
        earlier = (
            Invitation.objects.filter(contact_id__in=contact_ids, asked_at__gte=now - window)
            .exclude(pk__in=ids)
            .exclude(status__in=NOT_ASKED)
            .values_list("contact_id", "asked_at", "survey_id")
        )
        for contact_id, asked_at, survey_id in earlier:
            ledger.setdefault(contact_id, []).append((asked_at, survey_id))
        room = None
        if rules.daily_cap:
            if rules.pk:  # senders count against the cap one at a time
                list(DistributionSettings.objects.select_for_update().filter(pk=rules.pk))
            workspace_zone = zone(rules.time_zone)
            tomorrow = next_local_midnight(now, workspace_zone)
            sent_today = Invitation.objects.filter(
                workspace_id=rules.workspace_id, asked_at__gte=tomorrow - timedelta(days=1)
            ).count()
            room = max(rules.daily_cap - sent_today, 0)
        allowed = []
        for invitation in invitations:
            asks = ledger.setdefault(invitation.contact_id, [])
            free_at = _free_at(asks, invitation.survey_id, rules, now)
            if free_at is not None:
                decisions[invitation.pk] = Decision(False, free_at, throttled=True)
            elif room is not None and room <= 0:
                decisions[invitation.pk] = Decision(False, tomorrow)
            else:
                decisions[invitation.pk] = Decision(True)
                asks.append((now, invitation.survey_id))  # a second invitation in this batch
                allowed.append(invitation.pk)
                if room is not None:
                    room -= 1
        Invitation.objects.filter(pk__in=allowed).update(asked_at=now)
    for invitation in invitations:
        if invitation.pk in allowed:
            invitation.asked_at = now
    return decisions
