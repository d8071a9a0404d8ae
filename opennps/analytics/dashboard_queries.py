"""Histograms for the dashboard and the API: from the rollup when it can answer, else from raw rows.

The rollup answers a view with no class filter and at most one attribute filter on a rolled-up
attribute (a segment dimension or `language`); every figure then costs one aggregate over rollup
rows, whose number grows with days × channels × segment values, never with answers. Segment
tables read whole closed months from RollupMonth (built on first use) and only the days at the
edges of the range from Rollup, so a year of 50 groups stays a few thousand cells. Other views
fall back to the responses, still aggregated by the database (GROUP BY local day and score), never
loaded row by row. Both paths give the same histograms: tests compare them with raw scores.

`Filters` (from opennps.analytics.queries) is the one description of "which answers".
"""

from __future__ import annotations

import zoneinfo
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.fields.json import KeyTransform
from django.db.models.functions import TruncDate

from opennps.analytics.models import SCORE_COLUMNS, Rollup, RollupMonth
from opennps.analytics.periods import period_start
from opennps.analytics.queries import Filters
from opennps.analytics.rollups import (
    BUILT_IN_DIMENSIONS,
    VALUE_MAX_LENGTH,
    build_month_cells,
    current_month,
    segment_keys,
)
from opennps.stats import Histogram

# Groups that are columns of both a response and a rollup row.
COLUMN_GROUPS = {"channel": "channel", "survey": "survey_id"}


def rolled_up_keys(workspace_id: int) -> frozenset[str]:
    """Attributes the rollup holds cells for: the workspace's segment dimensions and language."""
    return frozenset((*segment_keys(workspace_id), *BUILT_IN_DIMENSIONS))


def answerable_from_rollup(
    filters: Filters, rolled_up: frozenset[str], group: str | None = None
) -> bool:
    """True when the rollup holds exactly the answers these filters (and this grouping) ask for."""
    if filters.needs_raw_rows:
        return False
    filtered_on = filters.attributes[0][0] if filters.attributes else None
    if filtered_on is not None and filtered_on not in rolled_up:
        return False
    if group is None or group in COLUMN_GROUPS:
        return True
    # A rollup cell has one (dimension, value): grouping by another attribute needs raw rows.
    return group in rolled_up and filtered_on in (None, group)


# ---------------------------------------------------------------- rollup path


def _rollup_rows(
    filters: Filters,
    group: str | None,
    model: type[Rollup] | type[RollupMonth] = Rollup,
    dates: tuple[date | None, date | None] | None = None,
) -> QuerySet:
    """Cells matching the filters, from the cells of `group` (None or a column group: totals).

    `model` is Rollup (days) or RollupMonth (closed months); `dates` overrides the filters' range.
    """
    when = "day" if model is Rollup else "month"
    start, end = dates if dates is not None else (filters.date_from, filters.date_to)
    rows = model.objects.filter(workspace_id=filters.workspace_id)
    if filters.survey_ids:
        rows = rows.filter(survey_id__in=filters.survey_ids)
    if start:
        rows = rows.filter(**{f"{when}__gte": start})
    if end:
        rows = rows.filter(**{f"{when}__lte": end})
    if filters.channels:
        rows = rows.filter(channel__in=filters.channels)
    if filters.attributes:
        [(attribute, value)] = filters.attributes
        return rows.filter(dimension=attribute, value=value)
    if group is not None and group not in COLUMN_GROUPS:
        return rows.filter(dimension=group)
    return rows.filter(dimension="")


def closed_months(start: date, end: date | None) -> list[date]:
    """First days of the calendar months wholly inside [start, end] and before this month."""
    first = start if start.day == 1 else next_month(start)
    this_month = current_month()
    months = []
    month = first
    while month < this_month and (end is None or next_month(month) <= end + timedelta(days=1)):
        months.append(month)
        month = next_month(month)
    return months


def next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def _score_sums() -> dict[str, Sum]:
    # Aliased apart from the columns, or Django would group by the columns themselves.
    return {f"total_{column}": Sum(column) for column in SCORE_COLUMNS}


def _counts_of(row: dict) -> list[int]:
    return [int(row[f"total_{column}"] or 0) for column in SCORE_COLUMNS]


def _grouped(rows: QuerySet, group_field: str, into: dict) -> dict:
    for row in rows.order_by().values(group_field).annotate(**_score_sums()):
        bucket = into.setdefault(row[group_field], [0] * 11)
        for score, count in enumerate(_counts_of(row)):
            bucket[score] += count
    return into


def _rollup_groups(filters: Filters, group_field: str, dimension: str | None) -> dict:
    """{group value: 11 counts}. Plain lists: a Histogram checks every count it is given, which
    costs more than the query when a trend folds 365 days into 12 months."""
    return _grouped(_rollup_rows(filters, dimension), group_field, {})


def _rollup_groups_by_month(filters: Filters, group_field: str, dimension: str | None) -> dict:
    """As _rollup_groups, reading whole closed months from RollupMonth and only the days at the
    edges of the range from Rollup: a year of 50 agents reads about 25,000 cells, not 220,000."""
    start = filters.date_from or _first_day(filters.workspace_id)
    months = closed_months(start, filters.date_to) if start else []
    if not months:
        return _rollup_groups(filters, group_field, dimension)
    build_month_cells(filters.workspace_id, months)
    monthly = _rollup_rows(filters, dimension, RollupMonth, (months[0], months[-1]))
    found = _grouped(monthly, group_field, {})
    edges = _rollup_rows(filters, dimension).exclude(
        day__gte=months[0], day__lt=next_month(months[-1])
    )
    return _grouped(edges, group_field, found)


def _first_day(workspace_id: int) -> date | None:
    return (
        Rollup.objects.filter(workspace_id=workspace_id, dimension="")
        .order_by("day")
        .values_list("day", flat=True)
        .first()
    )


