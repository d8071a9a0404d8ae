from __future__ import annotations

import secrets
from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from opennps.accounts.models import Workspace, hash_secret
from opennps.contacts.models import Contact
from opennps.surveys.models import Survey


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

    class Meta:
        indexes: ClassVar = [models.Index(fields=["survey", "status"])]

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
