from __future__ import annotations

from opennps.stats import Histogram, compare_independent

from .helpers import run, run_json, write

MAY = [9, 10, 6, 7, 9, 3, 10, 8, 9, 5] * 4
JUNE = [10, 10, 9, 9, 7, 9, 10, 8, 9, 6] * 4


def test_it_compares_the_latest_period_with_the_one_before(tmp_path):
    rows = (
        [["2025-04-02", 9]] + [["2025-05-10", s] for s in MAY] + [["2025-06-03", s] for s in JUNE]
    )
    path = write(tmp_path, "csv", ["date", "score"], rows)

    data = run_json(path, "--by", "month", "--compare-last")

    comparison = compare_independent(Histogram.from_scores(MAY), Histogram.from_scores(JUNE))
    assert data["comparison"]["previous"] == "2025-05"
    assert data["comparison"]["latest"] == "2025-06"
    assert data["comparison"]["verdict"] == comparison.verdict()
    assert data["comparison"]["difference"] == round(comparison.difference, 1)
    assert data["comparison"]["n_previous"] == len(MAY)


def test_the_table_prints_the_verdict(tmp_path):
    rows = [["2025-05-10", s] for s in MAY] + [["2025-06-03", s] for s in JUNE]
    path = write(tmp_path, "csv", ["date", "score"], rows)

    result = run(path, "--by", "month", "--compare-last")

    verdict = compare_independent(Histogram.from_scores(MAY), Histogram.from_scores(JUNE)).verdict()
    assert "2025-06 (n = 40) vs 2025-05 (n = 40)" in result.stdout
    assert verdict in " ".join(result.stdout.split())


def test_compare_last_needs_periods(tmp_path):
    path = write(tmp_path, "csv", ["date", "score"], [["2025-05-10", 9]])

    result = run(path, "--compare-last")

    assert result.exit_code == 2
    assert "needs --by" in result.stderr


def test_a_single_period_is_reported_as_not_comparable(tmp_path):
    path = write(tmp_path, "csv", ["date", "score"], [["2025-05-10", 9], ["2025-05-11", 3]])

    data = run_json(path, "--by", "month", "--compare-last")

    assert data["comparison"] is None
