"""Which days a scheduled report covers and when it goes out: whole weeks (Monday to Sunday),
calendar months and quarters, sent the morning after; a late worker sends only the latest."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from opennps.reports.schedule import (
    Period,
    due_at,
    following,
    latest_due_period,
    next_period_to_send,
    period_containing,
    preceding,
    recent_periods,
)


@pytest.fixture(autouse=True)
def almaty(settings):
    settings.TIME_ZONE = "Asia/Almaty"


def moment(text: str) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo("Asia/Almaty"))


@pytest.mark.parametrize(
    ("frequency", "day", "start", "end"),
    [
        ("weekly", date(2025, 3, 5), date(2025, 3, 3), date(2025, 3, 9)),
        ("weekly", date(2024, 12, 31), date(2024, 12, 30), date(2025, 1, 5)),
        ("monthly", date(2024, 2, 10), date(2024, 2, 1), date(2024, 2, 29)),
        ("quarterly", date(2025, 11, 30), date(2025, 10, 1), date(2025, 12, 31)),
    ],
)
def test_a_period_is_a_whole_calendar_unit(frequency, day, start, end):
    assert period_containing(day, frequency) == Period(start, end)


def test_periods_chain_without_gaps():
    march = period_containing(date(2025, 3, 15), "monthly")

    assert following(march, "monthly") == Period(date(2025, 4, 1), date(2025, 4, 30))
    assert preceding(march, "monthly") == Period(date(2025, 2, 1), date(2025, 2, 28))
    quarters = recent_periods(period_containing(date(2025, 2, 1), "quarterly"), "quarterly", 3)
    assert [q.start for q in quarters] == [date(2024, 7, 1), date(2024, 10, 1), date(2025, 1, 1)]


def test_a_period_is_due_at_six_the_morning_after_in_the_server_time_zone():
    week = Period(date(2025, 3, 3), date(2025, 3, 9))

    assert due_at(week) == moment("2025-03-10T06:00")


def test_the_latest_due_period_waits_for_the_morning():
    assert latest_due_period("weekly", moment("2025-03-10T05:59")).start == date(2025, 2, 24)
    assert latest_due_period("weekly", moment("2025-03-10T06:00")).start == date(2025, 3, 3)
    assert latest_due_period("monthly", moment("2025-03-15T12:00")).start == date(2025, 2, 1)


def test_a_new_report_waits_for_the_current_period_to_end():
    assert next_period_to_send("monthly", None, moment("2025-03-15T12:00")) == Period(
        date(2025, 3, 1), date(2025, 3, 31)
    )


def test_after_a_long_outage_only_the_latest_period_is_sent():
    january = Period(date(2025, 1, 1), date(2025, 1, 31))

    on_time = next_period_to_send("monthly", january, moment("2025-02-01T06:00"))
    late = next_period_to_send("monthly", january, moment("2025-06-20T09:00"))

    assert on_time.start == date(2025, 2, 1)
    assert late.start == date(2025, 5, 1)
