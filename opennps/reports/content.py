"""What a report says: the headline with its interval and n, the change against the period before,
the trend, and the segments that changed most. Shared by the HTML and PDF report and the e-mail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from opennps.analytics.dashboard_queries import headline, rolled_up_keys, segments, trend
from opennps.analytics.periods import period_label, previous_range
from opennps.analytics.queries import Filters
from opennps.reports.segment_table import groupings, minimum_group, value_labels
from opennps.stats import LOW_SAMPLE_THRESHOLD, Comparison, Summary, compare_independent, summarize

TOP_CHANGES = 5
DEFAULT_RANGE_DAYS = 90


@dataclass(frozen=True)
class TrendPoint:
    start: date
    label: str
    summary: Summary

    @property
    def low_sample(self) -> bool:
        return self.summary.low_sample


@dataclass(frozen=True)
class SegmentChange:
    grouping: str  # "Region", "Channel"…
    label: str  # "North", "E-mail"…
    before: Summary
    after: Summary
    comparison: Comparison  # before -> after


@dataclass(frozen=True)
class ReportContent:
    filters: Filters
    date_from: date
    date_to: date
    previous_from: date
    previous_to: date
    headline: Summary
    previous: Summary
    change: Comparison  # previous -> this period
    trend_by: str
    trend: list[TrendPoint]
    top_changes: list[SegmentChange]

    @property
    def low_sample_points(self) -> bool:
        return any(point.low_sample for point in self.trend)

    # Employee answers in scope: figures on fewer than five people are withheld.
    anonymous: bool = False
    headline_hidden: bool = False
    previous_hidden: bool = False


def complete_range(date_from: date | None, date_to: date | None, today: date) -> tuple[date, date]:
    """Both ends of a report's range: the last 90 days unless the reader chose otherwise."""
    if date_to is None:
        date_to = max(today, date_from) if date_from else today
    if date_from is None:
        date_from = date_to - timedelta(days=DEFAULT_RANGE_DAYS - 1)
    return date_from, date_to


def trend_unit_for(date_from: date, date_to: date) -> str:
    """The dashboard's default: about a month by day, half a year by week, then months, quarters."""
    days = (date_to - date_from).days + 1
    if days <= 31:
        return "day"
    if days <= 180:
        return "week"
    return "month" if days <= 3 * 366 else "quarter"


def build_report(
    filters: Filters,
    by: str | None = None,
    trend_from: date | None = None,
    previous: tuple[date, date] | None = None,
) -> ReportContent:
    """The report of `filters`, whose dates must be set.

    `trend_from` starts the trend earlier than the range; `previous` is the period to compare
    with (default: the same number of days just before, as on the dashboard).
    """
    if filters.date_from is None or filters.date_to is None:
        raise ValueError("a report needs both ends of its date range")
    date_from, date_to = filters.date_from, filters.date_to
    previous_from, previous_to = previous or previous_range(date_from, date_to)
    previous_filters = filters.with_dates(previous_from, previous_to)
    # One look at the workspace's segment keys for every figure below, not one per query.
    rolled_up = rolled_up_keys(filters.workspace_id)
    current = headline(filters, rolled_up)
    before = headline(previous_filters, rolled_up)
    unit = by or trend_unit_for(trend_from or date_from, date_to)
    trend_filters = filters.with_dates(trend_from or date_from, date_to)
    smallest = minimum_group(filters)
    anonymous = smallest > 1
    return ReportContent(
        filters=filters,
        date_from=date_from,
        date_to=date_to,
        previous_from=previous_from,
        previous_to=previous_to,
        headline=summarize(current),
        previous=summarize(before),
        change=compare_independent(before, current),
        trend_by=unit,
        trend=[
            TrendPoint(start, period_label(start, unit), summarize(histogram))
            for start, histogram in trend(trend_filters, unit, rolled_up)
            if histogram.n >= smallest
        ],
        top_changes=top_changes(filters, previous_filters, rolled_up=rolled_up),
        anonymous=anonymous,
        headline_hidden=anonymous and current.n < smallest,
        previous_hidden=anonymous and before.n < smallest,
    )


def top_changes(
    current: Filters,
    previous: Filters,
    limit: int = TOP_CHANGES,
    rolled_up: frozenset[str] | None = None,
) -> list[SegmentChange]:
    """Groups whose NPS changed significantly between the two periods, largest change first.

    Only groups with at least 30 answers in both periods: a headline item must not rest on a
    handful of people, however small its p-value.
    """
    smallest = max(minimum_group(current), LOW_SAMPLE_THRESHOLD)
    if rolled_up is None:
        rolled_up = rolled_up_keys(current.workspace_id)
    changes = []
    for key, grouping in groupings(current.workspace_id):
        if key == "survey" and len(current.survey_ids) == 1:
            continue
        labels = value_labels(current.workspace_id, key)
        before = dict(segments(previous, key, rolled_up))
        for value, after in segments(current, key, rolled_up):
            earlier = before.get(value)
            if earlier is None or min(earlier.n, after.n) < smallest:
                continue
            comparison = compare_independent(earlier, after)
            if comparison.significant and comparison.difference is not None:
                changes.append(
                    SegmentChange(
                        str(grouping),
                        labels.get(value, value),
                        summarize(earlier),
                        summarize(after),
                        comparison,
                    )
                )
    changes.sort(key=lambda change: (-abs(change.comparison.difference or 0), change.label))
    return changes[:limit]


def one_decimal(value: float) -> str:
    """Rounded as Summary.to_dict() and the API round (so every surface shows the same figure),
    written with the decimal separator of the active language."""
    return number_format(round(value, 1) + 0.0, 1)


def signed_number(value: float) -> str:
    """+6.0 or -3.5."""
    return ("+" if round(value, 1) >= 0 else "-") + one_decimal(abs(value))


def verdict(comparison: Comparison) -> str:
    """ "+6.0, not significant (p = 0.21)" in the active language."""
    if comparison.difference is None:
        return _("no comparison: one of the periods has no answers")
    change = signed_number(comparison.difference)
    if comparison.p_value is None:
        return _("%(change)s, not tested (too few answers)") % {"change": change}
    p_value = (
        "p < " + number_format(0.001, 3)
        if comparison.p_value < 0.001
        else "p = " + number_format(comparison.p_value, 2)
    )
    if comparison.significant:
        return _("%(change)s, significant (%(p)s)") % {"change": change, "p": p_value}
    return _("%(change)s, not significant (%(p)s)") % {"change": change, "p": p_value}
