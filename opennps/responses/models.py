from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opennps.accounts.models import Workspace
from opennps.contacts.models import Contact
from opennps.distribution.models import Channel, Invitation
from opennps.surveys.models import Survey, SurveyVersion

COMMENT_MAX_LENGTH = 5000


class NpsClassChoices(models.TextChoices):
    PROMOTER = "promoter", _("Promoter")
    PASSIVE = "passive", _("Passive")
    DETRACTOR = "detractor", _("Detractor")


class Response(models.Model):
    """One person's answer to one survey: the score first, then whatever else they chose to say."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="responses")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    version = models.ForeignKey(SurveyVersion, on_delete=models.PROTECT, related_name="responses")
    score = models.PositiveSmallIntegerField()
    nps_class = models.CharField(max_length=10, choices=NpsClassChoices.choices)
    comment = models.TextField(blank=True, max_length=COMMENT_MAX_LENGTH)
    third_answer = models.TextField(blank=True, max_length=COMMENT_MAX_LENGTH)
    answers = models.JSONField(default=dict, blank=True)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    language = models.CharField(max_length=10, blank=True)
    # Both stay empty for eNPS: anonymity is a property of the row, not a promise of the UI.
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="responses"
    )
    invitation = models.ForeignKey(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="responses"
    )
    attributes = models.JSONField(default=dict, blank=True)
    # Who recorded a phone interview (channel "phone"); empty for answers people gave themselves.
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Hash of a random per-browser id (open links): lets a re-submission update the same row.
    respondent_key = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField()

    class Meta:
        indexes: ClassVar = [
            models.Index(fields=["survey", "created_at"]),
            models.Index(fields=["workspace", "created_at"]),
            models.Index(fields=["survey", "respondent_key"]),
        ]

    def __str__(self) -> str:
        return f"{self.score} on {self.survey} (#{self.pk})"


class IdempotencyKey(models.Model):
    """Remembers an API create, so a retry with the same `Idempotency-Key` returns the first result."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)
    fingerprint = models.CharField(max_length=64)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["workspace", "key"], name="idempotency_key_unique")
        ]

    def __str__(self) -> str:
        return self.key
