"""The standard NPS wording, shipped in every supported language through Django's catalogues.

Stored texts may contain `{brand}`; it is replaced literally (never with str.format, so a text typed
by a user cannot reach Python attributes).
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_lazy as _

SUPPORTED_LANGUAGES = ("en", "ru", "kk", "bg", "zh-hans")

# Keys of every editable text of a survey, in the order an editor shows them.
TEXT_KEYS = (
    "question",
    "label_low",
    "label_high",
    "followup_detractor",
    "followup_passive",
    "followup_promoter",
    "third_question",
    "thanks_detractor",
    "thanks_passive",
    "thanks_promoter",
    "cta_label",
)

CUSTOMER_DEFAULTS = {
    "question": _("How likely is it that you would recommend {brand} to a friend or colleague?"),
    "label_low": _("Not at all likely"),
    "label_high": _("Extremely likely"),
    "followup_detractor": _(
        "We're sorry to hear that. What could we do to improve your experience?"
    ),
    "followup_passive": _("We're sorry to hear that. What could we do to improve your experience?"),
    "followup_promoter": _("Great! What is the main reason for your score?"),
    "third_question": _("Is there anything else we could do to surprise you?"),
    "thanks_detractor": _("Thank you for your honesty. We will use it to do better."),
    "thanks_passive": _("Thank you for your answer!"),
    "thanks_promoter": _("Thank you! We are glad you are with us."),
    "cta_label": _("Leave us a review"),
}

EMPLOYEE_DEFAULTS = {
    **CUSTOMER_DEFAULTS,
    "question": _(
        "How likely is it that you would recommend {brand} as a place to work to a friend or "
        "colleague?"
    ),
    "thanks_detractor": _("Thank you for your honesty. Your answer is anonymous."),
    "thanks_passive": _("Thank you! Your answer is anonymous."),
    "thanks_promoter": _("Thank you! Your answer is anonymous."),
}


def default_text(key: str, language: str, kind: str) -> str:
    defaults = EMPLOYEE_DEFAULTS if kind == "employee" else CUSTOMER_DEFAULTS
    with translation.override(language):
        return str(defaults[key])


def insert_brand(text: str, brand: str) -> str:
    return text.replace("{brand}", brand)
