"""Turn a file into small count tables with Polars, and count tables into 11-bin histograms.

The heavy step is one ``group_by`` over the raw score, date and segment values (`count_answers`):
its result has one row per distinct combination, typically a few thousand rows for millions of
answers. Everything after that (validation, periods, segments) works on that small table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from opennps.analyze.reading import ROW_NUMBER, Source
from opennps.analyze.validation import INVALID, VALID, classify_scores, parse_dates

SCORE = "__score"
DATE = "__date"
RESPONDENT = "__respondent"
COUNT = "__n"

PERIOD_EVERY = {"day": "1d", "week": "1w", "month": "1mo", "quarter": "1q"}
PERIODS = tuple(PERIOD_EVERY)


@dataclass(frozen=True)
class Selection:
    """Which columns of the file take part, under their names in the file."""

    score: str
    date: str | None = None
    segments: tuple[str, ...] = ()
    respondent: str | None = None
    date_as_text: bool = False  # let Polars parse the dates only when they are plain ISO
    period: str | None = None  # with typed dates, count by period start rather than by date

    @property
    def segment_keys(self) -> list[str]:
        return [segment_key(index) for index in range(len(self.segments))]

    @property
    def raw_keys(self) -> list[str]:
        return [SCORE] + ([DATE] if self.date else []) + self.segment_keys

    def scan(self, source: Source, *, as_text: bool) -> pl.LazyFrame:
        """The file's columns of interest, renamed to internal keys (segments as text)."""
        text_columns = list(self.segments) + ([self.respondent] if self.respondent else [])
        columns = [self.score, *([self.date] if self.date else []), *text_columns]
        if self.date and self.date_as_text:
            text_columns.append(self.date)
        frame = source.scan(columns, text_columns=text_columns, as_text=as_text)
        renamed = [pl.col(self.score).alias(SCORE)]
        if self.date:
            renamed.append(pl.col(self.date).alias(DATE))
        renamed += [
            pl.col(name).cast(pl.String).alias(key)
            for name, key in zip(self.segments, self.segment_keys, strict=True)
        ]
        if self.respondent:
            respondent = pl.col(self.respondent).cast(pl.String).str.strip_chars()
            renamed.append(
                pl.when(respondent == "").then(None).otherwise(respondent).alias(RESPONDENT)
            )
        return frame.select(renamed)

    def counted(self, source: Source, *, as_text: bool) -> pl.LazyFrame:
        """`scan` grouped by raw values. Dates Polars already parsed (every one of them valid)
        are first cut to their period start, which leaves far fewer groups to count."""
        frame = self.scan(source, as_text=as_text)
        if self.date and self.period:
            dtype = frame.collect_schema()[DATE]
            if dtype == pl.Date or isinstance(dtype, pl.Datetime):
                day = pl.col(DATE) if dtype == pl.Date else pl.col(DATE).dt.date()
                frame = frame.with_columns(day.dt.truncate(PERIOD_EVERY[self.period]).alias(DATE))
        return frame.group_by(self.raw_keys).agg(pl.len().alias(COUNT))


def segment_key(index: int) -> str:
    return f"__segment_{index}"


def count_answers(source: Source, selection: Selection) -> pl.DataFrame:
    """How many rows have each combination of raw score, date and segment values (``__n``)."""
    return source.collect(lambda as_text: selection.counted(source, as_text=as_text))


