"""Snapshots of what a survey asks, so each response is tied to the wording it answered."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from opennps.surveys.models import Survey, SurveyText, SurveyVersion
from opennps.surveys.wording import TEXT_KEYS, default_text, insert_brand


def resolved_texts(survey: Survey, language: str) -> dict[str, str]:
    """Every text of the survey in `language`: the team's own wording, else the shipped default."""
    custom = SurveyText.objects.filter(survey=survey, language=language).first()
    texts = {}
    for key in TEXT_KEYS:
        own = getattr(custom, key, "") if custom else ""
        texts[key] = insert_brand(own or default_text(key, language, survey.kind), survey.brand)
    return texts


def snapshot(survey: Survey) -> dict[str, Any]:
    languages = survey.all_languages
    return {
        "kind": survey.kind,
        "brand": survey.brand,
        "default_language": survey.default_language,
        "languages": languages,
        "ask_third_question": survey.ask_third_question,
        "promoter_cta_url": survey.promoter_cta_url,
        "texts": {language: resolved_texts(survey, language) for language in languages},
        "questions": [
            {
                "key": question.key,
                "kind": question.kind,
                "required": question.required,
                "texts": question.texts,
            }
            for question in survey.extra_questions.all()
        ],
    }


@transaction.atomic
def publish_version(survey: Survey) -> SurveyVersion:
    """The version matching the survey as it is now, creating a new one only when something changed.

    Every action that edits a survey calls this, so answering never has to build a snapshot.
    """
    content = snapshot(survey)
    latest = (
        SurveyVersion.objects.select_for_update().filter(survey=survey).order_by("-number").first()
    )
    if latest is not None and latest.content == content:
        return latest
    number = latest.number + 1 if latest else 1
    return SurveyVersion.objects.create(survey=survey, number=number, content=content)


def latest_version(survey: Survey) -> SurveyVersion:
    """The version respondents see now (one query; publishes the first version if there is none)."""
    latest = SurveyVersion.objects.filter(survey=survey).order_by("-number").first()
    return latest if latest is not None else publish_version(survey)


def latest_version_id(survey: Survey) -> int:
    """The id of the version respondents see now, without loading its snapshot."""
    latest = (
        SurveyVersion.objects.filter(survey=survey)
        .order_by("-number")
        .values_list("pk", flat=True)
        .first()
    )
    return latest if latest is not None else publish_version(survey).pk
