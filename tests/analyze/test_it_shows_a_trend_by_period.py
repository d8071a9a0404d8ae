from __future__ import annotations

import datetime as dt

import pytest

from .helpers import HEADLINE_KEYS, expected, run_json, write

ANSWERS = [
    ("2025-01-06", 10),  # Monday, week 2
    ("2025-01-12", 3),  # Sunday, same ISO week
    ("2025-01-13", 9),  # Monday, next week
    ("2025-02-01", 7),
    ("2025-03-31", 0),
    ("2025-04-01", 10),  # Q2
    ("2025-06-15", 9),
]


def by_period(label_of) -> dict[str, list[int]]:
    grouped: dict[str, list[int]] = {}
    for day, score in ANSWERS:
        grouped.setdefault(label_of(dt.date.fromisoformat(day)), []).append(score)
    return grouped


LABELS = {
    "day": lambda day: day.isoformat(),
    "week": lambda day: (day - dt.timedelta(days=day.weekday())).isoformat(),
    "month": lambda day: f"{day.year}-{day.month:02d}",
    "quarter": lambda day: f"{day.year}-Q{(day.month - 1) // 3 + 1}",
}


@pytest.mark.parametrize("period", ["day", "week", "month", "quarter"])
def test_each_trend_point_has_its_own_n_and_interval(tmp_path, period):
    path = write(tmp_path, "csv", ["date", "score"], ANSWERS)

    data = run_json(path, "--by", period)

    grouped = by_period(LABELS[period])
    answered = {row["period"]: row for row in data["trend"] if row["n"]}
    assert list(answered) == sorted(grouped)
    for label, scores in grouped.items():
        assert answered[label] == {**expected(scores), "period": label}
    assert all(set(row) == HEADLINE_KEYS | {"period"} for row in data["trend"])


def test_periods_without_answers_are_kept_as_gaps(tmp_path):
    path = write(tmp_path, "csv", ["date", "score"], ANSWERS)

    trend = run_json(path, "--by", "month")["trend"]

    assert [row["period"] for row in trend] == [f"2025-{m:02d}" for m in range(1, 7)]
    may = trend[4]
    assert may["n"] == 0 and may["nps"] is None and may["ci_low"] is None


def test_the_date_column_is_found_by_name_or_given(tmp_path):
    rows = [(day, score) for day, score in ANSWERS]
    auto = write(tmp_path, "csv", ["Answered_At ", "score"], rows, name="auto")
    named = write(tmp_path, "csv", ["when", "score"], rows, name="named")

    assert run_json(auto, "--by", "quarter")["date_column"] == "Answered_At "
    assert run_json(named, "--by", "quarter", "--date", "when")["trend"][0]["period"] == "2025-Q1"


def test_answers_without_a_date_stay_in_the_headline_but_not_the_trend(tmp_path):
    path = write(tmp_path, "csv", ["date", "score"], [*ANSWERS, ("", 10), ("", 2)])

    data = run_json(path, "--by", "month")

    assert data["undated"] == 2
    assert data["headline"]["n"] == len(ANSWERS) + 2
    assert sum(row["n"] for row in data["trend"]) == len(ANSWERS)
