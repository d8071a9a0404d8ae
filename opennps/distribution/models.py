from __future__ import annotations

import secrets
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opennps.accounts.models import Workspace, hash_secret
from opennps.contacts.models import Contact
from opennps.surveys.models import Survey
from opennps.work.models import WorkItem


class Channel(models.TextChoices):
    WEB = "web", _("Web link")
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")
    WIDGET = "widget", _("Website widget")
    KIOSK = "kiosk", _("Kiosk")
    PHONE = "phone", _("Phone interview")
    API = "api", _("API")


class InvitationStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    DELIVERED = "delivered", _("Delivered")
    OPENED = "opened", _("Opened")
    RESPONDED = "responded", _("Responded")
    BOUNCED = "bounced", _("Bounced")
    FAILED = "failed", _("Failed")
    THROTTLED = "throttled", _("Throttled")
    EXPIRED = "expired", _("Expired")
    # Never sent: the campaign was cancelled, or the contact unsubscribed before it went out.
    CANCELLED = "cancelled", _("Cancelled")


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    SENDING = "sending", _("Sending")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Campaign(models.Model):
    """One survey sent to a segment of contacts over one channel."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="campaigns")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="campaigns")
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    # {"attributes": {name: value}, "languages": [code, ...]}; see segments.py.
    segment = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT
    )
    scheduled_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # How many contacts the segment matched when the campaign was queued; progress is counted
    # from the invitations (campaigns.progress), so it cannot drift from what happened.
    contacts_count = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"campaign #{self.pk} of {self.survey}"


class ThrottleAction(models.TextChoices):
    DEFER = "defer", _("Defer until the contact may be asked again")
    DROP = "drop", _("Drop (keep it marked as throttled)")


class DistributionSettings(models.Model):
    """A workspace's timing rules; a workspace without a row uses the defaults below."""

    workspace = models.OneToOneField(
        Workspace, on_delete=models.CASCADE, related_name="distribution_settings"
    )
    days_between_any_survey = models.PositiveIntegerField(default=90)
    days_between_same_survey = models.PositiveIntegerField(default=30)
    throttle_action = models.CharField(
        max_length=5, choices=ThrottleAction.choices, default=ThrottleAction.DEFER
    )
    daily_cap = models.PositiveIntegerField(default=0, help_text=_("0 means no cap."))
    # Local hours (contact's time zone) in which no message goes out; equal values turn it off.
    quiet_hours_start = models.PositiveSmallIntegerField(default=21)
    quiet_hours_end = models.PositiveSmallIntegerField(default=8)
    time_zone = models.CharField(max_length=64, default="UTC")
    reminder_after_days = models.PositiveIntegerField(default=3, help_text=_("0 sends none."))

    def __str__(self) -> str:
        return f"distribution settings of {self.workspace}"


class Invitation(models.Model):
    """One contact asked one survey through one channel; its token opens `/r/<token>`.

    Only the token's hash is stored, so a database leak does not leak working links.
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="invitations")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="invitations")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.QUEUED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    # For eNPS only the fact is kept, not the time, so it cannot be matched to a response.
    responded = models.BooleanField(default=False)
    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, null=True, blank=True, related_name="invitations"
    )
    # The token of a queued message is derived from this seed and SECRET_KEY (tokens.py); the seed
    # is cleared once no further message needs the link, so only the hash remains.
    token_seed = models.CharField(max_length=32, blank=True)
    # The throttling ledger: when this invitation took the contact's "asked" slot.
    asked_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes: ClassVar = [
            models.Index(fields=["survey", "status"]),
            models.Index(fields=["contact", "asked_at"], name="invitation_ledger"),
            models.Index(fields=["workspace", "asked_at"], name="invitation_daily_cap"),
        ]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["campaign", "contact"], name="one_invitation_per_contact_in_campaign"
            )
        ]

    def __str__(self) -> str:
        return f"invitation #{self.pk} to {self.survey}"


def create_invitation(survey: Survey, contact: Contact, channel: str) -> tuple[Invitation, str]:
    """A new invitation and its token (returned once; only the hash is kept)."""
    token = secrets.token_urlsafe(24)
    invitation = Invitation.objects.create(
        workspace=survey.workspace,
        survey=survey,
        contact=contact,
        channel=channel,
        token_hash=hash_secret(token),
    )
    return invitation, token


def invitation_for_token(token: str) -> Invitation | None:
    if not token or len(token) > 100:
        return None
    return (
        Invitation.objects.select_related("survey", "contact", "workspace")
        .filter(token_hash=hash_secret(token))
        .first()
    )


class DeliveryKind(models.TextChoices):
    INVITATION = "invitation", _("Invitation")
    REMINDER = "reminder", _("Reminder")


class Delivery(WorkItem):
    """One message to send for an invitation: the work queue the worker claims from.

    A table of its own rather than work fields on Invitation, because Invitation.status is the
    respondent-facing state (sent, opened, responded) while these fields are the sender's (pending,
    running, retry at); a reminder is a second Delivery of the same invitation.
    """

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="deliveries")
    kind = models.CharField(
        max_length=10, choices=DeliveryKind.choices, default=DeliveryKind.INVITATION
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta(WorkItem.Meta):
        indexes: ClassVar = [
            models.Index(fields=["status", "next_attempt_at"], name="delivery_due")
        ]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["invitation", "kind"], name="one_delivery_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.status})"


# Models of triggers, relationship schedules and SMS settings live in their own module.
from opennps.distribution.models_automation import (  # noqa: E402
    Event,
    RelationshipRun,
    RelationshipSchedule,
    SmsSettings,
    TriggerRule,
)

__all__ = [
    "Campaign",
    "Delivery",
    "DistributionSettings",
    "Event",
    "Invitation",
    "RelationshipRun",
    "RelationshipSchedule",
    "SmsSettings",
    "TriggerRule",
]
