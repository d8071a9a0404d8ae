"""Turning responses and report figures into what the pages show (labels, links, bars)."""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from opennps.comments.taxonomy import driver_labels
from opennps.contacts.models import Contact
from opennps.distribution.models import Channel
from opennps.reports.anonymity import Disclosure
from opennps.reports.filters import ViewFilters
from opennps.responses.models import NpsClassChoices, Response
from opennps.stats import Summary
from opennps.surveys.models import ExtraQuestion, Survey

CLASS_COLOURS = {"promoter": "#1a7f37", "passive": "#9a9a9a", "detractor": "#b42318"}


@dataclass(frozen=True)
class AttributeChip:
    key: str
    value: str
    filter_query: str  # the current filters plus this attribute


@dataclass(frozen=True)
class ResponseRow:
    response: Response
    survey_name: str
    anonymous: bool
    moment: datetime | date  # a date only for eNPS
    class_label: str
    language: str
    channel_label: str
    answers: list[tuple[str, str]]
    attributes: list[AttributeChip]
    hidden_attributes: int
    contact: Contact | None


def _question_labels(survey_ids: Iterable[int]) -> dict[tuple[int, str], str]:
    language = (get_language() or settings.LANGUAGE_CODE).lower()
    labels: dict[tuple[int, str], str] = {}
    for question in ExtraQuestion.objects.filter(survey_id__in=set(survey_ids)):
        texts = question.texts or {}
        chosen = texts.get(language) or texts.get("en") or next(iter(texts.values()), {})
        labels[(question.survey_id, question.key)] = (chosen or {}).get("label") or question.key
    return labels


def _answer_text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def response_rows(
    responses: list[Response], disclosure: Disclosure, view: ViewFilters
) -> list[ResponseRow]:
    surveys = dict(Survey.objects.filter(workspace_id=view.workspace_id).values_list("pk", "name"))
    labels = _question_labels(response.survey_id for response in responses)
    classes = dict(NpsClassChoices.choices)
    channels = dict(Channel.choices)
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    rows = []
    for response in responses:
        anonymous = disclosure.is_anonymous(response)
        shown, hidden = disclosure.attributes(response)
        local = response.created_at.astimezone(zone)
        rows.append(
            ResponseRow(
                response=response,
                survey_name=surveys.get(response.survey_id, ""),
                anonymous=anonymous,
                moment=local.date() if anonymous else local,
                class_label=str(classes.get(response.nps_class, response.nps_class)),
                language=disclosure.language(response),
                channel_label=str(channels.get(response.channel, response.channel)),
                answers=[
                    (labels.get((response.survey_id, key), key), _answer_text(value))
                    for key, value in sorted((response.answers or {}).items())
                    if value not in (None, "", [])
                ],
                attributes=[
                    AttributeChip(key, value, view.query_string(attribute=f"{key}:{value}"))
                    for key, value in shown
                ],
                hidden_attributes=hidden,
                contact=None if anonymous else response.contact,
            )
        )
    return rows


def filter_chips(view: ViewFilters) -> list[tuple[str, str]]:
    """(what the filter says, query string without it) for each active filter."""
    surveys = dict(Survey.objects.filter(workspace_id=view.workspace_id).values_list("pk", "name"))
    names = {
        "from": _("From"),
        "to": _("To"),
        "survey": _("Survey"),
        "channel": _("Channel"),
        "class": _("Class"),
        "attribute": _("Attribute"),
        "driver": _("Driver"),
        "q": _("Search"),
    }
    values = {
        "survey": {str(pk): name for pk, name in surveys.items()},
        "channel": {key: str(label) for key, label in Channel.choices},
        "class": {key: str(label) for key, label in NpsClassChoices.choices},
        "driver": _driver_names(view),
    }
    return [
        (f"{names.get(name, name)}: {values.get(name, {}).get(value, value)}", without)
        for name, value, without in view.chips
    ]


def _driver_names(view: ViewFilters) -> dict[str, str]:
    """Driver key -> its name in the reader's language (the team's label when renamed)."""
    if not view.filters.drivers:
        return {}
    return driver_labels(view.workspace_id, (get_language() or settings.LANGUAGE_CODE).lower())


def class_bar(summary: Summary, width: int = 600) -> list[dict[str, Any]]:
    """Rectangles of the promoter / passive / detractor stacked bar (SVG user units)."""
    if not summary.n:
        return []
    parts, x = [], 0.0
    for name, part in (
        ("promoter", summary.promoters),
        ("passive", summary.passives),
        ("detractor", summary.detractors),
    ):
        share = width * part / summary.n
        parts.append({"x": f"{x:.1f}", "width": f"{share:.1f}", "colour": CLASS_COLOURS[name]})
        x += share
    return parts


def scope_lines(view: ViewFilters) -> list[tuple[str, str]]:
    """What a report covers, as (label, value) lines a reader can check."""
    filters = view.filters
    surveys = Survey.objects.filter(pk__in=filters.survey_ids).order_by("name")
    channels = dict(Channel.choices)
    classes = dict(NpsClassChoices.choices)
    lines = [
        (
            _("Surveys"),
            ", ".join(survey.name for survey in surveys) if filters.survey_ids else _("All"),
        )
    ]
    if filters.channels:
        lines.append((_("Channels"), ", ".join(str(channels[code]) for code in filters.channels)))
    if filters.classes:
        lines.append((_("Classes"), ", ".join(str(classes[name]) for name in filters.classes)))
    if filters.drivers:
        names = _driver_names(view)
        lines.append((_("Drivers"), ", ".join(names.get(key, key) for key in filters.drivers)))
    for key, value in filters.attributes:
        lines.append((key, value))
    return lines
