"""A rule's conditions in words, for the list of rules ("detractors · drivers: Price · …")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from opennps.alerts.models import AlertRule
from opennps.comments.models import WatchedTheme
from opennps.comments.taxonomy import driver_labels
from opennps.surveys.models import Survey


@dataclass(frozen=True)
class Names:
    """What ids and keys in conditions are called in one workspace."""

    surveys: Mapping[int, str]
    drivers: Mapping[str, str]
    themes: Mapping[int, str]

    @classmethod
    def of_workspace(cls, workspace_id: int, language: str) -> Names:
        drivers = driver_labels(workspace_id, language)
        return cls(
            surveys=dict(
                Survey.objects.filter(workspace_id=workspace_id).values_list("pk", "name")
            ),
            drivers=drivers,
            themes={
                theme.pk: f"{drivers.get(theme.driver, theme.driver)}: {theme.name}"
                for theme in WatchedTheme.objects.filter(workspace_id=workspace_id)
            },
        )


def _classes(values: list[str]) -> str:
    names = {"detractor": _("detractors"), "passive": _("passives"), "promoter": _("promoters")}
    return ", ".join(names.get(value, value) for value in values)


def describe_conditions(conditions: Mapping[str, Any], names: Names) -> str:
    """Every condition of a rule, in words; "every answer" when there is none."""
    parts = []
    if conditions.get("class"):
        parts.append(_classes(conditions["class"]))
    low, high = conditions.get("score_min"), conditions.get("score_max")
    if low is not None and high is not None:
        parts.append(_("score %(low)s–%(high)s") % {"low": low, "high": high})
    elif low is not None:
        parts.append(_("score at least %(low)s") % {"low": low})
    elif high is not None:
        parts.append(_("score at most %(high)s") % {"high": high})
    unknown = _("(deleted)")
    if conditions.get("survey"):
        surveys = ", ".join(names.surveys.get(pk, unknown) for pk in conditions["survey"])
        parts.append(_("surveys: %(names)s") % {"names": surveys})
    if conditions.get("attributes"):
        pairs = ", ".join(f"{key}={value}" for key, value in conditions["attributes"].items())
        parts.append(_("attributes: %(pairs)s") % {"pairs": pairs})
    if conditions.get("words"):
        parts.append(_("words: %(words)s") % {"words": ", ".join(conditions["words"])})
    if conditions.get("drivers"):
        drivers = ", ".join(names.drivers.get(key, key) for key in conditions["drivers"])
        parts.append(_("drivers: %(names)s") % {"names": drivers})
    if conditions.get("themes"):
        themes = "; ".join(names.themes.get(pk, unknown) for pk in conditions["themes"])
        parts.append(_("watched themes: %(names)s") % {"names": themes})
    return " · ".join(parts) if parts else _("every answer")


def describe_rules(rules: list[AlertRule], workspace_id: int, language: str) -> list[str]:
    """The description of each rule, looking the workspace's names up once."""
    names = Names.of_workspace(workspace_id, language)
    return [describe_conditions(rule.conditions, names) for rule in rules]
