from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    """Rollups of score counts and the queries the dashboard, API and reports share."""

    name = "opennps.analytics"
    verbose_name = _("Analytics")
