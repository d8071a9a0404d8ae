"""What the dashboard page shows around the figures: sort links, filter chips, date presets,
the charts in their wide and narrow drawings, and the editors' small forms."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils.translation import gettext as _

from opennps.accounts.models import Membership
from opennps.analytics import charts
from opennps.analytics.dashboard import Dashboard
from opennps.analytics.dashboard_filters import BUILT_IN_GROUPS, DashboardQuery
from opennps.analytics.forms import AnnotationForm, CustomBenchmarkForm, GoalForm
from opennps.analytics.models import SegmentDimension
from opennps.analytics.periods import period_start
from opennps.distribution.models import Channel
from opennps.responses.models import NpsClassChoices
from opennps.surveys.models import Survey


def group_choices(dimensions: list[SegmentDimension]) -> list[tuple[str, str]]:
    built_in = {
        "channel": _("Channel"),
        "language": _("Language"),
        "survey": _("Survey"),
    }
    return [(d.key, d.label or d.key) for d in dimensions] + [
        (key, str(built_in[key])) for key in BUILT_IN_GROUPS
    ]


def period_names() -> dict[str, str]:
    return {"day": _("Day"), "week": _("Week"), "month": _("Month"), "quarter": _("Quarter")}


def sort_links(query: DashboardQuery) -> dict[str, dict[str, str]]:
    """Per column of the segment table: the query string that sorts by it, and its aria-sort."""
    links = {}
    for key in ("value", "n", "nps", "difference"):
        if query.sort_key == key:
            following = key if query.sort_descending else f"-{key}"
            state = "descending" if query.sort_descending else "ascending"
        else:
            following, state = (key if key == "value" else f"-{key}"), "none"
        links[key] = {"query": query.query_string(sort=following), "state": state}
    return links


def active_filters(query: DashboardQuery, surveys: list[Survey]) -> list[tuple[str, str]]:
    """(words, query string without it) for every filter chosen beyond the dates."""
    names = {str(survey.pk): survey.name for survey in surveys}
    channels = dict(Channel.choices)
    classes = dict(NpsClassChoices.choices)
    chips = []
    for key, value in query.params:
        if key == "survey" and value in names:
            words = _("Survey: %(name)s") % {"name": names[value]}
        elif key == "channel" and value in channels:
            words = _("Channel: %(name)s") % {"name": channels[value]}
        elif key == "class" and value in classes:
            words = _("Class: %(name)s") % {"name": classes[value]}
        elif key == "attribute" and ":" in value:
            name, _sep, expected = value.partition(":")
            words = _("%(name)s is %(value)s") % {"name": name, "value": expected}
        else:
            continue
        chips.append((words, query.without(key, value)))
    return chips


def form_state(query: DashboardQuery) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The filter form shows one survey, channel and class; further values ride along hidden."""
    first: dict[str, str] = {}
    hidden: list[tuple[str, str]] = []
    for key, value in query.params:
        if key in ("survey", "channel", "class"):
            if key in first:
                hidden.append((key, value))
            else:
                first[key] = value
        elif key in ("industry", "sort"):
            hidden.append((key, value))
    return first, hidden


def range_presets(query: DashboardQuery, today: date) -> list[tuple[str, str, bool]]:
    """(words, query string, current?) for the last 30, 90 and 365 days."""
    presets = []
    for days, words in (
        (30, _("Last 30 days")),
        (90, _("Last 90 days")),
        (365, _("Last 12 months")),
    ):
        start = today - timedelta(days=days - 1)
        current = (query.filters.date_from, query.filters.date_to) == (start, today)
        presets.append(
            (
                words,
                query.query_string(
                    **{"from": start.isoformat(), "to": today.isoformat(), "by": None}
                ),
                current,
            )
        )
    return presets


def trend_titles() -> dict[str, str]:
    return {
        "day": _("Trend by day"),
        "week": _("Trend by week"),
        "month": _("Trend by month"),
        "quarter": _("Trend by quarter"),
    }


def charts_for(dashboard: Dashboard, query: DashboardQuery) -> dict[str, Any]:
    """Each chart twice where it has text: wide for screens, narrow for phones (CSS shows one).

    Text in an SVG scales with it, so one drawing cannot be legible at 1280 and at 390 pixels.
    """
    if dashboard.headline.hidden or not dashboard.headline.summary.n:
        return {}
    filters = query.filters
    marks = [
        charts.TrendMark(number, annotation.day, annotation.label)
        for number, annotation in enumerate(dashboard.annotations, start=1)
    ]
    trend_options = {
        "by": query.by,
        "first_day": period_start(filters.date_from, query.by),
        "last_day": period_start(filters.date_to, query.by),
        "goal": dashboard.goal.nps if dashboard.goal else None,
        "marks": marks,
    }
    histogram, summary = dashboard.headline.histogram, dashboard.headline.summary
    drawn: dict[str, Any] = {
        "shares": charts.shares_bar(summary),
        "distribution": charts.distribution_chart(histogram),
        "distribution_narrow": charts.distribution_chart(histogram, "distribution-narrow", 360),
    }
    if dashboard.trend:
        drawn["trend"] = charts.trend_chart(dashboard.trend, width=960, **trend_options)
        drawn["trend_narrow"] = charts.trend_chart(
            dashboard.trend, chart_id="trend-narrow", width=380, **trend_options
        )
    if dashboard.funnel:
        drawn["funnel"] = charts.funnel_chart(dashboard.funnel)
        drawn["funnel_narrow"] = charts.funnel_chart(dashboard.funnel, "funnel-narrow", 380)
    if dashboard.benchmarks:
        rows = dashboard.benchmarks
        drawn["benchmarks"] = charts.benchmark_chart(summary, rows)
        drawn["benchmarks_narrow"] = charts.benchmark_chart(summary, rows, "benchmarks-narrow", 380)
    return drawn


def editor_forms(membership: Membership, query: DashboardQuery) -> dict[str, Any]:
    if not membership.can("edit"):
        return {}
    workspace_id = membership.workspace_id
    one_survey = query.filters.survey_ids[0] if len(query.filters.survey_ids) == 1 else None
    return {
        "goal_form": GoalForm(workspace_id=workspace_id, initial={"survey": one_survey}),
        "annotation_form": AnnotationForm(
            workspace_id=workspace_id, initial={"day": query.filters.date_to, "survey": one_survey}
        ),
        "benchmark_form": CustomBenchmarkForm(),
    }
