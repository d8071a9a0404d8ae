"""When a scheduled report is due and which days it covers.

A period is a whole ISO week (Monday to Sunday), calendar month or quarter in the server's time
zone, the same calendar the dashboard's trend uses. A period's report is due the morning after it
ends, so it covers every answer of the period, late evening ones included.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings

from opennps.analytics.periods import period_start
from opennps.analytics.rollups import local_day

# The hour (server time) at which a finished period's report goes out.
DELIVERY_HOUR = 6
TREND_UNITS = {"weekly": "week", "monthly": "month", "quarterly": "quarter"}


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # included


def unit_of(frequency: str) -> str:
    try:
        return TREND_UNITS[frequency]
    except KeyError:
        raise ValueError(
            f"unknown frequency {frequency!r}; use one of {', '.join(TREND_UNITS)}"
        ) from None


def _next_start(start: date, unit: str) -> date:
    if unit == "week":
        return start + timedelta(days=7)
    months = 1 if unit == "month" else 3
    month_index = start.month - 1 + months
    return date(start.year + month_index // 12, month_index % 12 + 1, 1)


def period_containing(day: date, frequency: str) -> Period:
    unit = unit_of(frequency)
    start = period_start(day, unit)
    return Period(start, _next_start(start, unit) - timedelta(days=1))


def following(period: Period, frequency: str) -> Period:
    return period_containing(period.end + timedelta(days=1), frequency)


def preceding(period: Period, frequency: str) -> Period:
    return period_containing(period.start - timedelta(days=1), frequency)


def due_at(period: Period) -> datetime:
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.combine(period.end + timedelta(days=1), time(DELIVERY_HOUR), tzinfo=zone)


def latest_due_period(frequency: str, now: datetime) -> Period:
    """The most recent period whose report is due at `now`."""
    period = preceding(period_containing(local_day(now), frequency), frequency)
    if due_at(period) > now:  # early on the first day of a period: the last one is not due yet
        period = preceding(period, frequency)
    return period


def next_period_to_send(frequency: str, after: Period | None, now: datetime) -> Period:
    """The period to schedule after `after` was handled (None: a new or re-armed report).

    Normally the one following `after`; a worker that was down for months sends only the latest
    finished period, not a burst of stale ones.
    """
    if after is None:
        return period_containing(local_day(now), frequency)
    candidate = following(after, frequency)
    latest = latest_due_period(frequency, now)
    return latest if latest.start > candidate.start else candidate


def recent_periods(last: Period, frequency: str, count: int) -> list[Period]:
    """`count` periods ending with `last`, oldest first."""
    periods = [last]
    while len(periods) < count:
        periods.insert(0, preceding(periods[0], frequency))
    return periods
