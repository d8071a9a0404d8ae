from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    """The site shell: layout, home page, health check and the `serve` command."""

    name = "opennps.web"
    verbose_name = _("Web")
