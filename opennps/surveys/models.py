from __future__ import annotations

import secrets
from typing import ClassVar

from django.core.validators import FileExtensionValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from opennps.accounts.models import Workspace
from opennps.surveys.wording import SUPPORTED_LANGUAGES


def new_public_id() -> str:
    """12 URL-safe characters (72 random bits): unguessable, short enough for a QR code.

    Never starting with "-", which a command line would read as an option (`--survey -x…`).
    """
    while (public_id := secrets.token_urlsafe(9)).startswith("-"):
        pass
    return public_id


class SurveyKind(models.TextChoices):
    CUSTOMER = "customer", _("Customer NPS")
    EMPLOYEE = "employee", _("Employee eNPS")


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    CLOSED = "closed", _("Closed")


LANGUAGE_CHOICES = [(code, code) for code in SUPPORTED_LANGUAGES]
hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour like #0b5cad."))


class Survey(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="surveys")
    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=10, choices=SurveyKind.choices, default=SurveyKind.CUSTOMER
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    brand = models.CharField(
        _("brand or company name"),
        max_length=200,
        help_text=_("Inserted into the question in place of {brand}."),
    )
    default_language = models.CharField(
        _("default language"), max_length=10, choices=LANGUAGE_CHOICES, default="en"
    )
    languages = models.JSONField(_("languages"), default=list)
    accent_colour = models.CharField(
        _("accent colour"), max_length=7, default="#0b5cad", validators=[hex_colour]
    )
    logo = models.FileField(
        _("logo"),
        upload_to="logos/",
        blank=True,
        validators=[FileExtensionValidator(["png", "jpg", "jpeg", "webp"])],
    )
    ask_third_question = models.BooleanField(_("ask a third question"), default=False)
    promoter_cta_url = models.URLField(_("link for promoters (review or referral)"), blank=True)
    hidden_attributes = models.JSONField(
        _("hidden attributes allowed in the link"),
        default=list,
        help_text=_("Query-string keys kept with each answer, e.g. store, agent."),
    )
    repeat_days_per_browser = models.PositiveIntegerField(
        _("days before the same browser may answer again"), default=30
    )
    daily_answers_per_ip = models.PositiveIntegerField(
        _("answers per day from one IP address"), default=50
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar = ["-created_at"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_anonymous(self) -> bool:
        """eNPS is anonymous by design: no contact, no invitation link on the response."""
        return self.kind == SurveyKind.EMPLOYEE

    @property
    def all_languages(self) -> list[str]:
        listed = [code for code in self.languages if code in SUPPORTED_LANGUAGES]
        return list(dict.fromkeys([self.default_language, *listed]))


class SurveyText(models.Model):
    """A team's own wording in one language; blank fields fall back to the shipped default."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(max_length=10, choices=LANGUAGE_CHOICES)
    question = models.CharField(max_length=500, blank=True)
    label_low = models.CharField(max_length=100, blank=True)
    label_high = models.CharField(max_length=100, blank=True)
    followup_detractor = models.CharField(max_length=500, blank=True)
    followup_passive = models.CharField(max_length=500, blank=True)
    followup_promoter = models.CharField(max_length=500, blank=True)
    third_question = models.CharField(max_length=500, blank=True)
    thanks_detractor = models.CharField(max_length=500, blank=True)
    thanks_passive = models.CharField(max_length=500, blank=True)
    thanks_promoter = models.CharField(max_length=500, blank=True)
    cta_label = models.CharField(max_length=100, blank=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["survey", "language"], name="one_text_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.survey} [{self.language}]"


class QuestionKind(models.TextChoices):
    ASPECT_RATING = "rating", _("Rating of an aspect (1–5)")
    SINGLE_CHOICE = "choice", _("Single choice")
    FREE_TEXT = "text", _("Free text")


class ExtraQuestion(models.Model):
    """An optional question after the NPS follow-up.

    `texts` maps a language to {"label": str, "choices": [str, ...]}; choices only for single choice.
    """

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="extra_questions")
    key = models.SlugField(max_length=50)
    kind = models.CharField(max_length=10, choices=QuestionKind.choices)
    required = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)
    texts = models.JSONField(default=dict)

    class Meta:
        ordering: ClassVar = ["position", "id"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["survey", "key"], name="question_key_unique_in_survey")
        ]

    def __str__(self) -> str:
        return f"{self.survey}: {self.key}"


class SurveyVersion(models.Model):
    """What respondents were shown: an immutable snapshot, so edits never rewrite history."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["-number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["survey", "number"], name="version_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.survey} v{self.number}"
