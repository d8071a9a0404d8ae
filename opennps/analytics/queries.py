"""Histograms for the dashboard, the API and reports, summed from the rollup.

A filter on at most one segment attribute is answered from the rollup; several attribute filters
or a class filter need the raw responses (still aggregated in SQL, never loaded row by row).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, QuerySet, Sum

from opennps.analytics.models import SCORE_COLUMNS, Rollup
from opennps.analytics.periods import period_start
from opennps.analytics.rollups import local_day
from opennps.stats import Histogram

BUILT_IN_GROUPS = ("channel", "survey")


@dataclass(frozen=True)
class Filters:
    workspace_id: int
    survey_ids: tuple[int, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    channels: tuple[str, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()  # (attribute, value) pairs, all must match
    classes: tuple[str, ...] = ()  # promoter / passive / detractor
    extra: dict[str, str] = field(default_factory=dict, compare=False)
    # Driver keys of the comment analysis (any of them); only raw rows know a comment's drivers.
    drivers: tuple[str, ...] = ()

    @property
    def needs_raw_rows(self) -> bool:
        return len(self.attributes) > 1 or bool(self.classes) or bool(self.drivers)

    def with_dates(self, date_from: date | None, date_to: date | None) -> Filters:
        return Filters(
            self.workspace_id, self.survey_ids, date_from, date_to,
            self.channels, self.attributes, self.classes, drivers=self.drivers,
        )  # fmt: skip


def _rollup_rows(filters: Filters, dimension: str = "") -> QuerySet[Rollup]:
    """Rollup rows matching the filters, from the cells of `dimension` ('' = totals)."""
    rows = Rollup.objects.filter(workspace_id=filters.workspace_id)
    if filters.survey_ids:
        rows = rows.filter(survey_id__in=filters.survey_ids)
    if filters.date_from:
        rows = rows.filter(day__gte=filters.date_from)
    if filters.date_to:
        rows = rows.filter(day__lte=filters.date_to)
    if filters.channels:
        rows = rows.filter(channel__in=filters.channels)
    if filters.attributes:
        [(attribute, value)] = filters.attributes
        if dimension and dimension != attribute:
            raise ValueError("a rollup cell has one dimension; use the raw path for two")
        return rows.filter(dimension=attribute, value=value)
    return rows.filter(dimension=dimension)


def _sums(rows: QuerySet[Rollup], *group: str) -> list[tuple[tuple, Histogram]]:
    aggregates = {column: Sum(column) for column in SCORE_COLUMNS}
    if not group:
        # One SUM over all rows; values() without fields would group by every column.
        totals = rows.aggregate(**aggregates)
        counts = tuple(int(totals[column] or 0) for column in SCORE_COLUMNS)
        return [((), Histogram(counts))] if any(counts) else []
    result = []
    for row in rows.values(*group).annotate(**aggregates).order_by(*group):
        counts = tuple(int(row[column] or 0) for column in SCORE_COLUMNS)
        if any(counts):
            result.append((tuple(row[name] for name in group), Histogram(counts)))
    return result


def _raw_responses(filters: Filters):
    from opennps.responses.models import Response

    responses = Response.objects.filter(workspace_id=filters.workspace_id)
    if filters.survey_ids:
        responses = responses.filter(survey_id__in=filters.survey_ids)
    if filters.channels:
        responses = responses.filter(channel__in=filters.channels)
    if filters.classes:
        responses = responses.filter(nps_class__in=filters.classes)
    if filters.drivers:
        from opennps.comments.filtering import only_drivers

        responses = only_drivers(responses, filters.drivers)
    condition = Q()
    for attribute, value in filters.attributes:
        if attribute == "language":
            condition &= Q(language=value)
        else:
            condition &= Q(**{f"attributes__{attribute}": value})
    return responses.filter(condition)


def _raw_by_day(filters: Filters, group: str | None = None) -> dict[tuple, list[int]]:
    """Counts per (local day, group value, score) from raw rows; dates are filtered on local days."""
    fields = ["created_at", "score"] + ([group] if group else [])
    cells: dict[tuple, list[int]] = defaultdict(lambda: [0] * 11)
    for row in _raw_responses(filters).values_list(*fields).iterator(chunk_size=5000):
        day = local_day(row[0])
        if (filters.date_from and day < filters.date_from) or (
            filters.date_to and day > filters.date_to
        ):
            continue
        key = (day, row[2] if group else None)
        cells[key][row[1]] += 1
    return cells


def headline(filters: Filters) -> Histogram:
    if filters.needs_raw_rows:
        return sum((Histogram(tuple(c)) for c in _raw_by_day(filters).values()), Histogram.empty())
    return sum((histogram for _, histogram in _sums(_rollup_rows(filters))), Histogram.empty())


def trend(filters: Filters, by: str) -> list[tuple[date, Histogram]]:
    """One histogram per period that has answers, oldest first."""
    periods: dict[date, Histogram] = defaultdict(Histogram.empty)
    if filters.needs_raw_rows:
        for (day, _), counts in _raw_by_day(filters).items():
            periods[period_start(day, by)] += Histogram(tuple(counts))
    else:
        for (day,), histogram in _sums(_rollup_rows(filters), "day"):
            periods[period_start(day, by)] += histogram
    return sorted(periods.items())


def segments(filters: Filters, by: str) -> list[tuple[str, Histogram]]:
    """One histogram per value of `by`: a segment attribute, 'language', 'channel' or 'survey'."""
    if by in BUILT_IN_GROUPS:
        column = "survey_id" if by == "survey" else "channel"
        if filters.needs_raw_rows:
            grouped: dict[str, Histogram] = defaultdict(Histogram.empty)
            for (_, value), counts in _raw_by_day(filters, column).items():
                grouped[str(value)] += Histogram(tuple(counts))
            return sorted(grouped.items())
        return [
            (str(value), histogram) for (value,), histogram in _sums(_rollup_rows(filters), column)
        ]
    if filters.needs_raw_rows or (filters.attributes and filters.attributes[0][0] != by):
        return _raw_segments(filters, by)
    if filters.attributes:  # filtered on this very attribute: one group
        return [(filters.attributes[0][1], headline(filters))]
    return [(value, histogram) for (value,), histogram in _sums(_rollup_rows(filters, by), "value")]


def _raw_segments(filters: Filters, by: str) -> list[tuple[str, Histogram]]:
    field_name = "language" if by == "language" else f"attributes__{by}"
    grouped: dict[str, list[int]] = defaultdict(lambda: [0] * 11)
    responses = _raw_responses(filters)
    if filters.date_from or filters.date_to:
        # Local-day filtering happens in Python in _raw_by_day; here a coarse UTC window plus a
        # precise check keeps the SQL simple and the answer exact.
        rows = responses.values_list("created_at", field_name, "score").iterator(chunk_size=5000)
        for created_at, value, score in rows:
            day = local_day(created_at)
            if (filters.date_from and day < filters.date_from) or (
                filters.date_to and day > filters.date_to
            ):
                continue
            if value not in (None, ""):
                grouped[str(value)][score] += 1
    else:
        for row in responses.values(field_name, "score").annotate(count=Count("id")):
            if row[field_name] not in (None, ""):
                grouped[str(row[field_name])][row["score"]] += row["count"]
    return sorted((value, Histogram(tuple(counts))) for value, counts in grouped.items())
