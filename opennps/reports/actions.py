"""Creating, changing and deleting scheduled reports, and keeping their next delivery queued.

Each active report has exactly one pending delivery: the next period to send. A delivery, once
handled, queues the one after it (see delivery.py); editing a report replaces its pending one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opennps.accounts.models import User, Workspace
from opennps.reports.models import Frequency, ReportDelivery, ScheduledReport
from opennps.reports.schedule import Period, due_at, latest_due_period, next_period_to_send
from opennps.surveys.models import Survey
from opennps.work.models import WorkStatus


class ReportSettingsError(ValueError):
    """A report setting that cannot be saved; `field` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _checked(
    workspace: Workspace,
    survey: Survey | None,
    frequency: str,
    language: str,
    recipients: Iterable[User],
) -> list[User]:
    if survey is not None and survey.workspace_id != workspace.pk:
        raise ReportSettingsError("survey", _("Choose a survey of this workspace."))
    if frequency not in Frequency.values:
        raise ReportSettingsError("frequency", _("Choose weekly, monthly or quarterly."))
    if language not in dict(settings.LANGUAGES):
        raise ReportSettingsError("language", _("Choose one of the listed languages."))
    chosen = list(recipients)
    if not chosen:
        raise ReportSettingsError("recipients", _("Choose at least one member to send it to."))
    members = set(
        User.objects.filter(memberships__workspace=workspace).values_list("pk", flat=True)
    )
    if any(user.pk not in members for user in chosen):
        raise ReportSettingsError("recipients", _("Reports go to members of this workspace only."))
    return chosen


@transaction.atomic
def create_report(
    workspace: Workspace,
    created_by: User | None,
    *,
    frequency: str,
    recipients: Iterable[User],
    language: str,
    survey: Survey | None = None,
    active: bool = True,
    send_latest_now: bool = False,
) -> ScheduledReport:
    """A new report. `send_latest_now` also sends the latest finished period at once."""
    chosen = _checked(workspace, survey, frequency, language, recipients)
    report = ScheduledReport.objects.create(
        workspace=workspace,
        survey=survey,
        frequency=frequency,
        language=language,
        active=active,
        created_by=created_by,
    )
    report.recipients.set(chosen)
    if active:
        now = timezone.now()
        if send_latest_now:
            queue_delivery(report, latest_due_period(frequency, now))
        queue_delivery(report, next_period_to_send(frequency, None, now))
        refresh_next_run(report)
    return report


@transaction.atomic
def update_report(
    report: ScheduledReport,
    *,
    frequency: str,
    recipients: Iterable[User],
    language: str,
    survey: Survey | None = None,
    active: bool = True,
) -> ScheduledReport:
    chosen = _checked(report.workspace, survey, frequency, language, recipients)
    rescheduled = frequency != report.frequency or active != report.active
    report.survey, report.frequency, report.language, report.active = (
        survey,
        frequency,
        language,
        active,
    )
    report.save(update_fields=["survey", "frequency", "language", "active"])
    report.recipients.set(chosen)
    if rescheduled:
        _drop_pending(report)
        if active:
            queue_delivery(report, next_period_to_send(frequency, None, timezone.now()))
    refresh_next_run(report)
    return report


def delete_report(report: ScheduledReport) -> None:
    report.delete()  # its deliveries go with it


def _drop_pending(report: ScheduledReport) -> None:
    # A delivery a worker holds right now (running) finishes; one not started is dropped.
    ReportDelivery.objects.filter(
        report=report, status=WorkStatus.PENDING, sent_at__isnull=True
    ).delete()


def queue_delivery(report: ScheduledReport, period: Period) -> ReportDelivery:
    """The delivery of `period`, created if it is not there yet (safe to call twice, or from two
    workers at once: the unique (report, period) row decides)."""
    try:
        with transaction.atomic():
            delivery, _created = ReportDelivery.objects.get_or_create(
                report=report,
                period_start=period.start,
                defaults={"period_end": period.end, "next_attempt_at": due_at(period)},
            )
    except IntegrityError:  # another worker created it between our read and our insert
        delivery = ReportDelivery.objects.get(report=report, period_start=period.start)
    return delivery


def refresh_next_run(report: ScheduledReport) -> datetime | None:
    """Copy the earliest pending delivery's due time to the report, for the pages to show."""
    pending = (
        ReportDelivery.objects.filter(
            report=report, status=WorkStatus.PENDING, sent_at__isnull=True
        )
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
    next_run = pending if report.active else None
    ScheduledReport.objects.filter(pk=report.pk).update(next_run_at=next_run)
    report.next_run_at = next_run
    return next_run
