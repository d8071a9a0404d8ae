"""What an alert rule watches for: checking the conditions a person wrote, and testing an answer.

Conditions are a small JSON object (see AlertRule); every present key must hold for a match, and
an empty object matches every answer. The checks raise RuleError naming the offending key, so the
page and the API can point at the right field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext as _

NPS_CLASSES = ("detractor", "passive", "promoter")
MAX_WORDS = 50
MAX_ATTRIBUTES = 20
CONDITION_KEYS = (
    "class",
    "score_min",
    "score_max",
    "survey",
    "attributes",
    "words",
    "drivers",
    "themes",
)


class RuleError(ValueError):
    """A rule setting that cannot be saved; `field` names it (e.g. "conditions.score_max")."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _score(raw: Mapping[str, Any], key: str) -> int | None:
    value = raw.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise RuleError(f"conditions.{key}", _("Must be a whole number from 0 to 10."))
    return value


def normalise_conditions(
    raw: Mapping[str, Any],
    survey_ids: Iterable[int],
    driver_keys: Iterable[str] = (),
    theme_ids: Iterable[int] = (),
) -> dict[str, Any]:
    """The canonical form of `raw`, or RuleError. `survey_ids` are the workspace's surveys,
    `driver_keys` the drivers of its taxonomy, `theme_ids` its watched themes."""
    unknown = sorted(set(raw) - set(CONDITION_KEYS))
    if unknown:
        raise RuleError(
            f"conditions.{unknown[0]}",
            _("Unknown condition; use %(keys)s.") % {"keys": ", ".join(CONDITION_KEYS)},
        )
    conditions: dict[str, Any] = {}
    classes = _as_list(raw.get("class"))
    if any(value not in NPS_CLASSES for value in classes):
        raise RuleError(
            "conditions.class", _("Must be detractor, passive or promoter (or a list of them).")
        )
    if classes:
        conditions["class"] = [c for c in NPS_CLASSES if c in classes]
    low, high = _score(raw, "score_min"), _score(raw, "score_max")
    if low is not None and high is not None and low > high:
        raise RuleError("conditions.score_min", _("Must not be above score_max."))
    if low is not None:
        conditions["score_min"] = low
    if high is not None:
        conditions["score_max"] = high
    surveys = _as_list(raw.get("survey"))
    allowed = set(survey_ids)
    for value in surveys:
        if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
            raise RuleError("conditions.survey", _("Choose surveys of this workspace."))
    if surveys:
        conditions["survey"] = sorted(set(surveys))
    attributes = raw.get("attributes") or {}
    if not isinstance(attributes, Mapping) or len(attributes) > MAX_ATTRIBUTES:
        raise RuleError(
            "conditions.attributes",
            _("Must be an object of at most %(count)s attribute names and values.")
            % {"count": MAX_ATTRIBUTES},
        )
    for name, value in attributes.items():
        if not isinstance(name, str) or not name or not isinstance(value, (str, int, float)):
            raise RuleError(
                "conditions.attributes", _("Each attribute needs a name and a text or number.")
            )
    if attributes:
        conditions["attributes"] = {name: str(value) for name, value in attributes.items()}
    raw_words = _as_list(raw.get("words"))
    if any(not isinstance(word, str) for word in raw_words):
        raise RuleError("conditions.words", _("Must be a list of words or phrases."))
    words = [word.strip() for word in raw_words if word.strip()]
    if len(words) > MAX_WORDS:
        raise RuleError(
            "conditions.words", _("At most %(count)s words are allowed.") % {"count": MAX_WORDS}
        )
    if words:
        conditions["words"] = list(dict.fromkeys(words))
    drivers = _drivers(raw, list(driver_keys))
    if drivers:
        conditions["drivers"] = drivers
    themes = _as_list(raw.get("themes"))
    watched = set(theme_ids)
    for value in themes:
        if isinstance(value, bool) or not isinstance(value, int) or value not in watched:
            raise RuleError(
                "conditions.themes",
                _(
                    "%(value)s is not a watched theme of this workspace; watch the theme on the "
                    "drivers page first, then use its id."
                )
                % {"value": repr(value)[:60]},
            )
    if themes:
        conditions["themes"] = sorted(set(themes))
    return conditions


def _drivers(raw: Mapping[str, Any], known: list[str]) -> list[str]:
    drivers = _as_list(raw.get("drivers"))
    for value in drivers:
        if not isinstance(value, str) or value not in known:
            raise RuleError(
                "conditions.drivers",
                _("%(value)s is not a driver of this workspace; choose from %(keys)s.")
                % {"value": repr(value)[:60], "keys": ", ".join(known)},
            )
    # Kept in taxonomy order, so the same choice is stored the same way.
    return [key for key in known if key in drivers]


def _has_any_word(comment: str, words: list[str]) -> bool:
    # Whole words, case-insensitive: "bad" must not fire on "badge".
    text = comment.casefold()
    return any(re.search(rf"(?<!\w){re.escape(w.casefold())}(?!\w)", text) for w in words)


def matches(conditions: Mapping[str, Any], answer: Mapping[str, Any]) -> bool:
    """Whether `answer` (keys nps_class, score, survey_id, attributes, comment, drivers, themes)
    meets every condition. Attribute values compare as text, so 1 and "1" are the same; a driver
    condition holds when the comment carries any of its drivers, a theme condition when the
    comment is like any of its watched themes (ids in answer["themes"])."""
    if "class" in conditions and answer["nps_class"] not in conditions["class"]:
        return False
    if "score_min" in conditions and answer["score"] < conditions["score_min"]:
        return False
    if "score_max" in conditions and answer["score"] > conditions["score_max"]:
        return False
    if "survey" in conditions and answer["survey_id"] not in conditions["survey"]:
        return False
    if "drivers" in conditions and not set(answer.get("drivers") or ()) & set(
        conditions["drivers"]
    ):
        return False
    if "themes" in conditions and not set(answer.get("themes") or ()) & set(conditions["themes"]):
        return False
    attributes = answer.get("attributes") or {}
    for name, value in (conditions.get("attributes") or {}).items():
        if name not in attributes or str(attributes[name]) != value:
            return False
    return not (
        "words" in conditions
        and not _has_any_word(answer.get("comment") or "", conditions["words"])
    )


def needs_analysis(conditions: Mapping[str, Any]) -> bool:
    """Whether the rule can only be decided once the comment's analysis is stored (it names
    drivers or watched themes)."""
    return "drivers" in conditions or "themes" in conditions
