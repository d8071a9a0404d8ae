"""Decide, for each distinct raw value of the score and date columns, what it means.

These functions run on small frames of *distinct* raw values (or on counts grouped by raw value),
never row by row, so their cost does not grow with the file. Each raw score is ``valid`` (a whole
number on the scale), ``missing`` (blank or NA: the person gave no answer) or ``invalid`` (anything
else, e.g. "abc", 11, 7.5). Each raw date is ``dated``, ``undated`` (blank) or ``invalid``.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

MISSING_TOKENS = ("", "na", "n/a", "#n/a", "null", "none", "nan", "nil")
VALID, MISSING, INVALID = "valid", "missing", "invalid"
DATED, UNDATED = "dated", "undated"

EXCEL_EPOCH = dt.date(1899, 12, 30)
EXCEL_LAST_SERIAL = 2_958_465  # 9999-12-31

ISO_DATE = r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]|$)"
DOTTED_DATE = r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[\s,T]|$)"
SLASHED_DATE = r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:[\s,T]|$)"
COMPACT_DATE = r"^(\d{4})(\d{2})(\d{2})$"
SERIAL_DATE = r"^\d{1,7}(?:\.\d+)?$"
OFFSET_TIMESTAMPS = ("%Y-%m-%dT%H:%M:%S%.f%#z", "%Y-%m-%d %H:%M:%S%.f%#z")


def classify_scores(frame: pl.DataFrame, column: str, *, lowest: int) -> pl.DataFrame:
    """``frame`` plus ``score`` (Int8, null unless valid) and ``score_status`` for ``column``.

    ``lowest`` is the bottom of the scale: 0 for 0-10, 1 for 1-10 (where a 0 is invalid).
    """
    raw = pl.col(column)
    dtype = frame.schema[column]
    if dtype == pl.String:
        text = raw.str.strip_chars()
        missing = raw.is_null() | text.str.to_lowercase().is_in(MISSING_TOKENS)
        number = text.str.replace(",", ".", literal=True).cast(pl.Float64, strict=False)
    elif dtype.is_numeric():
        number = raw.cast(pl.Float64)
        missing = raw.is_null() | number.is_nan()
    else:
        number = pl.lit(None, dtype=pl.Float64)
        missing = raw.is_null()
    valid = (
        ~missing
        & number.is_not_null()
        & number.is_finite()
        & (number == number.floor())
        & number.is_between(lowest, 10)
    )
    return frame.with_columns(
        score=pl.when(valid).then(number.cast(pl.Int8)),
        score_status=pl.when(missing)
        .then(pl.lit(MISSING))
        .when(valid)
        .then(pl.lit(VALID))
        .otherwise(pl.lit(INVALID)),
    )


def parse_dates(frame: pl.DataFrame, column: str) -> tuple[pl.DataFrame, bool]:
    """``frame`` plus ``date`` (Date) and ``date_status``, and whether d/m/Y was assumed.

    Strings may be ISO (``2025-03-14``, with any time after it; a timestamp with a UTC offset
    counts on its UTC day), ``14.03.2025``, ``03/14/2025`` (month first, unless some value only
    makes sense day first, e.g. ``14/03/2025``: then the whole column is read day first),
    ``20250314`` or an Excel serial number such as ``45730``. Numbers are Excel serials.
    """
    dtype = frame.schema[column]
    raw = pl.col(column)
    day_first = False
    if dtype == pl.Date:
        parsed, missing = raw, raw.is_null()
    elif isinstance(dtype, pl.Datetime):
        parsed, missing = raw.dt.date(), raw.is_null()
    elif dtype.is_numeric():
        number = raw.cast(pl.Float64)
        compact = _from_parts(
            raw.cast(pl.Int64, strict=False).cast(pl.String), COMPACT_DATE, year=1, month=2, day=3
        )
        parsed = pl.coalesce(compact, _excel_serial(number))
        missing = raw.is_null() | number.is_nan()
    elif dtype == pl.String:
        day_first = _looks_day_first(frame.get_column(column))
        parsed, missing = _parse_text_dates(raw, day_first=day_first)
    else:
        parsed, missing = pl.lit(None, dtype=pl.Date), raw.is_null()
    return (
        frame.with_columns(date=parsed.cast(pl.Date)).with_columns(
            date_status=pl.when(missing)
            .then(pl.lit(UNDATED))
            .when(pl.col("date").is_not_null())
            .then(pl.lit(DATED))
            .otherwise(pl.lit(INVALID)),
        ),
        day_first,
    )


def blank_to_null(column: str) -> pl.Expr:
    """Segment values trimmed, with empty text treated as blank (null), as CSV readers do."""
    text = pl.col(column).str.strip_chars()
    return pl.when(text == "").then(None).otherwise(text).alias(column)


def looks_iso(values: pl.Series) -> bool:
    """True when every non-blank value starts like 2025-03-14 (safe for Polars' date parsing)."""
    text = values.drop_nulls().str.strip_chars()
    text = text.filter(text != "")
    return text.len() > 0 and bool(text.str.contains(r"^\d{4}-\d{2}-\d{2}").all())


def has_ambiguous_slashed_dates(values: pl.Series) -> bool:
    """True when some slashed date reads as a valid date either way round (e.g. 03/04/2025)."""
    if values.dtype != pl.String:
        return False
    parts = values.str.strip_chars().str.extract_groups(SLASHED_DATE)
    first = parts.struct.field("1").cast(pl.Int32, strict=False)
    second = parts.struct.field("2").cast(pl.Int32, strict=False)
    return bool(((first <= 12) & (second <= 12) & (first != second)).any())


def _looks_day_first(values: pl.Series) -> bool:
    parts = values.str.strip_chars().str.extract_groups(SLASHED_DATE)
    first = parts.struct.field("1").cast(pl.Int32, strict=False)
    second = parts.struct.field("2").cast(pl.Int32, strict=False)
    return bool((first > 12).any()) and not bool((second > 12).any())


def _parse_text_dates(raw: pl.Expr, *, day_first: bool) -> tuple[pl.Expr, pl.Expr]:
    text = raw.str.strip_chars()
    missing = raw.is_null() | text.str.to_lowercase().is_in(MISSING_TOKENS)
    month, day = (2, 1) if day_first else (1, 2)
    candidates = [
        *(
            text.str.to_datetime(form, strict=False, time_zone="UTC").dt.date()
            for form in OFFSET_TIMESTAMPS
        ),
        _from_parts(text, ISO_DATE, year=1, month=2, day=3),
        _from_parts(text, DOTTED_DATE, year=3, month=2, day=1),
        _from_parts(text, SLASHED_DATE, year=3, month=month, day=day),
        _from_parts(text, COMPACT_DATE, year=1, month=2, day=3),
        pl.when(text.str.contains(SERIAL_DATE)).then(
            _excel_serial(text.cast(pl.Float64, strict=False))
        ),
    ]
    return pl.coalesce(candidates), missing


def _from_parts(text: pl.Expr, pattern: str, *, year: int, month: int, day: int) -> pl.Expr:
    iso = pl.concat_str(
        text.str.extract(pattern, year),
        text.str.extract(pattern, month).str.zfill(2),
        text.str.extract(pattern, day).str.zfill(2),
        separator="-",
    )
    return iso.str.to_date("%Y-%m-%d", strict=False)


def _excel_serial(number: pl.Expr) -> pl.Expr:
    in_range = number.is_finite() & number.is_between(1, EXCEL_LAST_SERIAL)
    days = pl.when(in_range).then(number.floor().cast(pl.Int64))
    return pl.lit(EXCEL_EPOCH) + pl.duration(days=days)
