from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner, Result

from opennps.text.command import text

COMMENTS = [
    ("Цены слишком высокие", "3"),
    ("", "8"),
    ("The courier was two days late", "NA"),
    ("NA", "9"),
    ("快递太慢了", "5"),
]


def run(*arguments: object) -> Result:
    return CliRunner().invoke(text, ["classify", *[str(a) for a in arguments]])


def lines(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "answers.csv"
    pl.DataFrame(
        {"comment": [c for c, _ in COMMENTS], "score": [s for _, s in COMMENTS]}
    ).write_csv(path)
    return path


def test_it_prints_one_object_per_row_in_order_with_spreadsheet_row_numbers(
    csv_file: Path,
) -> None:
    result = run(csv_file, "--column", "comment", "--score", "score", "--rules-only")
    assert result.exit_code == 0, result.output
    objects = lines(result)
    assert [o["row"] for o in objects] == [2, 3, 4, 5, 6]
    assert all(list(o) == ["row", "language", "drivers", "sentiment"] for o in objects)
    assert objects[0] == {"row": 2, "language": "ru", "drivers": ["price"], "sentiment": "negative"}
    assert objects[1] == {"row": 3, "language": None, "drivers": [], "sentiment": None}
    assert objects[2]["drivers"] == ["delivery"]
    assert objects[3] == {"row": 5, "language": None, "drivers": [], "sentiment": None}
    assert objects[4]["language"] == "zh-hans"


def test_json_lines_records_are_numbered_from_one(tmp_path: Path) -> None:
    path = tmp_path / "answers.jsonl"
    path.write_text(
        '{"text": "Служителите са много любезни"}\n{"text": "Бағасы тым қымбат"}\n',
        encoding="utf-8",
    )
    result = run(path, "--column", "text", "--rules-only")
    assert result.exit_code == 0, result.output
    assert [(o["row"], o["language"], o["drivers"]) for o in lines(result)] == [
        (1, "bg", ["staff"]),
        (2, "kk", ["price"]),
    ]


def test_it_reads_text_with_stray_latin1_bytes(tmp_path: Path) -> None:
    path = tmp_path / "botanic.csv"
    path.write_bytes(b"explication,nps\nprix tr\xe8s \xe9lev\xe9s,4\n")
    result = run(path, "--column", "explication", "--score", "nps", "--languages", "fr,en")
    assert result.exit_code == 0, result.output
    assert lines(result) == [
        {"row": 2, "language": "fr", "drivers": ["price"], "sentiment": "negative"}
    ]


def test_the_table_format_lists_every_row(csv_file: Path) -> None:
    result = run(csv_file, "--column", "comment", "--format", "table", "--rules-only")
    assert result.exit_code == 0, result.output
    assert "Цены слишком высокие" in result.stdout
    assert "5 rows; drivers:" in result.stdout


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--column", "missing"],
            "has no column 'missing' (--column); its columns are: comment, score",
        ),
        (
            ["--column", "comment", "--score", "comment"],
            "3 value(s) in column 'comment' are not whole numbers from 0 to 10 (rows 2, 4, 6;",
        ),
        (["--column", "comment", "--languages", "en,xx"], "unknown language code(s) xx"),
    ],
)
def test_bad_input_gives_one_sentence_and_exit_2(
    csv_file: Path, arguments: list[str], message: str
) -> None:
    result = run(csv_file, *arguments, "--rules-only")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_a_missing_file_is_reported_without_a_traceback(tmp_path: Path) -> None:
    result = run(tmp_path / "nope.csv", "--column", "comment")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: File not found: {tmp_path / 'nope.csv'}."