def latest_answer_counts(
    source: Source, selection: Selection, *, lowest: int
) -> tuple[pl.DataFrame, int, pl.DataFrame]:
    """Counts as in `count_answers`, keeping only each respondent's latest usable answer.

    Latest means the latest date when a date column is used, ties and undated answers broken by
    file order (later rows win). Only answers with a valid score (and a valid or blank date) take
    part; blank, invalid and respondent-less rows are all kept so they are still reported.
    Returns the counts, how many answers were dropped, and the rows in memory (for row numbers).
    """
    rows = source.collect(
        lambda as_text: selection.scan(source, as_text=as_text).with_row_index(
            ROW_NUMBER, offset=source.first_row_number
        )
    )
    scores = classify_scores(rows.select(SCORE).unique(), SCORE, lowest=lowest)
    rows_with_status = rows.join(scores, on=SCORE, how="left", nulls_equal=True)
    usable = pl.col("score_status") == VALID
    order = [ROW_NUMBER]
    if selection.date:
        dates, _day_first = parse_dates(rows.select(DATE).unique(), DATE)
        rows_with_status = rows_with_status.join(dates, on=DATE, how="left", nulls_equal=True)
        usable = usable & (pl.col("date_status") != INVALID)
        order = ["date", ROW_NUMBER]
    candidates = usable & pl.col(RESPONDENT).is_not_null()
    answers = rows_with_status.filter(candidates)
    latest = answers.sort(order, nulls_last=False).unique(
        subset=[RESPONDENT], keep="last", maintain_order=False
    )
    kept = pl.concat([rows_with_status.filter(~candidates), latest], how="vertical").select(
        selection.raw_keys
    )
    counts = kept.group_by(selection.raw_keys).agg(pl.len().alias(COUNT))
    return counts, answers.height - latest.height, rows


def first_row_numbers(
    source: Source,
    selection: Selection,
    condition: pl.Expr,
    *,
    rows: pl.DataFrame | None = None,
    limit: int = 10,
) -> list[int]:
    """The first ``limit`` row numbers (spreadsheet convention) where ``condition`` holds."""
    if rows is not None:
        return rows.filter(condition).get_column(ROW_NUMBER).head(limit).to_list()
    found = source.collect(
        lambda as_text: (
            selection.scan(source, as_text=as_text)
            .with_row_index(ROW_NUMBER, offset=source.first_row_number)
            .filter(condition)
            .select(ROW_NUMBER)
            .head(limit)
        )
    )
    return found.get_column(ROW_NUMBER).to_list()


def score_counts(table: pl.DataFrame) -> dict[int, int]:
    """{score: count} over ``table`` (columns ``score`` and ``__n``)."""
    summed = table.group_by("score").agg(pl.col(COUNT).sum())
    return {int(score): int(count) for score, count in summed.iter_rows() if score is not None}


def score_counts_by(table: pl.DataFrame, key: str) -> dict[object, dict[int, int]]:
    """{value of ``key``: {score: count}}; iterates over the (small) grouped result only."""
    summed = table.group_by(key, "score").agg(pl.col(COUNT).sum())
    result: dict[object, dict[int, int]] = {}
    for value, score, count in summed.iter_rows():
        result.setdefault(value, {})[int(score)] = int(count)
    return result


def with_period(table: pl.DataFrame, by: str) -> pl.DataFrame:
    """``table`` plus ``period`` (Date): the start of the day, ISO week, month or quarter."""
    return table.with_columns(period=pl.col("date").dt.truncate(PERIOD_EVERY[by]))


def all_periods(first: dt.date, last: dt.date, by: str) -> list[dt.date]:
    """Every period start from ``first`` to ``last``, so gaps show as periods with n = 0."""
    return pl.date_range(first, last, interval=PERIOD_EVERY[by], eager=True).to_list()


def period_label(start: dt.date, by: str) -> str:
    """``2025-03-14`` (day, and week: its Monday), ``2025-03`` (month), ``2025-Q1`` (quarter)."""
    if by == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if by == "quarter":
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    return start.isoformat()


def distinct_values(table: pl.DataFrame, column: str, condition: pl.Expr) -> pl.Series:
    return table.filter(condition).get_column(column).unique()


def total(table: pl.DataFrame, condition: pl.Expr | None = None) -> int:
    selected = table if condition is None else table.filter(condition)
    return int(selected.get_column(COUNT).sum() or 0)
