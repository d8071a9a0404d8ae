"""Every way a file or an option can be wrong: one sentence on stderr, exit status 2."""

from __future__ import annotations

import pytest

from .helpers import run, write, write_xlsx


def check_one_sentence(result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert lines[0].endswith((".", ")"))
    for fragment in fragments:
        assert fragment in lines[0]


def test_a_missing_file(tmp_path):
    check_one_sentence(run(tmp_path / "nope.csv"), "File not found", "nope.csv")


def test_a_folder(tmp_path):
    check_one_sentence(run(tmp_path), "is a folder")


def test_an_unsupported_extension(tmp_path):
    path = tmp_path / "answers.sav"
    path.write_bytes(b"\x00\x01")
    check_one_sentence(run(path), "unsupported extension", ".csv", ".xlsx", ".parquet", ".jsonl")


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_an_empty_file(tmp_path, content):
    path = tmp_path / "answers.csv"
    path.write_bytes(content)
    check_one_sentence(run(path), "answers.csv is empty")


def test_a_header_without_rows(tmp_path):
    path = tmp_path / "answers.csv"
    path.write_text("score,region\n")
    check_one_sentence(run(path), "has a header but no data rows")


def test_no_score_column(tmp_path):
    path = write(tmp_path, "csv", ["id", "comment"], [[1, "ok"]])
    check_one_sentence(run(path), "has no score column", "its columns are: id, comment", "--score")


def test_several_possible_score_columns(tmp_path):
    path = write(tmp_path, "csv", ["NPS", "rating"], [[9, 4]])
    check_one_sentence(run(path), "several columns", "NPS, rating", "--score")


def test_a_named_column_that_is_not_there(tmp_path):
    path = write(tmp_path, "csv", ["score"], [[9]])
    check_one_sentence(run(path, "--score", "answer"), "no column 'answer'", "columns are: score")


def test_trend_without_a_date_column(tmp_path):
    path = write(tmp_path, "csv", ["score", "region"], [[9, "x"]])
    check_one_sentence(run(path, "--by", "month"), "--by needs dates", "--date")


def test_a_corrupt_workbook(tmp_path):
    path = tmp_path / "answers.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    check_one_sentence(run(path), "Could not open answers.xlsx as an Excel workbook")


def test_an_empty_workbook(tmp_path):
    path = write_xlsx(tmp_path / "answers.xlsx", [], [])
    check_one_sentence(run(path), "answers.xlsx")


def test_a_corrupt_parquet_file(tmp_path):
    path = tmp_path / "answers.parquet"
    path.write_bytes(b"PAR1 not really parquet")
    check_one_sentence(run(path), "Could not read answers.parquet as Parquet")


def test_a_broken_json_lines_file(tmp_path):
    path = tmp_path / "answers.jsonl"
    path.write_text('{"score": 9}\n{"score": \n')
    check_one_sentence(run(path), "answers.jsonl")


def test_a_utf16_export(tmp_path):
    path = tmp_path / "answers.csv"
    path.write_bytes("score\n9\n".encode("utf-16"))
    check_one_sentence(run(path), "UTF-16", "UTF-8")


def test_no_valid_scores_at_all(tmp_path):
    path = write(tmp_path, "csv", ["score"], [[""], ["NA"]])
    check_one_sentence(run(path), "no valid scores", "2 blank")


def test_an_impossible_confidence(tmp_path):
    path = write(tmp_path, "csv", ["score"], [[9]])
    check_one_sentence(run(path, "--confidence", "95"), "--confidence must be between 0 and 1")


def test_an_output_file_that_cannot_be_written(tmp_path):
    path = write(tmp_path, "csv", ["score"], [[9]])
    check_one_sentence(
        run(path, "--output", tmp_path / "missing-folder" / "out.json"), "Could not write"
    )
