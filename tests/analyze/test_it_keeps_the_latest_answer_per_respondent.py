from __future__ import annotations

import pytest

from .helpers import expected, run_json, write


@pytest.mark.parametrize("kind", ["csv", "parquet", "xlsx"])
def test_it_keeps_each_respondents_latest_answer_by_date(tmp_path, kind):
    rows = [
        ["a", "2025-03-01", 2],
        ["b", "2025-01-05", 9],
        ["a", "2025-01-01", 10],  # earlier than a's first row in the file: dropped
        ["c", "2025-02-02", 7],
        ["b", "2025-02-05", 6],
        ["", "2025-02-06", 10],  # no id: always kept
        ["", "2025-02-07", 10],
    ]
    path = write(tmp_path, kind, ["respondent", "date", "score"], rows)

    data = run_json(path, "--id", "respondent", "--date", "date")

    assert data["skipped_duplicates"] == 2
    assert data["headline"] == expected([2, 7, 6, 10, 10])
    assert data["rows"] == len(rows)


def test_without_dates_the_last_row_in_the_file_wins(tmp_path):
    rows = [["a", 2], ["b", 9], ["a", 10], ["a", ""], ["b", 6]]
    path = write(tmp_path, "csv", ["id", "score"], rows)

    data = run_json(path, "--id", "id")

    # a's blank answer is "no answer", so it does not replace a's 10.
    assert data["headline"] == expected([10, 6])
    assert data["skipped_duplicates"] == 2
    assert data["missing"] == 1


def test_dedup_feeds_the_trend_and_segments(sample):
    plain = run_json(sample, "--by", "month", "--segment", "region")
    deduplicated = run_json(sample, "--by", "month", "--segment", "region", "--id", "respondent_id")

    dropped = deduplicated["skipped_duplicates"]
    assert dropped > 0
    assert deduplicated["headline"]["n"] == plain["headline"]["n"] - dropped
    assert sum(row["n"] for row in deduplicated["trend"]) == deduplicated["headline"]["n"]
    assert (
        sum(row["n"] for row in deduplicated["segments"]["region"])
        == (deduplicated["headline"]["n"])
    )
