"""The dashboard's view, read from the URL's query string so that a link shares exactly that view.

`from`, `to` (YYYY-MM-DD, local days, both included), `survey` (id, repeatable), `channel`,
`class` and `attribute` (NAME:VALUE, repeatable, all must match), `by` (trend period),
`segment` (what the segment table groups by), `sort` (value, n, nps or difference; a leading
"-" sorts high to low) and `industry` (benchmarks). Anything malformed becomes an error that
names the parameter and says what to write instead; nothing here raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import gettext as _

from opennps.analytics.periods import PERIODS, period_start
from opennps.analytics.queries import Filters
from opennps.distribution.models import Channel
from opennps.stats import UnknownIndustryError, benchmarks_for, industries

ATTRIBUTE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,63}$")
ATTRIBUTE_VALUE_MAX_LENGTH = 200
CLASSES = ("promoter", "passive", "detractor")
SORT_KEYS = ("value", "n", "nps", "difference")
DEFAULT_SORT = "-nps"
DEFAULT_DAYS = 90
# More points than this make an unreadable chart; the message suggests a longer period.
MAX_TREND_POINTS = 400
BUILT_IN_GROUPS = ("channel", "language", "survey")


@dataclass(frozen=True)
class DashboardQuery:
    filters: Filters
    by: str
    segment: str
    sort: str = DEFAULT_SORT
    industry: str = ""
    errors: tuple[tuple[str, str], ...] = ()
    chosen_by: bool = False  # `by` came from the URL rather than from the range's length
    params: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def sort_key(self) -> str:
        return self.sort.lstrip("-")

    @property
    def sort_descending(self) -> bool:
        return self.sort.startswith("-")

    def query_string(self, **changes: str | None) -> str:
        """This view's query string with some parameters replaced (None removes one)."""
        kept = [(key, value) for key, value in self.params if key not in changes]
        added = [(key, value) for key, value in changes.items() if value not in (None, "")]
        return urlencode(kept + added)

    @property
    def filters_query(self) -> str:
        """The filters alone, with the dates the view shows even when they were the default, so
        a page that shares them (the drivers) shows the same answers as this dashboard."""
        filters = self.filters
        pairs = [
            ("from", filters.date_from.isoformat() if filters.date_from else ""),
            ("to", filters.date_to.isoformat() if filters.date_to else ""),
            *(("survey", str(survey_id)) for survey_id in filters.survey_ids),
            *(("channel", channel) for channel in filters.channels),
            *(("class", nps_class) for nps_class in filters.classes),
            *(("attribute", f"{name}:{value}") for name, value in filters.attributes),
        ]
        return urlencode([(key, value) for key, value in pairs if value])

    def without(self, key: str, value: str) -> str:
        """The query string with one value of a repeatable parameter removed."""
        return urlencode([(k, v) for k, v in self.params if (k, v) != (key, value)])


def default_period(date_from: date, date_to: date) -> str:
    days = (date_to - date_from).days + 1
    if days <= 31:
        return "day"
    if days <= 180:
        return "week"
    if days <= 3 * 366:
        return "month"
    return "quarter"


def trend_points(date_from: date, date_to: date, by: str) -> int:
    """How many periods the range touches (an upper bound on the trend's points)."""
    first, last = period_start(date_from, by), period_start(date_to, by)
    if by == "day":
        return (last - first).days + 1
    if by == "week":
        return (last - first).days // 7 + 1
    months = (last.year - first.year) * 12 + last.month - first.month
    return months + 1 if by == "month" else months // 3 + 1


def industry_key(text: str) -> str:
    """The benchmark key for a workspace's free-text industry, or "" when none matches."""
    if not text.strip():
        return ""
    try:
        return benchmarks_for(text)[0].industry
    except UnknownIndustryError:
        return ""


