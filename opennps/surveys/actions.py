"""Creating and editing surveys: the API (and any page that wants to) share these two functions.

Both validate with the model's own rules, save, and then publish a version, so respondents always
answer a snapshot of the survey as it is now and earlier responses keep the version they answered.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from opennps.accounts.models import Workspace
from opennps.surveys.models import Survey, SurveyKind, SurveyText
from opennps.surveys.versions import publish_version
from opennps.surveys.wording import SUPPORTED_LANGUAGES, TEXT_KEYS

# What an edit may change. `kind` is fixed at creation: turning an anonymous eNPS survey into a
# customer survey (or back) would change the promise made to everyone who already answered.
EDITABLE_FIELDS = (
    "name",
    "brand",
    "status",
    "default_language",
    "languages",
    "accent_colour",
    "ask_third_question",
    "promoter_cta_url",
    "hidden_attributes",
)


class SurveyEditError(ValueError):
    """Input the survey cannot take: `errors` maps a field ("languages", "texts.ru") to sentences."""

    def __init__(self, errors: Mapping[str, list[str]]) -> None:
        self.errors = {field: list(messages) for field, messages in errors.items()}
        super().__init__("; ".join(f"{f}: {' '.join(m)}" for f, m in self.errors.items()))


@transaction.atomic
def create_survey(
    workspace: Workspace,
    *,
    name: str,
    brand: str,
    kind: str = SurveyKind.CUSTOMER,
    fields: Mapping[str, Any] | None = None,
    texts: Mapping[str, Mapping[str, str]] | None = None,
) -> Survey:
    """A new survey of `workspace` with its first version published.

    `fields` holds any of EDITABLE_FIELDS; `texts` maps a language to {text key: own wording}
    (blank means the shipped default). Raises SurveyEditError naming every bad field.
    """
    survey = Survey(workspace=workspace, name=name, brand=brand, kind=kind)
    _apply_fields(survey, fields or {})
    _validate(survey)
    survey.save()
    _save_texts(survey, texts or {})
    publish_version(survey)
    return survey


@transaction.atomic
def update_survey(
    survey: Survey,
    fields: Mapping[str, Any] | None = None,
    texts: Mapping[str, Mapping[str, str]] | None = None,
) -> Survey:
    """Apply the given fields and texts (others are kept) and publish a version if what
    respondents see changed. Returns the saved survey, read again under a row lock so two
    concurrent edits apply one after the other.
    """
    fields = dict(fields or {})
    locked = Survey.objects.select_for_update().get(pk=survey.pk)
    kind = fields.pop("kind", locked.kind)
    if kind != locked.kind:
        raise SurveyEditError(
            {"kind": [_("The kind of a survey cannot change; create a new survey instead.")]}
        )
    _apply_fields(locked, fields)
    _validate(locked)
    locked.save()
    _save_texts(locked, texts or {})
    publish_version(locked)
    return locked


def _apply_fields(survey: Survey, fields: Mapping[str, Any]) -> None:
    unknown = sorted(set(fields) - set(EDITABLE_FIELDS))
    if unknown:
        raise SurveyEditError({name: [_("This field cannot be set.")] for name in unknown})
    for name, value in fields.items():
        setattr(survey, name, value)
    # The default language is always one of the survey's languages, and listed first.
    listed = [code for code in survey.languages or [] if code != survey.default_language]
    survey.languages = list(dict.fromkeys([survey.default_language, *listed]))
    survey.hidden_attributes = list(dict.fromkeys(survey.hidden_attributes or []))


def _validate(survey: Survey) -> None:
    errors: dict[str, list[str]] = {}
    unsupported = [code for code in survey.languages if code not in SUPPORTED_LANGUAGES]
    if unsupported:
        errors["languages"] = [
            _("%(codes)s is not a supported language; use one of %(supported)s.")
            % {
                "codes": ", ".join(map(repr, unsupported)),
                "supported": ", ".join(SUPPORTED_LANGUAGES),
            }
        ]
    try:
        survey.full_clean(exclude=["workspace", "logo", "languages", "hidden_attributes"])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise SurveyEditError(errors)


def _save_texts(survey: Survey, texts: Mapping[str, Mapping[str, str]]) -> None:
    errors: dict[str, list[str]] = {}
    for language, values in texts.items():
        if language not in survey.all_languages:
            errors[f"texts.{language}"] = [
                _(
                    "%(language)s is not one of this survey's languages (%(languages)s); "
                    "add it to languages first."
                )
                % {"language": repr(language), "languages": ", ".join(survey.all_languages)}
            ]
            continue
        text, _created = SurveyText.objects.get_or_create(survey=survey, language=language)
        for key, value in values.items():
            if key not in TEXT_KEYS:
                errors[f"texts.{language}.{key}"] = [_("This is not a survey text.")]
                continue
            setattr(text, key, value.strip())
        try:
            text.full_clean(exclude=["survey"])
        except ValidationError as error:
            for key, messages in error.message_dict.items():
                errors.setdefault(f"texts.{language}.{key}", []).extend(messages)
            continue
        text.save()
    if errors:
        raise SurveyEditError(errors)


def own_texts(survey: Survey) -> dict[str, dict[str, str]]:
    """The team's own wording per language, only the texts they changed from the defaults."""
    result: dict[str, dict[str, str]] = {}
    # survey.texts.all() so a list of surveys can prefetch every text in one query.
    for text in sorted(survey.texts.all(), key=lambda text: text.language):
        changed = {key: getattr(text, key) for key in TEXT_KEYS if getattr(text, key)}
        if changed:
            result[text.language] = changed
    return result
