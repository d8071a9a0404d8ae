"""Queueing, watching and cancelling campaigns."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from opennps.distribution.models import (
    Campaign,
    CampaignStatus,
    Channel,
    Delivery,
    Invitation,
    InvitationStatus,
)
from opennps.distribution.segments import reachable_by, segment_contacts
from opennps.distribution.sms.providers import sms_configured
from opennps.distribution.tokens import new_seed, token_hash_from_seed
from opennps.surveys.models import Survey, SurveyStatus
from opennps.work.models import WorkStatus

BATCH = 2000
CHANNELS = (Channel.EMAIL, Channel.SMS)


class CampaignError(ValueError):
    """A campaign that cannot be queued; the message says why."""


@transaction.atomic
def queue_campaign(
    survey: Survey,
    channel: str = Channel.EMAIL,
    segment: dict[str, Any] | None = None,
    *,
    created_by: Any = None,
    scheduled_at: datetime | None = None,
    spread_over: timedelta | None = None,
) -> Campaign:
    """One invitation and one pending delivery per reachable contact of the segment.

    With `spread_over`, the messages are due at evenly spaced times from `scheduled_at` (or now)
    across that period instead of all at once (relationship surveys).

    All in one transaction, so a campaign is queued completely or not at all; the unique
    (campaign, contact) constraint makes a second invitation to the same person impossible.
    """
    if channel not in CHANNELS:
        raise CampaignError(f"channel {channel!r} cannot send campaigns; use email or sms")
    if channel == Channel.SMS and not sms_configured(survey.workspace_id):
        raise CampaignError(
            "no SMS provider is configured: set OPENNPS_SMS_PROVIDER or the workspace's SMS settings"
        )
    if survey.status != SurveyStatus.ACTIVE:
        raise CampaignError(f"survey {survey.pk} is {survey.status}; activate it first")
    segment = segment or {}
    campaign = Campaign.objects.create(
        workspace=survey.workspace,
        survey=survey,
        channel=channel,
        segment=segment,
        status=CampaignStatus.SCHEDULED if scheduled_at else CampaignStatus.SENDING,
        scheduled_at=scheduled_at,
        created_by=created_by,
    )
    contacts = reachable_by(channel, segment_contacts(survey.workspace, segment))
    contact_ids = list(contacts.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(contact_ids), BATCH):
        rows = []
        for contact_id in contact_ids[start : start + BATCH]:
            seed = new_seed()
            rows.append(
                Invitation(
                    workspace_id=survey.workspace_id,
                    survey=survey,
                    contact_id=contact_id,
                    channel=channel,
                    campaign=campaign,
                    token_seed=seed,
                    token_hash=token_hash_from_seed(seed),
                )
            )
        Invitation.objects.bulk_create(rows)
    due = scheduled_at or timezone.now()
    invitation_ids = Invitation.objects.filter(campaign=campaign).values_list("pk", flat=True)
    ids = list(invitation_ids.order_by("pk"))
    step = spread_over / len(ids) if spread_over and ids else timedelta(0)
    for start in range(0, len(ids), BATCH):
        Delivery.objects.bulk_create(
            [
                Delivery(invitation_id=pk, next_attempt_at=due + step * (start + offset))
                for offset, pk in enumerate(ids[start : start + BATCH])
            ]
        )
    campaign.contacts_count = len(ids)
    campaign.save(update_fields=["contacts_count"])
    return campaign


def progress(campaign: Campaign) -> dict[str, int]:
    """Invitations by status, plus `pending` messages; a campaign with none left becomes done."""
    counts = dict(
        Invitation.objects.filter(campaign=campaign)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    result = {status: counts.get(status, 0) for status in InvitationStatus.values}
    result["pending"] = (
        Delivery.objects.filter(invitation__campaign=campaign, kind="invitation")
        .exclude(status__in=[WorkStatus.DONE, WorkStatus.FAILED])
        .count()
    )
    result["total"] = campaign.contacts_count
    if result["pending"] == 0 and campaign.status in (
        CampaignStatus.SENDING,
        CampaignStatus.SCHEDULED,
    ):
        Campaign.objects.filter(pk=campaign.pk, status=campaign.status).update(
            status=CampaignStatus.DONE, finished_at=timezone.now()
        )
        campaign.status = CampaignStatus.DONE
    return result


@transaction.atomic
def cancel_campaign(campaign: Campaign) -> int:
    """Stop a campaign: messages not yet sent never go out. Returns how many were stopped.

    Messages of a batch a worker has already claimed may still go: a worker reads the campaign's
    state once per claimed batch (at most 50 messages, about a second of sending).
    """
    Campaign.objects.filter(pk=campaign.pk).update(
        status=CampaignStatus.CANCELLED, finished_at=timezone.now()
    )
    campaign.status = CampaignStatus.CANCELLED
    stopped = Delivery.objects.filter(
        invitation__campaign=campaign, status=WorkStatus.PENDING
    ).update(status=WorkStatus.DONE, finished_at=timezone.now(), last_error="campaign cancelled")
    Invitation.objects.filter(
        campaign=campaign, status__in=[InvitationStatus.QUEUED, InvitationStatus.THROTTLED]
    ).update(status=InvitationStatus.CANCELLED, token_seed="")
    return stopped
