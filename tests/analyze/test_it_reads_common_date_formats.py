from __future__ import annotations

import datetime as dt

import pytest

from .helpers import run, run_json, write


@pytest.mark.parametrize(
    ("written", "month"),
    [
        ("2025-03-14", "2025-03"),
        ("2025-03-14T23:10:00", "2025-03"),
        ("2025-03-14 08:00", "2025-03"),
        ("14.03.2025", "2025-03"),
        ("14.03.2025 10:15", "2025-03"),
        ("03/14/2025", "2025-03"),
        ("2025/03/14", "2025-03"),
        ("20250314", "2025-03"),
        ("45730", "2025-03"),  # an Excel serial day number
        ("2025-04-01T01:30:00+03:00", "2025-03"),  # counted on its UTC day
    ],
)
def test_it_reads_a_date_written_like(tmp_path, written, month):
    path = write(tmp_path, "csv", ["date", "score"], [[written, 9], [written, 6]])

    trend = run_json(path, "--by", "month")["trend"]

    assert [(row["period"], row["n"]) for row in trend] == [(month, 2)]


def test_slashed_dates_are_read_day_first_when_a_value_proves_it(tmp_path):
    rows = [["25/03/2025", 9], ["02/04/2025", 8]]
    path = write(tmp_path, "csv", ["date", "score"], rows)

    data = run_json(path, "--by", "month")

    assert [row["period"] for row in data["trend"]] == ["2025-03", "2025-04"]
    assert any("day first" in note for note in data["notes"])


def test_excel_dates_are_read_from_a_workbook(tmp_path):
    rows = [[dt.date(2025, 1, 20), 10], [dt.date(2025, 2, 3), 4], [45720, 9]]  # 45720 = 2025-03-04
    path = write(tmp_path, "xlsx", ["created_at", "score"], rows)

    trend = run_json(path, "--by", "month")["trend"]

    assert [(row["period"], row["n"]) for row in trend] == [
        ("2025-01", 1),
        ("2025-02", 1),
        ("2025-03", 1),
    ]


def test_unreadable_dates_are_reported_like_invalid_scores(tmp_path):
    rows = [["2025-01-03", 9], ["yesterday", 8], ["2025-02-30", 7], ["2025-03-01", 10]]
    path = write(tmp_path, "csv", ["date", "score"], rows)

    result = run(path, "--by", "month")

    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "2 date(s) in column 'date' could not be read (rows 3, 4;" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unreadable_dates_are_skipped_when_asked(tmp_path):
    rows = [["2025-01-03", 9], ["yesterday", 8], ["2025-03-01", 10]]
    path = write(tmp_path, "csv", ["date", "score"], rows)

    data = run_json(path, "--by", "month", "--skip-invalid")

    assert data["invalid_dates"] == {"count": 1, "first_rows": [3]}
    assert data["headline"]["n"] == 2
