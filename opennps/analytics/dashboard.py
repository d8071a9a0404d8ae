"""Everything the dashboard page shows, computed from histograms with opennps.stats.

The page and the tests read the same objects: every NPS, interval and n here is `summarize()` of
a histogram that equals the raw answers' histogram, so "the numbers on the page equal the
statistics of the raw data" is checked on these objects and on the rendered page alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from opennps.analytics import dashboard_queries as source
from opennps.analytics.charts import number
from opennps.analytics.dashboard_anonymity import may_show, shown_groups
from opennps.analytics.dashboard_benchmarks import BenchmarkRow, benchmark_rows
from opennps.analytics.dashboard_filters import DashboardQuery
from opennps.analytics.dashboard_funnel import FunnelRow, funnel
from opennps.analytics.models import Annotation, DashboardGoal
from opennps.analytics.periods import period_label, previous_range
from opennps.analytics.queries import Filters
from opennps.distribution.models import Channel
from opennps.stats import (
    LOW_SAMPLE_THRESHOLD,
    Comparison,
    Histogram,
    Summary,
    compare_independent,
    summarize,
)


@dataclass(frozen=True)
class ClassShare:
    key: str  # promoter, passive, detractor
    label: str
    count: int
    percent: float


@dataclass(frozen=True)
class Headline:
    histogram: Histogram
    summary: Summary
    hidden: bool  # an eNPS view on fewer than five answers shows nothing

    @property
    def low_sample(self) -> bool:
        return 0 < self.summary.n < LOW_SAMPLE_THRESHOLD

    @property
    def shares(self) -> list[ClassShare]:
        n = self.summary.n or 1
        return [
            ClassShare("promoter", _("Promoters"), self.summary.promoters, 100 * self.summary.promoters / n),
            ClassShare("passive", _("Passives"), self.summary.passives, 100 * self.summary.passives / n),
            ClassShare("detractor", _("Detractors"), self.summary.detractors, 100 * self.summary.detractors / n),
        ]  # fmt: skip


@dataclass(frozen=True)
class Change:
    previous_from: date
    previous_to: date
    previous: Summary | None  # None when hidden (eNPS under five answers)
    comparison: Comparison | None
    verdict: str

    @property
    def direction(self) -> str:
        if self.comparison is None or self.comparison.difference is None:
            return "none"
        if not self.comparison.significant:
            return "similar"
        return "higher" if self.comparison.difference > 0 else "lower"


@dataclass(frozen=True)
class TrendPoint:
    start: date
    label: str
    summary: Summary

    @property
    def low_sample(self) -> bool:
        return self.summary.low_sample


@dataclass(frozen=True)
class SegmentRow:
    key: str
    label: str
    summary: Summary
    comparison: Comparison | None  # this group against everyone else in the view
    reading: str  # higher, lower, similar, untested

    @property
    def low_sample(self) -> bool:
        return self.summary.low_sample

    @property
    def signed_difference(self) -> str:
        if self.comparison is None or self.comparison.difference is None:
            return "–"
        return signed_number(self.comparison.difference)

    @property
    def p_text(self) -> str:
        if self.comparison is None or self.comparison.p_value is None:
            return ""
        return p_text(self.comparison.p_value)

    @property
    def reading_label(self) -> str:
        return {
            "higher": _("Higher than the rest"),
            "lower": _("Lower than the rest"),
            "similar": _("No clear difference"),
            "untested": _("Not compared"),
        }[self.reading]


@dataclass
class Dashboard:
    query: DashboardQuery
    enps: bool
    headline: Headline
    change: Change
    goal: DashboardGoal | None
    trend: list[TrendPoint]
    trend_hidden: int
    annotations: list[Annotation]
    segment_rows: list[SegmentRow]
    segments_hidden: int
    funnel: list[FunnelRow]
    benchmarks: list[BenchmarkRow] = field(default_factory=list)

    @property
    def goal_gap(self) -> float | None:
        if self.goal is None or self.headline.hidden or self.headline.summary.nps is None:
            return None
        return self.headline.summary.nps - self.goal.nps

    @property
    def goal_gap_abs(self) -> float | None:
        gap = self.goal_gap
        return None if gap is None else abs(gap)


def signed_number(value: float, decimals: int = 1) -> str:
    text = number(abs(value), decimals)
    return ("−" if value < 0 and text.strip("0.,") else "+") + text


def p_text(p_value: float) -> str:
    if p_value < 0.001:
        return _("p < 0.001")
    return _("p = %(value)s") % {"value": number(p_value, 3 if p_value < 0.1 else 2)}


def verdict(comparison: Comparison | None) -> str:
    """ "+6.0, not significant, p = 0.21" in the reader's language."""
    if comparison is None or comparison.difference is None:
        return _("No comparison: one of the two periods has no answers.")
    change = signed_number(comparison.difference)
    if comparison.p_value is None:
        return _("%(change)s, significance not tested") % {"change": change}
    values = {"change": change, "p": p_text(comparison.p_value)}
    if comparison.significant:
        return _("%(change)s, significant, %(p)s") % values
    return _("%(change)s, not significant, %(p)s") % values


def difference(whole: Histogram, part: Histogram) -> Histogram:
    return Histogram(tuple(a - b for a, b in zip(whole.counts, part.counts, strict=True)))


def reading_of(comparison: Comparison | None) -> str:
    if comparison is None or comparison.p_value is None or comparison.difference is None:
        return "untested"
    if not comparison.significant:
        return "similar"
    return "higher" if comparison.difference > 0 else "lower"


