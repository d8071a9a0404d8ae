from __future__ import annotations

from .helpers import expected, run_json, write


def test_it_skips_invalid_scores_and_says_how_many(tmp_path):
    path = write(tmp_path, "csv", ["score"], [[9], ["abc"], [8], [12], [3], [10]])

    data = run_json(path, "--skip-invalid")

    assert data["headline"] == expected([9, 8, 3, 10])
    assert data["invalid"] == {"count": 2, "first_rows": [3, 5]}
    assert data["rows"] == 6


def test_the_table_says_what_was_skipped(tmp_path):
    from .helpers import run

    path = write(tmp_path, "csv", ["score"], [[9], ["abc"], [8]])

    result = run(path, "--skip-invalid")

    assert result.exit_code == 0
    assert "Skipped 1 invalid score(s) (row 3" in result.stdout
