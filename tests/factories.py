"""Objects many tests need, made one way: an active survey with its first version published."""

from __future__ import annotations

from typing import Any

from opennps.accounts.models import Workspace
from opennps.surveys.models import ExtraQuestion, Survey
from opennps.surveys.versions import publish_version


def active_survey(workspace: Workspace, questions: tuple[dict, ...] = (), **fields: Any) -> Survey:
    """An active survey named "Main" of the brand "Shop" (override any field), published."""
    defaults: dict[str, Any] = {
        "name": "Main",
        "brand": "Shop",
        "status": "active",
        "languages": ["en", "ru"],
    }
    survey = Survey.objects.create(workspace=workspace, **{**defaults, **fields})
    for position, question in enumerate(questions):
        ExtraQuestion.objects.create(survey=survey, position=position, **question)
    publish_version(survey)
    return survey
