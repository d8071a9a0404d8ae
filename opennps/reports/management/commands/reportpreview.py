"""`opennps reportpreview REPORT_ID`: print a scheduled report's e-mail for its latest finished
period, without sending it (to check wording and numbers, or what a worker would send)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from opennps.reports.delivery import render_report_email
from opennps.reports.models import ScheduledReport
from opennps.reports.schedule import latest_due_period, period_containing


class Command(BaseCommand):
    help = "Print a scheduled report's e-mail (plain text, or HTML) without sending it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("report_id", type=int, help="the report's id (see /w/<id>/reports/)")
        parser.add_argument(
            "--day",
            type=date.fromisoformat,
            help="a day of the period to show (YYYY-MM-DD); default: the latest finished period",
        )
        parser.add_argument("--html", action="store_true", help="print the HTML part instead")

    def handle(self, *args: Any, **options: Any) -> None:
        report = (
            ScheduledReport.objects.select_related("workspace", "survey")
            .filter(pk=options["report_id"])
            .first()
        )
        if report is None:
            raise CommandError(f"There is no scheduled report {options['report_id']}.")
        if options["day"]:
            period = period_containing(options["day"], report.frequency)
        else:
            period = latest_due_period(report.frequency, timezone.now())
        message = render_report_email(report, period)
        self.stdout.write(f"Subject: {message.subject}\n")
        self.stdout.write(message.html if options["html"] else message.text)
