from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResponsesConfig(AppConfig):
    """Answers: the public survey page, the score and its follow-ups."""

    name = "opennps.responses"
    verbose_name = _("Responses")
