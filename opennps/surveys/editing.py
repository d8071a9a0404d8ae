"""Writes of the survey editor: settings, logo, texts, extra questions and status.

Settings and texts go through the shared `opennps.surveys.actions` (the API's path too); this module
adds what only the pages edit: the logo, the repeat limits, extra questions and status changes.
Each function ends by publishing a version (`publish_version`), so the next response points at what
respondents now see while earlier responses keep the version they answered.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from django.core.files import File
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opennps.accounts.models import Workspace
from opennps.surveys import actions as survey_actions
from opennps.surveys.models import ExtraQuestion, Survey, SurveyStatus
from opennps.surveys.versions import publish_version
from opennps.surveys.wording import TEXT_KEYS

# Settings the shared actions (opennps.surveys.actions, also used by the API) do not take.
PAGE_ONLY_FIELDS = ("repeat_days_per_browser", "daily_answers_per_ip")


@dataclass(frozen=True)
class LogoUpload:
    """An uploaded logo whose type was read from its first bytes, never from its name."""

    content: File
    extension: str  # png, jpg or webp


class StatusChangeError(ValueError):
    """A status transition the survey's current status does not allow."""


# action -> (statuses it starts from, status it leads to)
STATUS_ACTIONS: dict[str, tuple[frozenset[str], str]] = {
    "activate": (frozenset({SurveyStatus.DRAFT, SurveyStatus.PAUSED}), SurveyStatus.ACTIVE),
    "pause": (frozenset({SurveyStatus.ACTIVE}), SurveyStatus.PAUSED),
    "close": (frozenset({SurveyStatus.ACTIVE, SurveyStatus.PAUSED}), SurveyStatus.CLOSED),
    "reopen": (frozenset({SurveyStatus.CLOSED}), SurveyStatus.ACTIVE),
}
STATUS_ACTION_LABELS = {
    "activate": gettext_lazy("Activate"),
    "pause": gettext_lazy("Pause"),
    "close": gettext_lazy("Close"),
    "reopen": gettext_lazy("Reopen"),
}


def _shared_fields(values: dict[str, Any], *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        key: values[key]
        for key in survey_actions.EDITABLE_FIELDS
        if key in values and key not in exclude and key != "status"
    }


def _apply_page_only(
    survey: Survey, values: dict[str, Any], logo: LogoUpload | None, remove_logo: bool = False
) -> None:
    for field in PAGE_ONLY_FIELDS:
        if field in values:
            setattr(survey, field, values[field])
    if logo is not None:
        _store_logo(survey, logo)
    elif remove_logo and survey.logo:
        _delete_file_after_commit(survey, survey.logo.name)
        survey.logo = ""
    survey.save(update_fields=[*PAGE_ONLY_FIELDS, "logo", "updated_at"])
    publish_version(survey)


def _store_logo(survey: Survey, logo: LogoUpload) -> None:
    """Save under a random name of our own: the uploaded name never reaches the file system."""
    old_name = survey.logo.name if survey.logo else ""
    name = f"{survey.public_id}-{secrets.token_hex(4)}.{logo.extension}"
    survey.logo.save(name, logo.content, save=False)
    if old_name:
        _delete_file_after_commit(survey, old_name)


def _delete_file_after_commit(survey: Survey, name: str) -> None:
    storage = survey.logo.storage
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def create_survey(
    workspace: Workspace, values: dict[str, Any], logo: LogoUpload | None = None
) -> Survey:
    """A new draft survey. Raises SurveyEditError (from the shared actions) naming bad fields."""
    survey = survey_actions.create_survey(
        workspace,
        name=values["name"],
        brand=values["brand"],
        kind=values["kind"],
        fields=_shared_fields(values, exclude=("name", "brand")),
    )
    _apply_page_only(survey, values, logo)
    return survey


@transaction.atomic
def update_survey(
    survey: Survey,
    values: dict[str, Any],
    logo: LogoUpload | None = None,
    remove_logo: bool = False,
) -> Survey:
    """Apply the settings page; the kind never changes here (see opennps.surveys.actions)."""
    survey = survey_actions.update_survey(survey, fields=_shared_fields(values))
    _apply_page_only(survey, values, logo, remove_logo)
    return survey


def save_texts(survey: Survey, language: str, texts: dict[str, str]) -> Survey:
    """The team's wording in one language; a blank field keeps the shipped default."""
    values = {key: texts.get(key) or "" for key in TEXT_KEYS}
    return survey_actions.update_survey(survey, texts={language: values})


@transaction.atomic
def add_question(
    survey: Survey, key: str, kind: str, required: bool, texts: dict[str, Any]
) -> ExtraQuestion:
    last = survey.extra_questions.aggregate(last=Max("position"))["last"]
    question = ExtraQuestion.objects.create(
        survey=survey,
        key=key,
        kind=kind,
        required=required,
        texts=texts,
        position=0 if last is None else last + 1,
    )
    publish_version(survey)
    return question


@transaction.atomic
def update_question(question: ExtraQuestion, required: bool, texts: dict[str, Any]) -> None:
    question.required = required
    question.texts = texts
    question.save(update_fields=["required", "texts"])
    publish_version(question.survey)


@transaction.atomic
def remove_question(question: ExtraQuestion) -> None:
    survey = question.survey
    question.delete()
    publish_version(survey)


@transaction.atomic
def move_question(question: ExtraQuestion, offset: int) -> None:
    """Move a question up (offset -1) or down (+1); positions become 0..n-1 in the new order."""
    survey = question.survey
    ordered = list(survey.extra_questions.select_for_update().order_by("position", "id"))
    index = next(i for i, other in enumerate(ordered) if other.pk == question.pk)
    target = min(max(index + offset, 0), len(ordered) - 1)
    ordered.insert(target, ordered.pop(index))
    for position, other in enumerate(ordered):
        if other.position != position:
            other.position = position
            other.save(update_fields=["position"])
    publish_version(survey)


def available_actions(survey: Survey) -> list[str]:
    return [
        action for action, (sources, _target) in STATUS_ACTIONS.items() if survey.status in sources
    ]


@transaction.atomic
def change_status(survey: Survey, action: str) -> Survey:
    if action not in STATUS_ACTIONS:
        raise StatusChangeError(_("Unknown action."))
    locked = Survey.objects.select_for_update().get(pk=survey.pk)
    sources, target = STATUS_ACTIONS[action]
    if locked.status not in sources:
        raise StatusChangeError(
            _("A survey that is %(status)s cannot be changed this way.")
            % {"status": locked.get_status_display().lower()}
        )
    locked.status = target
    locked.save(update_fields=["status", "updated_at"])
    survey.status = target
    # Activation is when respondents start to see it: make sure a version exists for them.
    publish_version(locked)
    return locked
