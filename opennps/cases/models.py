"""Cases (one per critic's response), their activity log, playbook overrides and promoter clicks."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opennps.accounts.models import Workspace
from opennps.contacts.models import Contact
from opennps.distribution.models import Invitation
from opennps.responses.models import Response
from opennps.surveys.models import Survey

DEFAULT_SLA_HOURS = 48


class CaseSettings(models.Model):
    """A workspace's loop rules; a workspace without a row uses the defaults below."""

    workspace = models.OneToOneField(
        Workspace, on_delete=models.CASCADE, related_name="case_settings"
    )
    open_for_passives = models.BooleanField(_("open cases for passives too"), default=False)
    sla_hours = models.PositiveIntegerField(_("hours to first contact (SLA)"), default=48)
    resurvey_after_days = models.PositiveIntegerField(
        _("re-survey this many days after a case is resolved"),
        null=True,
        blank=True,
        help_text=_("Leave empty to send no re-survey."),
    )
    priority_attribute = models.CharField(
        _("attribute holding the account's value"), max_length=50, default="revenue"
    )
    high_value_from = models.DecimalField(
        _("high priority from this value"), max_digits=14, decimal_places=2, default=10_000
    )
    urgent_value_from = models.DecimalField(
        _("urgent priority from this value"), max_digits=14, decimal_places=2, default=100_000
    )
    # {"plan=enterprise": "high", ...}: a segment that sets the priority when the value does not.
    priority_segments = models.JSONField(_("priority by segment"), default=dict, blank=True)

    def __str__(self) -> str:
        return f"case settings of {self.workspace}"


class CaseStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    CONTACTED = "contacted", _("Contacted")
    RESOLVED = "resolved", _("Resolved")
    WON_BACK = "won_back", _("Won back")
    UNREACHABLE = "unreachable", _("Unreachable")


OPEN_STATUSES = (CaseStatus.NEW, CaseStatus.IN_PROGRESS, CaseStatus.CONTACTED)
CLOSED_STATUSES = (CaseStatus.RESOLVED, CaseStatus.WON_BACK, CaseStatus.UNREACHABLE)


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


class Case(models.Model):
    """The follow-up of one response: who calls back, by when, and what came of it."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="cases")
    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="case")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="cases")
    # Empty for eNPS and anonymous answers: an anonymous case carries no identity.
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="cases"
    )
    nps_class = models.CharField(max_length=10)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
    )
    priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.NORMAL)
    status = models.CharField(max_length=12, choices=CaseStatus.choices, default=CaseStatus.NEW)
    opened_at = models.DateTimeField()
    due_at = models.DateTimeField()
    first_contacted_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resurvey_invitation = models.ForeignKey(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recovery_response = models.ForeignKey(
        Response, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recovered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["due_at", "pk"]
        indexes: ClassVar = [
            models.Index(fields=["workspace", "status", "due_at"], name="case_inbox"),
            models.Index(fields=["workspace", "assignee", "status"], name="case_assignee"),
        ]

    def __str__(self) -> str:
        return f"case #{self.pk} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class ActivityKind(models.TextChoices):
    OPENED = "opened", _("Opened")
    ASSIGNED = "assigned", _("Assigned")
    STATUS = "status", _("Status changed")
    PRIORITY = "priority", _("Priority changed")
    NOTE = "note", _("Note")
    REPLY = "reply", _("Reply sent")
    INBOUND = "inbound", _("Customer replied")
    RESURVEY = "resurvey", _("Re-survey queued")
    RECOVERED = "recovered", _("Recovered")


class CaseActivity(models.Model):
    """One line of a case's log: who did what, when. Notes are lines of kind `note`."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="activities")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=ActivityKind.choices)
    text = models.TextField(blank=True)
    # Machine-readable detail ({"from": ..., "to": ...}) so the page can word it in any language.
    detail = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering: ClassVar = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} on case #{self.case_id}"


class PlaybookGroup(models.TextChoices):
    DETRACTOR = "detractor", _("Detractors")
    PASSIVE = "passive", _("Passives")
    PROMOTER = "promoter", _("Promoters")
    NON_RESPONDENT = "non_respondent", _("Non-respondents")


class PlaybookOverride(models.Model):
    """A workspace's own playbook for one group in one language; absent = the shipped text."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="playbooks")
    group = models.CharField(max_length=16, choices=PlaybookGroup.choices)
    language = models.CharField(max_length=10)
    steps = models.JSONField(default=list)
    reply_subject = models.CharField(max_length=200, blank=True)
    reply_body = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["workspace", "group", "language"], name="one_playbook_per_group_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.group} playbook [{self.language}] of {self.workspace}"


class PromoterClick(models.Model):
    """A click on the thank-you page's review or referral link (promoter activation)."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="+")
    response = models.ForeignKey(
        Response, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    clicked_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"click on {self.survey}"
