from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Scheduled e-mail reports: which members get which summary how often, and what was sent."""

    name = "opennps.reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from opennps.reports.delivery import deliver_report
        from opennps.reports.models import ReportDelivery
        from opennps.work.registry import register_queue

        register_queue("report_deliveries", ReportDelivery, deliver_report, batch=5)