# ---------------------------------------------------------------- raw path


def local_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def start_of_local_day(day: date) -> datetime:
    """The first instant of `day` in the server's time zone: rollup days are local days."""
    return datetime.combine(day, time.min, tzinfo=local_zone())


def attribute_condition(alias: str, value: str) -> Q:
    """Attributes arrive as JSON, so store=12 may be stored as the number 12 or the text "12"."""
    condition = Q(**{alias: value})
    for kind in (int, float):
        try:
            return condition | Q(**{alias: kind(value)})
        except ValueError:
            continue
    return condition


def with_attributes(rows: QuerySet, attributes: tuple[tuple[str, str], ...]) -> QuerySet:
    """Responses whose attributes (or language, for "language") equal every given value."""
    for position, (name, value) in enumerate(attributes):
        if name == "language":
            rows = rows.filter(language=value)
            continue
        # KeyTransform takes the name literally, so "contains" stays a key and never a lookup.
        alias = f"attribute_{position}"
        rows = rows.alias(**{alias: KeyTransform(name, "attributes")}).filter(
            attribute_condition(alias, value)
        )
    return rows


def raw_responses(filters: Filters) -> QuerySet:
    """The responses the filters choose; dates are whole local days, both ends included."""
    from opennps.responses.models import Response

    rows = Response.objects.filter(workspace_id=filters.workspace_id)
    if filters.survey_ids:
        rows = rows.filter(survey_id__in=filters.survey_ids)
    if filters.date_from:
        rows = rows.filter(created_at__gte=start_of_local_day(filters.date_from))
    if filters.date_to:
        rows = rows.filter(created_at__lt=start_of_local_day(filters.date_to + timedelta(days=1)))
    if filters.channels:
        rows = rows.filter(channel__in=filters.channels)
    if filters.classes:
        rows = rows.filter(nps_class__in=filters.classes)
    rows = with_attributes(rows, filters.attributes)
    if filters.drivers:
        from opennps.comments.filtering import only_drivers

        rows = only_drivers(rows, filters.drivers)
    return rows


def rollup_value(value: object) -> str | None:
    """The text a rollup cell stores for an attribute value; None when the answer has none."""
    if value is None or value == "":
        return None
    return str(value)[:VALUE_MAX_LENGTH]


def _raw_groups(filters: Filters, group: str) -> dict[object, list[int]]:
    rows = raw_responses(filters)
    if group in COLUMN_GROUPS:
        field = COLUMN_GROUPS[group]
    elif group == "language":
        field = "language"
    else:
        field = "group_value"
        rows = rows.annotate(group_value=KeyTransform(group, "attributes"))
    cells: dict = defaultdict(lambda: [0] * 11)
    for row in rows.order_by().values(field, "score").annotate(answers=Count("id")):
        key = row[field] if group in COLUMN_GROUPS else rollup_value(row[field])
        if key is not None:
            cells[key][row["score"]] += row["answers"]
    return dict(cells)


def _raw_days(filters: Filters) -> dict[date, list[int]]:
    days = raw_responses(filters).annotate(local_day=TruncDate("created_at", tzinfo=local_zone()))
    cells: dict[date, list[int]] = defaultdict(lambda: [0] * 11)
    for row in days.order_by().values("local_day", "score").annotate(answers=Count("id")):
        cells[row["local_day"]][row["score"]] += row["answers"]
    return dict(cells)


def _raw_total(filters: Filters) -> Histogram:
    counts = raw_responses(filters).order_by().values("score").annotate(answers=Count("id"))
    return Histogram.from_counts({row["score"]: row["answers"] for row in counts})


# ---------------------------------------------------------------- the figures


def headline(filters: Filters, rolled_up: frozenset[str] | None = None) -> Histogram:
    """Every answer the filters choose, as one histogram."""
    rolled_up = rolled_up_keys(filters.workspace_id) if rolled_up is None else rolled_up
    if not answerable_from_rollup(filters, rolled_up):
        return _raw_total(filters)
    row = _rollup_rows(filters, None).aggregate(**_score_sums())
    return Histogram(tuple(_counts_of(row)))


def trend(
    filters: Filters, by: str, rolled_up: frozenset[str] | None = None
) -> list[tuple[date, Histogram]]:
    """One histogram per period (day, week, month, quarter) that has answers, oldest first."""
    rolled_up = rolled_up_keys(filters.workspace_id) if rolled_up is None else rolled_up
    if answerable_from_rollup(filters, rolled_up):
        days = _rollup_groups(filters, "day", None)
    else:
        days = _raw_days(filters)
    periods: dict[date, list[int]] = defaultdict(lambda: [0] * 11)
    for day, counts in days.items():
        bucket = periods[period_start(day, by)]
        for score, count in enumerate(counts):
            bucket[score] += count
    return sorted((start, Histogram(tuple(c))) for start, c in periods.items() if any(c))


def segments(
    filters: Filters, group: str, rolled_up: frozenset[str] | None = None
) -> list[tuple[str, Histogram]]:
    """One histogram per value of `group` (an attribute, `language`, `channel` or `survey`).

    Survey groups are keyed by the survey's id as text. Groups without answers are left out.
    """
    rolled_up = rolled_up_keys(filters.workspace_id) if rolled_up is None else rolled_up
    if not answerable_from_rollup(filters, rolled_up, group):
        found = _raw_groups(filters, group)
    elif group in COLUMN_GROUPS:
        found = _rollup_groups_by_month(filters, COLUMN_GROUPS[group], None)
    else:
        found = _rollup_groups_by_month(filters, "value", group)
    return sorted((str(key), Histogram(tuple(c))) for key, c in found.items() if any(c))
