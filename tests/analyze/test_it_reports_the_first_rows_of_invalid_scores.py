from __future__ import annotations

import pytest

from .helpers import run, write

# Data rows are numbered as a spreadsheet shows them: header is row 1, first answer row 2.
ROWS = [[9], [10], ["abc"], [8], [11], [7], [7.5], [-1], [9]]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_it_reports_the_first_rows_of_invalid_scores(tmp_path, kind):
    path = write(tmp_path, kind, ["score"], ROWS)

    result = run(path)

    assert result.exit_code == 2
    assert "Traceback" not in result.output
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1
    assert "4 value(s)" in message
    assert "rows 4, 6, 8, 9" in message
    assert "--skip-invalid" in message


def test_jsonl_rows_are_numbered_from_the_first_record(tmp_path):
    path = write(tmp_path, "jsonl", ["score"], [[9], ["oops"], [8]])

    result = run(path)

    assert result.exit_code == 2
    assert "row 2" in result.stderr


def test_it_lists_only_the_first_ten_rows_and_the_total(tmp_path):
    rows = [["x"] if index % 2 else [9] for index in range(40)]
    path = write(tmp_path, "csv", ["score"], rows)

    result = run(path)

    assert result.exit_code == 2
    assert "first 10 of 20" in result.stderr
    assert "rows 3, 5, 7, 9, 11, 13, 15, 17, 19, 21 " in result.stderr


def test_a_late_bad_value_is_found_after_type_inference_gave_up(tmp_path):
    # Polars infers the column type from the first rows; a bad value far below must still be
    # reported with its true row number rather than crash the reader.
    rows = [[9]] * 20_000 + [["ten"]] + [[8]] * 10
    path = write(tmp_path, "csv", ["score"], rows)

    result = run(path)

    assert result.exit_code == 2
    assert "row 20002" in result.stderr


def test_blank_rows_inside_a_workbook_keep_excel_row_numbers(tmp_path):
    # Excel row 3 is empty; the bad value sits in Excel row 4.
    path = write(tmp_path, "xlsx", ["score", "region"], [[9, "a"], [None, None], ["abc", "b"]])

    result = run(path)

    assert result.exit_code == 2
    assert "(row 4;" in result.stderr
