from __future__ import annotations

import pytest

from .helpers import expected, run_json, write


@pytest.mark.parametrize("kind", ["csv", "xlsx", "parquet", "jsonl"])
def test_blank_and_na_scores_are_no_answer_not_errors(tmp_path, kind):
    rows = [[9], [None], [7], [None], [2], [10]]
    if kind == "csv":
        rows[1] = ["NA"]
    path = write(tmp_path, kind, ["score"], rows)

    data = run_json(path)

    assert data["headline"] == expected([9, 7, 2, 10])
    assert data["missing"] == 2
    assert data["rows"] == 6
    assert "invalid" not in data


def test_na_spellings_from_other_tools_count_as_missing(tmp_path):
    path = write(tmp_path, "csv", ["score"], [[9], ["N/A"], ["#N/A"], ["null"], [" "], [6]])

    data = run_json(path)

    assert data["missing"] == 4
    assert data["headline"]["n"] == 2
