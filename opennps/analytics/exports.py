"""CSV and XLSX writing for exports, safe to open in a spreadsheet. No Django here.

Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return, which some
of them skip before looking) as a formula: a comment "=HYPERLINK(…)" would become a live link,
and worse. Every text cell, the header included, is therefore neutralised with a leading
single quote, as OWASP recommends. Numbers and dates are written as numbers and dates.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

import xlsxwriter

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Excel reads a UTF-8 file as the local code page unless it starts with a byte order mark.
BYTE_ORDER_MARK = "\ufeff"
XLSX_SHEET_NAME_MAX = 31
XLSX_CELL_MAX = 32_767
XLSX_ROWS_MAX = 1_048_576  # a worksheet's limit, the header row included


def neutralise(value: str) -> str:
    """`value` with a leading quote if a spreadsheet would read it as a formula."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def cell_text(value: Any) -> str:
    """How a value reads in CSV: ISO dates, plain numbers, empty for None, neutralised text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return neutralise(str(value))


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a stream."""

    def write(self, text: str) -> str:
        return text


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The CSV file line by line (byte order mark first), for a streaming response."""
    writer = csv.writer(_Echo())
    yield BYTE_ORDER_MARK + writer.writerow([cell_text(name) for name in header])
    for row in rows:
        yield writer.writerow([cell_text(value) for value in row])


def write_xlsx(
    target: Path | BinaryIO,
    sheet_name: str,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
) -> int:
    """Write one sheet row by row (constant memory, so a million rows fit) to a path or a binary
    file; returns the number of rows.

    Strings are always written as strings, never parsed as formulas, numbers or links.
    """
    workbook = xlsxwriter.Workbook(
        str(target) if isinstance(target, Path) else target,
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
            "remove_timezone": True,
        },
    )
    bold = workbook.add_format({"bold": True})
    day_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    moment_format = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    sheet = workbook.add_worksheet(_sheet_name(sheet_name))
    for column, name in enumerate(header):
        sheet.write_string(0, column, neutralise(str(name)), bold)
    sheet.freeze_panes(1, 0)
    written = 0
    for written, row in enumerate(rows, start=1):
        if written >= XLSX_ROWS_MAX:  # Excel cannot open more; the CSV export has no limit
            written -= 1
            break
        for column, value in enumerate(row):
            _write_cell(sheet, written, column, value, day_format, moment_format)
    workbook.close()
    return written


def _write_cell(sheet: Any, row: int, column: int, value: Any, day: Any, moment: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, column, value)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, column, value)
    elif isinstance(value, datetime):
        sheet.write_datetime(row, column, value, moment)
    elif isinstance(value, date):
        sheet.write_datetime(row, column, datetime(value.year, value.month, value.day), day)
    else:
        sheet.write_string(row, column, neutralise(str(value))[:XLSX_CELL_MAX])


def _sheet_name(name: str) -> str:
    # Excel refuses these characters in a sheet name, and names longer than 31 characters.
    cleaned = "".join("_" if character in "[]:*?/\\" else character for character in name)
    return cleaned[:XLSX_SHEET_NAME_MAX] or "Sheet1"
