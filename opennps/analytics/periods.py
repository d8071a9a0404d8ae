"""Calendar periods for trends: day, ISO week (from Monday), month, quarter."""

from __future__ import annotations

from datetime import date, timedelta

PERIODS = ("day", "week", "month", "quarter")


def period_start(day: date, by: str) -> date:
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    raise ValueError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")


def period_label(start: date, by: str) -> str:
    """The label the CLI and the API share: 2025-03-14, 2025-03-10 (week's Monday), 2025-03, 2025-Q1."""
    if by in ("day", "week"):
        return start.isoformat()
    if by == "month":
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"


def previous_range(date_from: date, date_to: date) -> tuple[date, date]:
    """The period of equal length just before [date_from, date_to] (both inclusive)."""
    length = (date_to - date_from).days + 1
    return date_from - timedelta(days=length), date_from - timedelta(days=1)
