from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """Closing the loop: a case per critic, playbooks, replies, recovery and loop metrics."""

    name = "opennps.cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        from opennps.cases.opening import on_response_event
        from opennps.responses.events import listen

        listen(on_response_event)
