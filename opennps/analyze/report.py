"""`analyze_file`: read a file, validate it, and gather every figure into an `AnalysisReport`.

The report is a plain dataclass; the renderers (table, JSON, Markdown, HTML) only format it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from opennps.analyze import aggregate as agg
from opennps.analyze.drivers import DriversTable, drivers_table
from opennps.analyze.errors import AnalyzeError
from opennps.analyze.i18n import _
from opennps.analyze.invalid import (
    InvalidValues,
    describe_rows,
    find_invalid_dates,
    find_invalid_scores,
)
from opennps.analyze.options import AnalyzeOptions, check_options, select_columns
from opennps.analyze.reading import open_source
from opennps.analyze.validation import (
    DATED,
    INVALID,
    MISSING,
    UNDATED,
    VALID,
    blank_to_null,
    classify_scores,
    has_ambiguous_slashed_dates,
    parse_dates,
)
from opennps.stats import (
    Benchmark,
    Comparison,
    Histogram,
    Scale,
    Summary,
    compare_independent,
    summarize,
)

__all__ = [
    "AnalysisReport",
    "AnalyzeOptions",
    "InvalidValues",
    "PeriodComparison",
    "SegmentRow",
    "TrendPoint",
    "analyze_file",
    "describe_rows",
]

SCALE_HINT_MINIMUM = 100


@dataclass(frozen=True)
class TrendPoint:
    period: str
    start: dt.date
    histogram: Histogram
    summary: Summary


@dataclass(frozen=True)
class SegmentRow:
    """One value of a segment column, compared with all other answers (`comparison`)."""

    value: str | None
    histogram: Histogram
    summary: Summary
    comparison: Comparison


@dataclass(frozen=True)
class PeriodComparison:
    previous: TrendPoint
    latest: TrendPoint
    comparison: Comparison


@dataclass
class AnalysisReport:
    """Everything `opennps analyze` found; all NPS figures come from `opennps.stats`."""

    file: str
    file_format: str
    scale: Scale
    score_column: str
    confidence: float
    method: str
    rows: int
    missing: int
    histogram: Histogram
    headline: Summary
    invalid: InvalidValues
    skip_invalid: bool
    date_column: str | None = None
    by: str | None = None
    trend: list[TrendPoint] | None = None
    undated: int = 0
    invalid_dates: InvalidValues | None = None
    segments: dict[str, list[SegmentRow]] = field(default_factory=dict)
    compare_last: bool = False
    comparison: PeriodComparison | None = None
    industry: str | None = None
    benchmarks: list[Benchmark] | None = None
    respondent_column: str | None = None
    skipped_duplicates: int | None = None
    notes: list[str] = field(default_factory=list)
    drivers: DriversTable | None = None


def analyze_file(
    path: str | Path,
    options: AnalyzeOptions | None = None,
    on_phase: Callable[[str], None] | None = None,
) -> AnalysisReport:
    """Analyse one file. Raises `AnalyzeError` (one sentence) for anything the user must fix.

    ``on_phase`` is told the name of each step as it starts (for a progress display).
    """
    options = options or AnalyzeOptions()
    phase = on_phase or (lambda name: None)
    scale, benchmarks = check_options(options)
    source = open_source(path)
    selection = select_columns(source, options)
    lowest = scale.lowest

    phase(_("reading and counting"))
    duplicates = None
    rows_in_memory = None
    if selection.respondent:
        counts, duplicates, rows_in_memory = agg.latest_answer_counts(
            source, selection, lowest=lowest
        )
    else:
        counts = agg.count_answers(source, selection)
    if counts.height == 0:
        raise AnalyzeError(_("{name} has a header but no data rows.").format(name=source.name))

    phase(_("checking scores and dates"))
    table = classify_scores(counts, agg.SCORE, lowest=lowest).with_columns(
        blank_to_null(key) for key in selection.segment_keys
    )
    day_first = False
    if selection.date:
        table, day_first = parse_dates(table, agg.DATE)
    invalid = find_invalid_scores(source, selection, table, scale, rows_in_memory, options)
    invalid_dates = (
        find_invalid_dates(source, selection, table, rows_in_memory, options)
        if selection.date
        else None
    )

    phase(_("computing intervals"))
    usable = pl.col("score_status") == VALID
    if selection.date:
        usable = usable & (pl.col("date_status") != INVALID)
    answers = table.filter(usable)
    histogram = Histogram.from_counts(agg.score_counts(answers))
    if histogram.n == 0:
        raise AnalyzeError(
            _(
                "{name} has no valid scores in column {column!r} ({rows} rows: {missing} blank, "
                "{invalid} invalid)."
            ).format(
                name=source.name,
                column=selection.score,
                rows=agg.total(table),
                missing=agg.total(table, pl.col("score_status") == MISSING),
                invalid=invalid.count,
            )
        )
    report = AnalysisReport(
        file=str(path),
        file_format=source.format,
        scale=scale,
        score_column=selection.score,
        confidence=options.confidence,
        method=options.method,
        rows=agg.total(table) + (duplicates or 0),
        missing=agg.total(table, pl.col("score_status") == MISSING),
        histogram=histogram,
        headline=summarize(histogram, options.confidence, options.method),
        invalid=invalid,
        skip_invalid=options.skip_invalid,
        date_column=selection.date,
        by=options.by,
        invalid_dates=invalid_dates,
        compare_last=options.compare_last,
        industry=options.benchmark,
        benchmarks=benchmarks,
        respondent_column=selection.respondent,
        skipped_duplicates=duplicates,
        notes=list(source.notes),
    )
    if selection.date:
        report.undated = agg.total(answers, pl.col("date_status") == UNDATED)
    if options.by:
        report.trend = _trend(answers.filter(pl.col("date_status") == DATED), options)
        if options.compare_last:
            report.comparison = _compare_last(report.trend, options)
    for name, key in zip(selection.segments, selection.segment_keys, strict=True):
        report.segments[name] = _segment_rows(answers, key, histogram, options)
    report.notes += _notes(report, table, day_first)
    if options.comments:
        phase(_("classifying comments"))
        report.drivers = drivers_table(
            source, selection.score, options.comments, scale, options.confidence, options.method
        )
    return report


def _trend(dated: pl.DataFrame, options: AnalyzeOptions) -> list[TrendPoint]:
    if dated.height == 0:
        return []
    by = options.by or "month"
    with_period = agg.with_period(dated, by)
    by_period = agg.score_counts_by(with_period, "period")
    starts = agg.all_periods(min(by_period), max(by_period), by)
    points = []
    for start in starts:
        histogram = Histogram.from_counts(by_period.get(start, {}))
        points.append(
            TrendPoint(
                period=agg.period_label(start, by),
                start=start,
                histogram=histogram,
                summary=summarize(histogram, options.confidence, options.method),
            )
        )
    return points


def _compare_last(trend: list[TrendPoint], options: AnalyzeOptions) -> PeriodComparison | None:
    """The latest period with answers against the period with answers before it."""
    answered = [point for point in trend if point.histogram.n > 0]
    if len(answered) < 2:
        return None
    previous, latest = answered[-2], answered[-1]
    return PeriodComparison(
        previous=previous,
        latest=latest,
        comparison=compare_independent(previous.histogram, latest.histogram, options.confidence),
    )


def _segment_rows(
    answers: pl.DataFrame, key: str, overall: Histogram, options: AnalyzeOptions
) -> list[SegmentRow]:
    rows = []
    for value, counts in agg.score_counts_by(answers, key).items():
        histogram = Histogram.from_counts(counts)
        rest = Histogram(
            tuple(a - b for a, b in zip(overall.counts, histogram.counts, strict=True))
        )
        rows.append(
            SegmentRow(
                value=value,
                histogram=histogram,
                summary=summarize(histogram, options.confidence, options.method),
                comparison=compare_independent(rest, histogram, options.confidence),
            )
        )
    rows.sort(key=lambda row: (-row.histogram.n, row.value is None, str(row.value)))
    return rows


def _notes(report: AnalysisReport, table: pl.DataFrame, day_first: bool) -> list[str]:
    notes = []
    counts = report.histogram.counts
    if (
        report.scale == Scale.ZERO_TO_TEN
        and report.histogram.n >= SCALE_HINT_MINIMUM
        and counts[0] == 0
        and counts[1] > 0
    ):
        notes.append(
            _(
                "No answer is 0 among {n}; if the question offered 1-10, pass --scale 1-10 "
                "(classes and NPS are the same on both scales, only the check of 0 changes)."
            ).format(n=f"{report.histogram.n:,}")
        )
    if report.date_column and day_first:
        notes.append(
            _("Dates like 14/03/2025 in {column!r} were read day first (day/month/year).").format(
                column=report.date_column
            )
        )
    elif report.date_column and has_ambiguous_slashed_dates(
        table.get_column(agg.DATE) if table.schema[agg.DATE] == pl.String else pl.Series([])
    ):
        notes.append(
            _(
                "Dates like 03/04/2025 in {column!r} were read month first (US style); no value "
                "showed they are day first."
            ).format(column=report.date_column)
        )
    if report.segments and any(len(rows) > 2 for rows in report.segments.values()):
        notes.append(
            _(
                "Each segment is compared with all other answers; p-values are not adjusted for "
                "testing many segments, so expect about 1 in 20 to look significant by chance."
            )
        )
    return notes
