"""Reading a contact file: a CSV (UTF-8, undecodable bytes replaced rather than fatal; comma,
semicolon or tab separated) or the first sheet of an XLSX, every cell as text."""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO

import polars as pl
from django.utils.translation import gettext as _

__all__ = ["ImportFileError", "read_table"]


class ImportFileError(Exception):
    """The file cannot be imported at all (missing, unreadable, empty, no identifier column)."""


def read_table(source: str | Path | bytes | IO[bytes], filename: str = "") -> pl.DataFrame:
    """Every cell of the file as text (null when empty); ImportFileError when it cannot be read."""
    name = (filename or (str(source) if isinstance(source, str | Path) else "")).lower()
    if isinstance(source, str | Path) and not Path(source).is_file():
        raise ImportFileError(_("The file %(name)s does not exist.") % {"name": str(source)})
    try:
        if name.endswith((".xlsx", ".xlsm", ".xls", ".ods")):
            frame = pl.read_excel(
                source if not isinstance(source, bytes) else io.BytesIO(source),
                engine="calamine",
                infer_schema_length=0,
            )
        else:
            frame = pl.read_csv(
                source,
                encoding="utf8-lossy",
                infer_schema=False,
                truncate_ragged_lines=True,
                separator=_separator(source),
            )
    except Exception as error:
        # Polars, fastexcel and the OS each raise their own types; any failure to parse means
        # the file "cannot be read", which the caller reports (exit status 2 on the CLI).
        raise ImportFileError(
            _("The file cannot be read as CSV or XLSX: %(error)s") % {"error": error}
        ) from None
    if frame.width == 0 or frame.height == 0:
        raise ImportFileError(_("The file has no rows to import."))
    # Strip every cell; a cell of only spaces counts as empty.
    frame = frame.select(
        pl.col(column).cast(pl.String).str.strip_chars().replace("", None).alias(column)
        for column in frame.columns
    )
    return frame


def _separator(source: str | Path | bytes | IO[bytes]) -> str:
    """`;` or a tab when the header line has more of them than commas (Excel's CSV export uses
    `;` in many locales), else a comma."""
    if isinstance(source, bytes):
        head = source[:65536]
    elif isinstance(source, str | Path):
        with open(source, "rb") as file:
            head = file.read(65536)
    else:
        position = source.tell()
        head = source.read(65536)
        source.seek(position)
    line = head.split(b"\n", 1)[0]
    counts = {separator: line.count(separator.encode()) for separator in (",", ";", "\t")}
    best = max(counts, key=lambda separator: counts[separator])
    return best if counts[best] > counts[","] else ","
