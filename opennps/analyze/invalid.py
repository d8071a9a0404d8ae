"""Scores and dates that are neither valid nor blank: count them, find their rows, and either
stop with one sentence (the default) or let the analysis skip them (``--skip-invalid``)."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from opennps.analyze import aggregate as agg
from opennps.analyze.errors import InvalidValuesError
from opennps.analyze.i18n import _
from opennps.analyze.options import AnalyzeOptions
from opennps.analyze.reading import Source
from opennps.analyze.validation import INVALID, VALID
from opennps.stats import Scale

FIRST_ROWS_SHOWN = 10


@dataclass(frozen=True)
class InvalidValues:
    """Values that are neither valid nor blank: how many rows, where, and a few examples."""

    count: int
    first_rows: list[int]
    examples: list[str]


def find_invalid_scores(
    source: Source,
    selection: agg.Selection,
    table: pl.DataFrame,
    scale: Scale,
    rows_in_memory: pl.DataFrame | None,
    options: AnalyzeOptions,
) -> InvalidValues:
    bad = agg.distinct_values(table, agg.SCORE, pl.col("score_status") == INVALID)
    count = agg.total(table, pl.col("score_status") == INVALID)
    if count == 0:
        return InvalidValues(0, [], [])
    rows = agg.first_row_numbers(
        source,
        selection,
        pl.col(agg.SCORE).is_in(bad.implode()),
        rows=rows_in_memory,
        limit=FIRST_ROWS_SHOWN,
    )
    found = InvalidValues(count, rows, _examples(bad))
    if not options.skip_invalid:
        raise InvalidValuesError(
            _(
                "{name}: {count} value(s) in column {column!r} are not whole numbers from "
                "{lowest} to 10 ({where}; e.g. {examples}); correct them, or pass --skip-invalid "
                "to leave those rows out."
            ).format(
                name=source.name,
                count=count,
                column=selection.score,
                lowest=scale.lowest,
                where=describe_rows(rows, count),
                examples=", ".join(found.examples),
            ),
            count=count,
            first_rows=rows,
        )
    return found


def find_invalid_dates(
    source: Source,
    selection: agg.Selection,
    table: pl.DataFrame,
    rows_in_memory: pl.DataFrame | None,
    options: AnalyzeOptions,
) -> InvalidValues:
    broken = (pl.col("date_status") == INVALID) & (pl.col("score_status") == VALID)
    count = agg.total(table, broken)
    if count == 0:
        return InvalidValues(0, [], [])
    bad = agg.distinct_values(table, agg.DATE, broken)
    scored = agg.distinct_values(table, agg.SCORE, pl.col("score_status") == VALID)
    condition = pl.col(agg.DATE).is_in(bad.implode()) & pl.col(agg.SCORE).is_in(scored.implode())
    rows = agg.first_row_numbers(
        source, selection, condition, rows=rows_in_memory, limit=FIRST_ROWS_SHOWN
    )
    found = InvalidValues(count, rows, _examples(bad))
    if not options.skip_invalid:
        raise InvalidValuesError(
            _(
                "{name}: {count} date(s) in column {column!r} could not be read ({where}; e.g. "
                "{examples}); write them like 2025-03-14 or 14.03.2025, or pass --skip-invalid "
                "to leave those rows out."
            ).format(
                name=source.name,
                count=count,
                column=selection.date,
                where=describe_rows(rows, count),
                examples=", ".join(found.examples),
            ),
            count=count,
            first_rows=rows,
        )
    return found


def describe_rows(rows: list[int], count: int) -> str:
    """ "row 5", "rows 5, 9, 12" or "rows 5, 9, … (first 10 of 250)"."""
    shown = ", ".join(str(row) for row in rows)
    if count > len(rows):
        return _("rows {shown} (first {first} of {count})").format(
            shown=shown, first=len(rows), count=count
        )
    return (_("row {shown}") if len(rows) == 1 else _("rows {shown}")).format(shown=shown)


def _examples(values: pl.Series, limit: int = 3) -> list[str]:
    texts = sorted(repr(value)[:40] for value in values.to_list())
    return texts[:limit]
