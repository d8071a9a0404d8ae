"""The options of an analysis, checked before the file is read, and the columns they name."""

from __future__ import annotations

from dataclasses import dataclass

from opennps.analyze import aggregate as agg
from opennps.analyze.columns import find_date_column, find_score_column, resolve_column
from opennps.analyze.errors import AnalyzeError
from opennps.analyze.i18n import _
from opennps.analyze.reading import Source
from opennps.analyze.validation import looks_iso
from opennps.stats import (
    DEFAULT_METHOD,
    METHODS,
    Benchmark,
    Scale,
    UnknownIndustryError,
    benchmarks_for,
)


@dataclass(frozen=True)
class AnalyzeOptions:
    """What `opennps analyze` was asked to do; every field mirrors a command-line option."""

    score: str | None = None
    scale: str = "0-10"
    confidence: float = 0.95
    method: str = DEFAULT_METHOD
    by: str | None = None
    date: str | None = None
    segments: tuple[str, ...] = ()
    compare_last: bool = False
    benchmark: str | None = None
    respondent_id: str | None = None
    skip_invalid: bool = False
    comments: str | None = None


def check_options(options: AnalyzeOptions) -> tuple[Scale, list[Benchmark] | None]:
    try:
        scale = Scale.parse(options.scale)
    except ValueError as error:
        raise AnalyzeError(_("--scale: {reason}.").format(reason=error)) from None
    if options.method not in METHODS:
        raise AnalyzeError(
            _("--method must be one of {methods}, not {method!r}.").format(
                methods=", ".join(METHODS), method=options.method
            )
        )
    if not 0 < options.confidence < 1:
        raise AnalyzeError(
            _("--confidence must be between 0 and 1 (e.g. 0.95), not {value}.").format(
                value=options.confidence
            )
        )
    if options.by and options.by not in agg.PERIODS:
        raise AnalyzeError(
            _("--by must be one of {periods}, not {by!r}.").format(
                periods=", ".join(agg.PERIODS), by=options.by
            )
        )
    if options.compare_last and not options.by:
        raise AnalyzeError(
            _("--compare-last compares the last two periods, so it needs --by (e.g. --by month).")
        )
    benchmarks = None
    if options.benchmark is not None:
        try:
            benchmarks = benchmarks_for(options.benchmark)
        except UnknownIndustryError as error:
            raise AnalyzeError(_("--benchmark: {reason}.").format(reason=error)) from None
    return scale, benchmarks


def select_columns(source: Source, options: AnalyzeOptions) -> agg.Selection:
    columns, name = source.columns, source.name
    score = find_score_column(columns, options.score, file_name=name)
    date = None
    if options.by or options.date:
        date = find_date_column(columns, options.date, file_name=name)
    segments = tuple(
        resolve_column(columns, segment, option="--segment", file_name=name)
        for segment in options.segments
    )
    respondent = (
        resolve_column(columns, options.respondent_id, option="--id", file_name=name)
        if options.respondent_id
        else None
    )
    # Polars guesses the order of day and month in slashed dates on its own; only plain ISO dates
    # are left to it, everything else is parsed by `parse_dates` with the rules documented there.
    date_as_text = (
        date is not None
        and source.format in {"csv", "tsv"}
        and not looks_iso(source.sample_text(date))
    )
    return agg.Selection(
        score=score,
        date=date,
        segments=segments,
        respondent=respondent,
        date_as_text=date_as_text,
        period=options.by,
    )