class _Reader:
    """Collects errors while reading parameters, so one bad value does not hide the others."""

    def __init__(self, data: QueryDict) -> None:
        self.data = data
        self.errors: list[tuple[str, str]] = []

    def fail(self, name: str, message: str) -> None:
        self.errors.append((name, message))

    def day(self, name: str) -> date | None:
        text = self.data.get(name, "").strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.fail(
                name,
                _("“%(value)s” is not a date; write it like 2025-03-31.") % {"value": text[:40]},
            )
            return None

    def choices(self, name: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
        chosen = []
        for value in self.data.getlist(name):
            if value in allowed:
                chosen.append(value)
            elif value:
                self.fail(
                    name,
                    _("“%(value)s” is not a %(name)s; use one of %(allowed)s.")
                    % {"value": value[:40], "name": name, "allowed": ", ".join(allowed)},
                )
        return tuple(dict.fromkeys(chosen))


def _read_surveys(reader: _Reader, survey_ids: set[int]) -> tuple[int, ...]:
    chosen = []
    for value in reader.data.getlist("survey"):
        if not value:
            continue
        if value.isdigit() and int(value) in survey_ids:
            chosen.append(int(value))
        else:
            # Same words for a survey elsewhere and for none at all: nothing leaks.
            reader.fail(
                "survey",
                _("There is no survey “%(value)s” in this workspace.") % {"value": value[:40]},
            )
    return tuple(dict.fromkeys(chosen))


def _read_attributes(reader: _Reader) -> tuple[tuple[str, str], ...]:
    pairs = []
    for value in reader.data.getlist("attribute"):
        if not value:
            continue
        name, separator, expected = value.partition(":")
        # PostgreSQL refuses NUL in text, so it must never reach a query.
        if not separator or not ATTRIBUTE_NAME.match(name) or not expected or "\x00" in value:
            reader.fail(
                "attribute",
                _("“%(value)s” is not an attribute filter; write NAME:VALUE, e.g. region:North.")
                % {"value": value[:60]},
            )
        elif len(expected) > ATTRIBUTE_VALUE_MAX_LENGTH:
            reader.fail(
                "attribute",
                _("The value of attribute “%(name)s” is longer than %(limit)s characters.")
                % {"name": name, "limit": ATTRIBUTE_VALUE_MAX_LENGTH},
            )
        else:
            pairs.append((name, expected))
    return tuple(dict.fromkeys(pairs))


def _read_range(reader: _Reader, today: date) -> tuple[date, date]:
    date_from, date_to = reader.day("from"), reader.day("to")
    date_to = date_to or today
    date_from = date_from or date_to - timedelta(days=DEFAULT_DAYS - 1)
    if date_from > date_to:
        reader.fail("from", _("The start date is after the end date; swap them."))
        date_from, date_to = date_to, date_from
    return date_from, date_to


def _read_period(reader: _Reader, date_from: date, date_to: date) -> tuple[str, bool]:
    chosen = reader.data.get("by", "")
    if not chosen:
        return default_period(date_from, date_to), False
    if chosen not in PERIODS:
        reader.fail(
            "by",
            _("“%(value)s” is not a period; use one of %(allowed)s.")
            % {"value": chosen[:40], "allowed": ", ".join(PERIODS)},
        )
        return default_period(date_from, date_to), False
    points = trend_points(date_from, date_to, chosen)
    if points > MAX_TREND_POINTS:
        reader.fail(
            "by",
            _(
                "A trend by %(period)s over this range would have %(points)s points; "
                "choose a longer period or a shorter range."
            )
            % {"period": chosen, "points": points},
        )
        return default_period(date_from, date_to), False
    return chosen, True


def parse_dashboard_query(
    data: QueryDict,
    *,
    workspace_id: int,
    survey_ids: set[int],
    segment_groups: tuple[str, ...],
    default_industry: str,
    today: date,
) -> DashboardQuery:
    """Read the view from `data`; `errors` lists every problem (empty when all is well)."""
    reader = _Reader(data)
    date_from, date_to = _read_range(reader, today)
    by, chosen_by = _read_period(reader, date_from, date_to)
    segment = data.get("segment", "") or (segment_groups[0] if segment_groups else "channel")
    if segment not in segment_groups:
        reader.fail(
            "segment",
            _("“%(value)s” is not a segment here; choose one of %(allowed)s.")
            % {"value": segment[:40], "allowed": ", ".join(segment_groups)},
        )
        segment = segment_groups[0]
    sort = data.get("sort", "") or DEFAULT_SORT
    if sort.lstrip("-") not in SORT_KEYS:
        reader.fail(
            "sort",
            _("“%(value)s” is not a column to sort by; use one of %(allowed)s.")
            % {"value": sort[:40], "allowed": ", ".join(SORT_KEYS)},
        )
        sort = DEFAULT_SORT
    industry = data.get("industry", default_industry)
    if industry and industry not in industries():
        reader.fail(
            "industry",
            _("There are no benchmarks for “%(value)s”; choose an industry from the list.")
            % {"value": industry[:60]},
        )
        industry = default_industry
    filters = Filters(
        workspace_id=workspace_id,
        survey_ids=_read_surveys(reader, survey_ids),
        date_from=date_from,
        date_to=date_to,
        channels=reader.choices("channel", tuple(Channel.values)),
        attributes=_read_attributes(reader),
        classes=reader.choices("class", CLASSES),
    )
    params = tuple((key, value) for key, values in data.lists() for value in values if value)
    return DashboardQuery(
        filters=filters,
        by=by,
        segment=segment,
        sort=sort,
        industry=industry,
        errors=tuple(reader.errors),
        chosen_by=chosen_by,
        params=params,
    )
