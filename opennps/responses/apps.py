from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResponsesConfig(AppConfig):
    """Answers: the public survey page, the score and its follow-ups."""

    name = "opennps.responses"
    verbose_name = _("Responses")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from opennps.responses.prefetch import forget_version
        from opennps.surveys.models import SurveyVersion

        post_save.connect(forget_version, sender=SurveyVersion, dispatch_uid="forget_version")
        post_delete.connect(forget_version, sender=SurveyVersion, dispatch_uid="forget_version_d")
