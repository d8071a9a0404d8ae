from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    """Alert rules on answers, and signed webhooks of every response event for CRM sync."""

    name = "opennps.alerts"
    verbose_name = _("Alerts and webhooks")

    def ready(self) -> None:
        from opennps.alerts.digests import send_digest
        from opennps.alerts.evaluation import check_response
        from opennps.alerts.listeners import (
            load_what_workspaces_use_with_surveys,
            on_comment_analysed,
            on_response_event,
        )
        from opennps.alerts.models import AlertCheck, AlertDigest, WebhookDelivery
        from opennps.alerts.webhooks import deliver_webhook
        from opennps.comments.events import listen_analysis
        from opennps.responses.events import listen
        from opennps.work.registry import register_queue

        listen(on_response_event)
        load_what_workspaces_use_with_surveys()
        listen_analysis(on_comment_analysed)
        # Checks before deliveries: a pass that finds a match also posts its webhook.
        register_queue("alert_checks", AlertCheck, check_response, batch=20)
        register_queue("alert_digests", AlertDigest, send_digest, batch=5)
        register_queue("webhook_deliveries", WebhookDelivery, deliver_webhook, batch=10)
