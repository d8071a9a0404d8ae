"""Forms of the survey editor: settings, texts per language and extra questions."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from opennps.surveys.editing import LogoUpload
from opennps.surveys.models import (
    ExtraQuestion,
    QuestionKind,
    Survey,
    SurveyKind,
    SurveyText,
    hex_colour,
)
from opennps.surveys.wording import SUPPORTED_LANGUAGES, TEXT_KEYS, default_text

LOGO_MAX_BYTES = 512 * 1024
SAFE_KEY = re.compile(r"^[a-z0-9_]{1,40}$")
MAX_HIDDEN_ATTRIBUTES = 20
# Query keys the survey page itself may use; a hidden attribute must not shadow them.
RESERVED_KEYS = frozenset({"lang", "language", "score", "comment", "next", "token"})
MAX_CHOICES = 20


def language_choices() -> list[tuple[str, str]]:
    names = dict(settings.LANGUAGES)
    return [(code, names.get(code, code)) for code in SUPPORTED_LANGUAGES]


def sniff_image_type(head: bytes) -> str | None:
    """The image type told by the file's first bytes (never by its name): png, jpg, webp or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def parse_hidden_attributes(text: str) -> list[str]:
    keys = list(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    for key in keys:
        if not SAFE_KEY.match(key):
            raise forms.ValidationError(
                _("“%(key)s” is not allowed: use 1–40 lower-case letters, digits or _."),
                params={"key": key[:60]},
            )
        if key in RESERVED_KEYS:
            raise forms.ValidationError(
                _("“%(key)s” is used by the survey page itself; choose another name."),
                params={"key": key},
            )
    if len(keys) > MAX_HIDDEN_ATTRIBUTES:
        raise forms.ValidationError(
            _("At most %(count)s hidden attributes are allowed."),
            params={"count": MAX_HIDDEN_ATTRIBUTES},
        )
    return keys


class SurveySettingsForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, help_text=_("Only your team sees it."))
    kind = forms.ChoiceField(label=_("Kind"), choices=SurveyKind.choices)
    brand = forms.CharField(
        label=_("Brand or company name"),
        max_length=200,
        help_text=_("Inserted into the question: “How likely is it that you would recommend …”."),
    )
    default_language = forms.ChoiceField(label=_("Default language"), choices=language_choices)
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=language_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Respondents can switch between these. The default language is always on."),
    )
    accent_colour = forms.CharField(
        label=_("Accent colour"),
        max_length=7,
        validators=[hex_colour],
        widget=forms.TextInput(attrs={"type": "color"}),
    )
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG, JPEG or WebP, at most 512 KB."),
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)
    ask_third_question = forms.BooleanField(
        label=_("Ask a third question (“Is there anything else we could do to surprise you?”)"),
        required=False,
    )
    promoter_cta_url = forms.URLField(
        label=_("Link for promoters (review or referral)"),
        required=False,
        max_length=200,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Shown to people who answer 9 or 10 after their comment."),
    )
    hidden_attributes = forms.CharField(
        label=_("Hidden attributes"),
        required=False,
        max_length=1000,
        help_text=_(
            "Comma-separated keys taken from the link and kept with each answer, e.g. store, agent."
        ),
    )
    repeat_days_per_browser = forms.IntegerField(
        label=_("Days before the same browser may answer again"), min_value=0, max_value=3650
    )
    daily_answers_per_ip = forms.IntegerField(
        label=_("Answers per day from one IP address"), min_value=1, max_value=100000
    )

    def __init__(self, *args: Any, survey: Survey | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.survey = survey
        if survey is None or not survey.logo:
            del self.fields["remove_logo"]
        if survey is not None:
            # Switching kind would break the promise made to everyone who answered (eNPS is anonymous).
            self.fields["kind"].disabled = True
            self.fields["kind"].help_text = _(
                "Fixed once created; make a new survey for another kind."
            )

    @staticmethod
    def initial_for(survey: Survey | None) -> dict[str, Any]:
        if survey is None:
            defaults = Survey()
            return {
                "kind": defaults.kind,
                "default_language": defaults.default_language,
                "languages": [defaults.default_language],
                "accent_colour": defaults.accent_colour,
                "repeat_days_per_browser": defaults.repeat_days_per_browser,
                "daily_answers_per_ip": defaults.daily_answers_per_ip,
            }
        return {
            "name": survey.name,
            "kind": survey.kind,
            "brand": survey.brand,
            "default_language": survey.default_language,
            "languages": survey.all_languages,
            "accent_colour": survey.accent_colour,
            "ask_third_question": survey.ask_third_question,
            "promoter_cta_url": survey.promoter_cta_url,
            "hidden_attributes": ", ".join(survey.hidden_attributes),
            "repeat_days_per_browser": survey.repeat_days_per_browser,
            "daily_answers_per_ip": survey.daily_answers_per_ip,
        }

    def clean_accent_colour(self) -> str:
        return self.cleaned_data["accent_colour"].lower()

    def clean_hidden_attributes(self) -> list[str]:
        return parse_hidden_attributes(self.cleaned_data.get("hidden_attributes", ""))

    def clean_logo(self) -> LogoUpload | None:
        upload: UploadedFile | None = self.cleaned_data.get("logo")
        if not upload:
            return None
        if upload.size > LOGO_MAX_BYTES:
            raise forms.ValidationError(
                _("The logo has %(size)s KB; at most 512 KB are allowed."),
                params={"size": (upload.size + 1023) // 1024},
            )
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        extension = sniff_image_type(head)
        if extension is None:
            raise forms.ValidationError(
                _("This file is not a PNG, JPEG or WebP image. SVG and other formats are refused.")
            )
        return LogoUpload(content=upload, extension=extension)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        default = cleaned.get("default_language")
        if default:
            chosen = set(cleaned.get("languages", [])) | {default}
            cleaned["languages"] = [code for code in SUPPORTED_LANGUAGES if code in chosen]
        return cleaned

    def add_action_errors(self, errors: dict[str, list[str]]) -> None:
        """Errors the shared survey actions found, shown on the field they name."""
        for field, messages in errors.items():
            self.add_error(field if field in self.fields else None, messages)

    def survey_fields(self) -> dict[str, Any]:
        """The cleaned values that are plain Survey fields (the logo travels separately)."""
        return {
            key: value
            for key, value in self.cleaned_data.items()
            if key not in {"logo", "remove_logo"}
        }


TEXT_LABELS = {
    "question": _("Question"),
    "label_low": _("Label under 0"),
    "label_high": _("Label under 10"),
    "followup_detractor": _("Follow-up for detractors (0–6)"),
    "followup_passive": _("Follow-up for passives (7–8)"),
    "followup_promoter": _("Follow-up for promoters (9–10)"),
    "third_question": _("Third question"),
    "thanks_detractor": _("Thank-you for detractors"),
    "thanks_passive": _("Thank-you for passives"),
    "thanks_promoter": _("Thank-you for promoters"),
    "cta_label": _("Button text of the promoters’ link"),
}


class SurveyTextsForm(forms.Form):
    """A survey's texts in one language; the shipped default shows as the placeholder."""

    def __init__(self, *args: Any, survey: Survey, language: str, **kwargs: Any) -> None:
        super().__init__(*args, prefix=language, **kwargs)
        self.language = language
        for key in TEXT_KEYS:
            max_length = SurveyText._meta.get_field(key).max_length
            attrs = {"placeholder": default_text(key, language, survey.kind), "lang": language}
            widget = (
                forms.Textarea(attrs={**attrs, "rows": 2})
                if max_length > 100
                else forms.TextInput(attrs=attrs)
            )
            self.fields[key] = forms.CharField(
                label=TEXT_LABELS[key], required=False, max_length=max_length, widget=widget
            )


def _parse_choices(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ExtraQuestionForm(forms.Form):
    """One extra question; labels (and choices) per survey language, the default one required.

    Kind and key are fixed once the question exists: earlier answers are stored under that key.
    """

    kind = forms.ChoiceField(label=_("Kind"), choices=QuestionKind.choices)
    key = forms.RegexField(
        label=_("Key"),
        regex=r"^[a-z0-9_]{1,40}$",
        max_length=40,
        help_text=_("Short name used in exports, e.g. price: lower-case letters, digits and _."),
        error_messages={"invalid": _("Use 1–40 lower-case letters, digits or _.")},
    )
    required = forms.BooleanField(label=_("Required"), required=False)

    def __init__(
        self,
        *args: Any,
        survey: Survey,
        question: ExtraQuestion | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.question = question
        names = dict(language_choices())
        self.languages = survey.all_languages
        for code in self.languages:
            self.fields[f"label_{code}"] = forms.CharField(
                label=_("Label in %(language)s") % {"language": names[code]},
                required=False,
                max_length=300,
                widget=forms.TextInput(attrs={"lang": code}),
                help_text=_("Required.") if code == survey.default_language else "",
            )
            self.fields[f"choices_{code}"] = forms.CharField(
                label=_("Choices in %(language)s (single choice only)") % {"language": names[code]},
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 3, "lang": code}),
                help_text=_("One choice per line, in the same order in every language."),
            )
        if question is not None:
            self.fields["kind"].disabled = True
            self.fields["key"].disabled = True
            self.initial.update(self.initial_for(question))

    def initial_for(self, question: ExtraQuestion) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "kind": question.kind,
            "key": question.key,
            "required": question.required,
        }
        for code, text in question.texts.items():
            initial[f"label_{code}"] = text.get("label", "")
            initial[f"choices_{code}"] = "\n".join(text.get("choices", []))
        return initial

    def clean_key(self) -> str:
        key = self.cleaned_data["key"]
        if self.question is None and self.survey.extra_questions.filter(key=key).exists():
            raise forms.ValidationError(_("Another question of this survey uses this key."))
        return key

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        default = self.survey.default_language
        if not cleaned.get(f"label_{default}"):
            self.add_error(f"label_{default}", _("Give the label in the default language."))
        if cleaned.get("kind") == QuestionKind.SINGLE_CHOICE:
            self._check_choices(cleaned, default)
        return cleaned

    def _check_choices(self, cleaned: dict[str, Any], default: str) -> None:
        expected = len(_parse_choices(cleaned.get(f"choices_{default}", "")))
        if expected < 2:
            self.add_error(f"choices_{default}", _("Give at least two choices, one per line."))
            return
        if expected > MAX_CHOICES:
            self.add_error(
                f"choices_{default}",
                _("At most %(count)s choices are allowed.") % {"count": MAX_CHOICES},
            )
            return
        for code in self.languages:
            choices = _parse_choices(cleaned.get(f"choices_{code}", ""))
            if len(set(choices)) != len(choices):
                self.add_error(f"choices_{code}", _("Each choice may appear only once."))
            elif any(len(choice) > 200 for choice in choices):
                self.add_error(f"choices_{code}", _("A choice may have at most 200 characters."))
            elif choices and len(choices) != expected:
                self.add_error(
                    f"choices_{code}",
                    _("Give %(count)s choices, as many as in the default language, or none.")
                    % {"count": expected},
                )

    def question_texts(self) -> dict[str, dict[str, Any]]:
        """The `texts` of ExtraQuestion: only languages with a label; choices only for single choice.

        Languages the survey no longer offers keep what they had, so re-adding one loses nothing.
        """
        kind = self.cleaned_data["kind"]
        texts = dict(self.question.texts) if self.question is not None else {}
        for code in self.languages:
            label = self.cleaned_data.get(f"label_{code}", "").strip()
            if not label:
                texts.pop(code, None)
                continue
            entry: dict[str, Any] = {"label": label}
            if kind == QuestionKind.SINGLE_CHOICE:
                choices = _parse_choices(self.cleaned_data.get(f"choices_{code}", ""))
                if choices:
                    entry["choices"] = choices
            texts[code] = entry
        return texts
