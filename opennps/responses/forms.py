"""Parsing what a respondent sends from the survey page: the score, the follow-up, the link's query."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from opennps.responses.models import COMMENT_MAX_LENGTH

ATTRIBUTE_VALUE_MAX_LENGTH = 200
RATING_VALUES = range(1, 6)
# C0 and C1 control characters (NUL breaks PostgreSQL text); printable Unicode is kept.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def hidden_attributes(query: QueryDict, allowed: object) -> dict[str, str]:
    """The query-string values the survey whitelists (`?store=12&agent=olga`), cleaned.

    Keys outside the whitelist are dropped; values are stripped of control characters, trimmed
    and cut to 200 characters; empty values are left out.
    """
    if not isinstance(allowed, list):
        return {}
    attributes = {}
    for key in allowed:
        if not isinstance(key, str) or key not in query:
            continue
        value = CONTROL_CHARACTERS.sub("", query.get(key, "")).strip()
        value = value[:ATTRIBUTE_VALUE_MAX_LENGTH].strip()
        if value:
            attributes[key] = value
    return attributes


class ScoreForm(forms.Form):
    score = forms.TypedChoiceField(
        choices=[(str(value), str(value)) for value in range(11)],
        coerce=int,
        error_messages={
            "required": _("Please choose a score from 0 to 10."),
            "invalid_choice": _("Please choose a score from 0 to 10."),
        },
    )


def check_length(value: str) -> None:
    if len(value) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            gettext(
                "This answer is too long: please shorten it to %(limit)s characters or fewer "
                "(it now has %(length)s)."
            ),
            code="too_long",
            params={"limit": COMMENT_MAX_LENGTH, "length": len(value)},
        )


def long_text_field(label: str, *, required: bool = False) -> forms.CharField:
    # No max_length: the browser would cut a pasted text silently; the server says what is wrong.
    field = forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea,
        validators=[check_length],
        error_messages={"required": _("Please answer this question.")},
    )
    field.kind = "text"  # type: ignore[attr-defined]
    return field


def _localised(question: dict[str, Any], language: str, default_language: str) -> dict[str, Any]:
    texts = question.get("texts") or {}
    for code in (language, default_language, *texts):
        if isinstance(texts.get(code), dict):
            return texts[code]
    return {}


class FollowupForm(forms.Form):
    """The class-specific follow-up, the optional third question and the survey's extra questions.

    Built from a SurveyVersion's content, so it asks exactly what that version asked.
    """

    def __init__(
        self,
        *args: Any,
        content: dict[str, Any],
        texts: dict[str, str],
        language: str,
        nps_class: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.default_language = content.get("default_language", language)
        self.language = language
        self.fields["comment"] = long_text_field(texts.get(f"followup_{nps_class}", ""))
        if content.get("ask_third_question"):
            self.fields["third_answer"] = long_text_field(texts.get("third_question", ""))
        self.questions: dict[str, dict[str, Any]] = {}
        for question in content.get("questions") or []:
            field = self._question_field(question)
            if field is not None:
                name = f"q_{question['key']}"
                self.questions[name] = question
                self.fields[name] = field

    def _question_field(self, question: dict[str, Any]) -> forms.Field | None:
        shown = _localised(question, self.language, self.default_language)
        label = str(shown.get("label") or question.get("key", ""))
        required = bool(question.get("required"))
        messages = {
            "required": _("Please answer this question."),
            "invalid_choice": _("Please choose one of the options."),
        }
        kind = question.get("kind")
        if kind == "text":
            return long_text_field(label, required=required)
        if kind == "rating":
            choices = [(str(value), str(value)) for value in RATING_VALUES]
        elif kind == "choice":
            choices = [
                (str(index), str(text)) for index, text in enumerate(shown.get("choices", []))
            ]
        else:
            return None
        field = forms.TypedChoiceField(
            label=label,
            required=required,
            choices=choices,
            coerce=int,
            empty_value=None,
            widget=forms.RadioSelect,
            error_messages=messages,
        )
        field.kind = kind  # type: ignore[attr-defined]
        return field

    def _canonical_choice(self, question: dict[str, Any], index: int) -> str:
        """The chosen option in the survey's default language, so answers group across languages."""
        for language in (self.default_language, self.language):
            choices = _localised(question, language, self.default_language).get("choices", [])
            if index < len(choices):
                return str(choices[index])
        return str(index)

    def followup_fields(self) -> dict[str, Any]:
        """Keyword arguments for responses.actions.update_followup."""
        data = self.cleaned_data
        fields: dict[str, Any] = {"comment": data.get("comment", "")}
        if "third_answer" in self.fields:
            fields["third_answer"] = data.get("third_answer", "")
        answers: dict[str, Any] = {}
        for name, question in self.questions.items():
            value = data.get(name)
            if value in (None, ""):
                continue
            if question["kind"] == "choice":
                value = self._canonical_choice(question, value)
            answers[question["key"]] = value
        fields["answers"] = answers
        return fields

    @classmethod
    def initial_from(cls, response: Any, content: dict[str, Any]) -> dict[str, Any]:
        """What the respondent already said, so coming back shows it instead of empty fields."""
        initial: dict[str, Any] = {
            "comment": response.comment,
            "third_answer": response.third_answer,
        }
        default_language = content.get("default_language", "")
        for question in content.get("questions") or []:
            value = (response.answers or {}).get(question.get("key"))
            if value is None:
                continue
            if question.get("kind") == "choice":
                choices = _localised(question, default_language, default_language).get(
                    "choices", []
                )
                value = choices.index(value) if value in choices else None
            if value is not None:
                initial[f"q_{question['key']}"] = str(value)
        return initial
