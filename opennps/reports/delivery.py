"""The worker's side of scheduled reports: send a due period once, and queue the next one."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from opennps.accounts.models import User
from opennps.analytics.queries import Filters
from opennps.reports.actions import queue_delivery, refresh_next_run
from opennps.reports.content import ReportContent, build_report
from opennps.reports.models import ReportDelivery, ScheduledReport
from opennps.reports.schedule import (
    Period,
    next_period_to_send,
    preceding,
    recent_periods,
    unit_of,
)
from opennps.work.email import queue_email
from opennps.work.models import WorkStatus

TREND_PERIODS = 6


@dataclass(frozen=True)
class ReportEmail:
    subject: str
    text: str
    html: str


def recipients_of(report: ScheduledReport) -> list[str]:
    """Chosen members who are still members (someone who left gets nothing) and still active."""
    return list(
        User.objects.filter(
            pk__in=report.recipients.values("pk"),
            memberships__workspace_id=report.workspace_id,
            is_active=True,
        )
        .order_by("email")
        .values_list("email", flat=True)
    )


def dashboard_link(report: ScheduledReport, period: Period) -> str:
    query = [("from", period.start.isoformat()), ("to", period.end.isoformat())]
    if report.survey_id:
        query.append(("survey", str(report.survey_id)))
    try:
        path = reverse("analytics:dashboard", args=[report.workspace_id])
    except NoReverseMatch:  # without the dashboard app, the responses of the period
        path = reverse("verbatims:responses", args=[report.workspace_id])
    return f"{settings.BASE_URL}{path}?{urlencode(query)}"


def report_content(report: ScheduledReport, period: Period) -> ReportContent:
    before = preceding(period, report.frequency)
    filters = Filters(
        workspace_id=report.workspace_id,
        survey_ids=(report.survey_id,) if report.survey_id else (),
        date_from=period.start,
        date_to=period.end,
    )
    return build_report(
        filters,
        by=unit_of(report.frequency),
        trend_from=recent_periods(period, report.frequency, TREND_PERIODS)[0].start,
        previous=(before.start, before.end),
    )


def render_report_email(report: ScheduledReport, period: Period) -> ReportEmail:
    """The message in the report's language: the same numbers as plain text and as HTML."""
    with translation.override(report.language):
        content = report_content(report, period)
        scope = report.survey.name if report.survey else report.workspace.name
        dates = _("%(start)s to %(end)s") % {
            "start": date_format(period.start, "DATE_FORMAT"),
            "end": date_format(period.end, "DATE_FORMAT"),
        }
        subject = {
            "weekly": _("Weekly NPS report for %(scope)s: %(dates)s"),
            "monthly": _("Monthly NPS report for %(scope)s: %(dates)s"),
            "quarterly": _("Quarterly NPS report for %(scope)s: %(dates)s"),
        }[report.frequency] % {"scope": scope, "dates": dates}
        context = {
            "report": report,
            "scope": scope,
            "dates": dates,
            "content": content,
            "link": dashboard_link(report, period),
            "frequency": report.get_frequency_display(),
        }
        return ReportEmail(
            subject=subject,
            text=render_to_string("reports/email.txt", context),
            html=render_to_string("reports/email.html", context),
        )


def deliver_report(delivery: ReportDelivery) -> None:
    """Handler of the "report_deliveries" queue; safe to run twice for the same delivery."""
    delivery = ReportDelivery.objects.select_related("report__workspace", "report__survey").get(
        pk=delivery.pk
    )
    report = delivery.report
    if delivery.sent_at is not None or not report.active:
        return
    period = Period(delivery.period_start, delivery.period_end)
    # Queue the next period first, so one failing period never ends the schedule.
    pending = ReportDelivery.objects.filter(
        report=report, status=WorkStatus.PENDING, sent_at__isnull=True
    ).exclude(pk=delivery.pk)
    if not pending.exists():
        queue_delivery(report, next_period_to_send(report.frequency, period, timezone.now()))
    addresses = recipients_of(report)
    message = render_report_email(report, period) if addresses else None
    now = timezone.now()
    with transaction.atomic():
        # The conditional update is the once-only gate: a second worker finds sent_at set.
        claimed = ReportDelivery.objects.filter(pk=delivery.pk, sent_at__isnull=True).update(
            sent_at=now, recipient_count=len(addresses)
        )
        if not claimed:
            return
        if message is not None:
            for address in addresses:  # one message each: members do not see each other's address
                queue_email([address], message.subject, message.text, message.html)
            ScheduledReport.objects.filter(pk=report.pk).update(last_sent_at=now)
    refresh_next_run(report)
