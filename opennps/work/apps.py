from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkConfig(AppConfig):
    """Background work without a broker: rows are the queue, workers claim them with a lease."""

    name = "opennps.work"
    verbose_name = _("Background work")

    def ready(self) -> None:
        from opennps.work.email import EMAIL_JOB, send_email_job
        from opennps.work.registry import register_job

        register_job(EMAIL_JOB, send_email_job)
