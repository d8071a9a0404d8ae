"""Scheduled reports and their deliveries.

A delivery is one (report, period) pair and also the queue row the worker claims: the unique
constraint makes "this period was sent" a fact of the database, so two workers, a retried lease or
a double scheduling can never send one period twice.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opennps.accounts.models import Workspace
from opennps.surveys.models import Survey
from opennps.work.models import WorkItem


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")


class ScheduledReport(models.Model):
    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="scheduled_reports"
    )
    # Empty: the whole workspace.
    survey = models.ForeignKey(
        Survey,
        verbose_name=_("survey"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="scheduled_reports",
    )
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    recipients = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("recipients"), related_name="+"
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    active = models.BooleanField(_("active"), default=True)
    next_run_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_frequency_display()} report #{self.pk} ({self.workspace})"


class ReportDelivery(WorkItem):
    """One period of one report: due when the period is over, sent at most once."""

    report = models.ForeignKey(ScheduledReport, on_delete=models.CASCADE, related_name="deliveries")
    period_start = models.DateField()
    period_end = models.DateField()  # included
    sent_at = models.DateTimeField(null=True, blank=True)
    recipient_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta(WorkItem.Meta):
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["report", "period_start"], name="one_delivery_per_period"
            )
        ]
        indexes: ClassVar = [
            models.Index(fields=["status", "next_attempt_at"], name="report_delivery_due")
        ]

    def __str__(self) -> str:
        return f"report #{self.report_id} for {self.period_start}..{self.period_end}"
