from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    """NPS and eNPS surveys: wording per language, follow-ups, extra questions, branding, versions."""

    name = "opennps.surveys"
    verbose_name = _("Surveys")