def group_labels(group: str, keys: list[str], survey_names: dict[int, str]) -> dict[str, str]:
    if group == "channel":
        return {key: str(Channel(key).label) if key in Channel.values else key for key in keys}
    if group == "survey":
        return {key: survey_names.get(int(key), key) for key in keys}
    if group == "language":
        names = dict(settings.LANGUAGES)
        return {key: names.get(key, key) for key in keys}
    return {key: key for key in keys}


def _sort(rows: list[SegmentRow], key: str, descending: bool) -> list[SegmentRow]:
    def value(row: SegmentRow) -> tuple:
        if key == "value":
            return (0, row.label.casefold())
        if key == "n":
            return (0, row.summary.n)
        figure = (
            row.summary.nps
            if key == "nps"
            else (row.comparison.difference if row.comparison else None)
        )
        return (0, figure) if figure is not None else (1, 0)  # fmt: skip

    present = [row for row in rows if value(row)[0] == 0]
    missing = [row for row in rows if value(row)[0] == 1]
    return sorted(present, key=value, reverse=descending) + missing


def segment_table(
    filters: Filters,
    group: str,
    headline: Histogram,
    *,
    enps: bool,
    rolled_up: frozenset[str],
    survey_names: dict[int, str],
    sort: str = "-nps",
) -> tuple[list[SegmentRow], int]:
    """Rows of the segment table and how many groups were hidden for eNPS anonymity."""
    groups = source.segments(filters, group, rolled_up)
    hidden = 0
    if enps:
        groups, hidden = shown_groups(groups, headline.n)
    labels = group_labels(group, [key for key, _ in groups], survey_names)
    rows = []
    for key, histogram in groups:
        rest = difference(headline, histogram)
        comparison = compare_independent(rest, histogram) if rest.n else None
        rows.append(
            SegmentRow(key, labels[key], summarize(histogram), comparison, reading_of(comparison))
        )
    return _sort(rows, sort.lstrip("-"), sort.startswith("-")), hidden


def trend_points(
    filters: Filters, by: str, headline: Histogram, *, enps: bool, rolled_up: frozenset[str]
) -> tuple[list[TrendPoint], int]:
    periods = source.trend(filters, by, rolled_up)
    hidden = 0
    if enps:
        periods, hidden = shown_groups(periods, headline.n)
    points = [TrendPoint(start, period_label(start, by), summarize(h)) for start, h in periods]
    return points, hidden


def goal_for(workspace_id: int, survey_ids: tuple[int, ...]) -> DashboardGoal | None:
    """The one survey's goal when the view shows one survey with a goal, else the workspace's."""
    goals = DashboardGoal.objects.filter(workspace_id=workspace_id)
    if len(survey_ids) == 1:
        own = goals.filter(survey_id=survey_ids[0]).first()
        if own is not None:
            return own
    return goals.filter(survey__isnull=True).first()


def annotations_for(filters: Filters) -> list[Annotation]:
    rows = Annotation.objects.filter(
        workspace_id=filters.workspace_id, day__gte=filters.date_from, day__lte=filters.date_to
    )
    if filters.survey_ids:
        rows = rows.filter(Q(survey__isnull=True) | Q(survey_id__in=filters.survey_ids))
    return list(rows.select_related("survey").order_by("day", "pk"))


def previous_change(filters: Filters, current: Histogram, *, enps: bool, rolled_up) -> Change:
    start, end = previous_range(filters.date_from, filters.date_to)
    before = source.headline(filters.with_dates(start, end), rolled_up)
    if enps and before.n and not (may_show(before) and may_show(current)):
        return Change(start, end, None, None, _("Not shown: fewer than 5 answers in a period."))
    comparison = compare_independent(before, current) if before.n and current.n else None
    return Change(start, end, summarize(before), comparison, verdict(comparison))


def build_dashboard(
    query: DashboardQuery,
    *,
    enps: bool,
    survey_names: dict[int, str],
    with_extras: bool = True,
) -> Dashboard:
    """The page's figures for `query`. `with_extras` adds goal, annotations, funnel, benchmarks."""
    filters = query.filters
    rolled_up = source.rolled_up_keys(filters.workspace_id)
    histogram = source.headline(filters, rolled_up)
    hidden = enps and not may_show(histogram)
    headline = Headline(histogram, summarize(histogram), hidden)
    if hidden:
        # Nothing below may show a figure of fewer than five people, nor a part of it.
        change = Change(*previous_range(filters.date_from, filters.date_to), None, None, "")
        points, trend_hidden, rows, segments_hidden = [], 0, [], 0
    else:
        change = previous_change(filters, histogram, enps=enps, rolled_up=rolled_up)
        points, trend_hidden = trend_points(
            filters, query.by, histogram, enps=enps, rolled_up=rolled_up
        )
        rows, segments_hidden = segment_table(
            filters,
            query.segment,
            histogram,
            enps=enps,
            rolled_up=rolled_up,
            survey_names=survey_names,
            sort=query.sort,
        )
    dashboard = Dashboard(
        query=query,
        enps=enps,
        headline=headline,
        change=change,
        goal=None,
        trend=points,
        trend_hidden=trend_hidden,
        annotations=[],
        segment_rows=rows,
        segments_hidden=segments_hidden,
        funnel=[],
    )
    if with_extras:
        dashboard.goal = goal_for(filters.workspace_id, filters.survey_ids)
        dashboard.annotations = annotations_for(filters)
        dashboard.funnel = funnel(filters)
        # Published figures are customer NPS; they say nothing about an employee NPS.
        industry = "" if enps else query.industry
        dashboard.benchmarks = benchmark_rows(filters.workspace_id, industry)
    return dashboard
