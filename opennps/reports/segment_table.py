"""The segment table: each group's NPS with its interval, n, and its difference from the rest."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from opennps.analytics.dashboard_anonymity import shown_groups
from opennps.analytics.dashboard_queries import headline, segments
from opennps.analytics.models import SegmentDimension
from opennps.analytics.queries import Filters
from opennps.distribution.models import Channel
from opennps.reports.anonymity import employee_survey_ids
from opennps.stats import (
    ENPS_MINIMUM_GROUP,
    Comparison,
    Histogram,
    Summary,
    compare_independent,
    summarize,
)
from opennps.surveys.models import Survey


def groupings(workspace_id: int) -> list[tuple[str, str]]:
    """(key, label) of everything a segment table can group by in this workspace."""
    built_in = [("survey", _("Survey")), ("channel", _("Channel")), ("language", _("Language"))]
    marked = SegmentDimension.objects.filter(workspace_id=workspace_id).order_by("key")
    return built_in + [(dimension.key, dimension.label or dimension.key) for dimension in marked]


@dataclass(frozen=True)
class SegmentRow:
    value: str  # what is stored: a survey id, a channel code, an attribute value
    label: str  # what a reader sees: the survey's name, the channel's name
    histogram: Histogram
    summary: Summary
    versus_rest: Comparison  # rest -> this group: positive when the group is above the rest


def value_labels(workspace_id: int, by: str) -> dict[str, str]:
    if by == "survey":
        surveys = Survey.objects.filter(workspace_id=workspace_id).values_list("pk", "name")
        return {str(pk): name for pk, name in surveys}
    if by == "channel":
        return {value: str(label) for value, label in Channel.choices}
    if by == "language":
        return {code: str(name) for code, name in settings.LANGUAGES}
    return {}


def includes_employee_answers(filters: Filters) -> bool:
    employee = employee_survey_ids(filters.workspace_id)
    if filters.survey_ids:
        employee &= set(filters.survey_ids)
    return bool(employee)


def minimum_group(filters: Filters) -> int:
    """Groups smaller than this are left out: eNPS answers must not be traceable to people."""
    return ENPS_MINIMUM_GROUP if includes_employee_answers(filters) else 1


def segment_rows(filters: Filters, by: str) -> list[SegmentRow]:
    """One row per group with answers, largest first.

    With employee answers in scope, groups are suppressed exactly as on the dashboard: under five
    people, and enough further small groups that the hidden rest cannot be deduced.
    """
    total = headline(filters)
    labels = value_labels(filters.workspace_id, by)
    groups = segments(filters, by)
    if includes_employee_answers(filters):
        groups, _hidden = shown_groups(groups, total.n)
    rows = []
    for value, histogram in groups:
        rest = Histogram(tuple(a - b for a, b in zip(total.counts, histogram.counts, strict=True)))
        rows.append(
            SegmentRow(
                value=value,
                label=labels.get(value, value),
                histogram=histogram,
                summary=summarize(histogram),
                versus_rest=compare_independent(rest, histogram),
            )
        )
    rows.sort(key=lambda row: (-row.summary.n, row.label))
    return rows


SEGMENT_COLUMNS = [
    "grouping",
    "value",
    "label",
    "n",
    "promoters",
    "passives",
    "detractors",
    "nps",
    "ci_low",
    "ci_high",
    "confidence",
    "method",
    "difference_from_rest",
    "difference_low",
    "difference_high",
    "p_value",
    "significant",
    "low_sample",
]


def _rounded(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits) + 0.0


def segment_table(filters: Filters, by: str, grouping_label: str) -> tuple[list[str], list[list]]:
    """The segment table as export rows; NPS figures rounded as in Summary.to_dict()."""
    rows = []
    for row in segment_rows(filters, by):
        figures = row.summary.to_dict()
        rest = row.versus_rest
        rows.append(
            [
                grouping_label,
                row.value,
                row.label,
                *(figures[key] for key in ("n", "promoters", "passives", "detractors")),
                *(figures[key] for key in ("nps", "ci_low", "ci_high", "confidence", "method")),
                _rounded(rest.difference),
                _rounded(rest.low),
                _rounded(rest.high),
                _rounded(rest.p_value, 4),
                rest.significant,
                row.summary.low_sample,
            ]
        )
    return list(SEGMENT_COLUMNS), rows
