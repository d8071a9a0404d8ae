"""Numbers and sentences shared by the human-readable renderers (table, Markdown, HTML)."""

from __future__ import annotations

from opennps.analyze.i18n import _, ngettext
from opennps.analyze.report import AnalysisReport, describe_rows
from opennps.stats import LOW_SAMPLE_THRESHOLD, Benchmark, Comparison, Histogram, Summary

DASH = "–"
LOW_SAMPLE_MARK = "*"


def count(value: int) -> str:
    return f"{value:,}"


def nps(value: float | None) -> str:
    return DASH if value is None else f"{value:.1f}"


def signed(value: float | None) -> str:
    return DASH if value is None else f"{value:+.1f}"


def share(part: int, whole: int) -> str:
    return DASH if whole == 0 else f"{100 * part / whole:.1f}%"


def p_value(value: float | None) -> str:
    if value is None:
        return DASH
    return "<0.001" if value < 0.001 else f"{value:.3f}"


def interval(summary: Summary) -> str:
    if summary.ci_low is None or summary.ci_high is None:
        return DASH
    # Not an f-string: xgettext cannot extract a message from inside one.
    return _("{low} to {high}").format(low=f"{summary.ci_low:.1f}", high=f"{summary.ci_high:.1f}")


def confidence_label(confidence: float) -> str:
    percent = f"{100 * confidence:.1f}".rstrip("0").rstrip(".")
    return _("{percent}% CI").format(percent=percent)


def low_sample_mark(summary: Summary) -> str:
    return LOW_SAMPLE_MARK if 0 < summary.n < LOW_SAMPLE_THRESHOLD else ""


def low_sample_footnote() -> str:
    return _("{mark} fewer than {threshold} answers: low sample, read with care.").format(
        mark=LOW_SAMPLE_MARK, threshold=LOW_SAMPLE_THRESHOLD
    )


def segment_value(value: object) -> str:
    return _("(blank)") if value is None else str(value)


def significance(comparison: Comparison) -> str:
    if comparison.p_value is None:
        return DASH
    return _("yes") if comparison.significant else _("no")


def title(report: AnalysisReport) -> str:
    return _("NPS of {file}").format(file=report.file)


def headline_sentence(report: AnalysisReport) -> str:
    """ "NPS 31.2 (95% CI 27.0 to 35.3), n = 1,934." plus the low-sample warning if any."""
    summary = report.headline
    text = _("NPS {nps} ({label} {interval}), n = {n}.").format(
        nps=nps(summary.nps),
        label=confidence_label(summary.confidence),
        interval=interval(summary),
        n=count(summary.n),
    )
    if summary.low_sample:
        text += " " + low_sample_warning()
    return text


def low_sample_warning() -> str:
    return _("Low sample: fewer than {threshold} answers.").format(threshold=LOW_SAMPLE_THRESHOLD)


def class_lines(histogram: Histogram, lowest: int = 0) -> list[tuple[str, str, str]]:
    """(class, count, share) for promoters, passives and detractors."""
    n = histogram.n
    return [
        (_("Promoters (9-10)"), count(histogram.promoters), share(histogram.promoters, n)),
        (_("Passives (7-8)"), count(histogram.passives), share(histogram.passives, n)),
        (
            _("Detractors ({lowest}-6)").format(lowest=lowest),
            count(histogram.detractors),
            share(histogram.detractors, n),
        ),
    ]


def has_low_sample(report: AnalysisReport) -> bool:
    """Whether any trend point or segment row carries the low-sample mark."""
    summaries = [point.summary for point in report.trend or []]
    summaries += [row.summary for rows in report.segments.values() for row in rows]
    return any(low_sample_mark(summary) for summary in summaries)


def method_sentence(report: AnalysisReport) -> str:
    return _("Score column {column!r}, scale {scale}; interval method {method}.").format(
        column=report.score_column, scale=report.scale, method=report.method
    )


def data_quality_lines(report: AnalysisReport) -> list[str]:
    """What was read and what was left out: rows, blanks, skipped values, duplicates."""
    lines = [
        ngettext("{rows} row read", "{rows} rows read", report.rows).format(rows=count(report.rows))
        + "; "
        + ngettext(
            "{missing} without a score (blank or NA, not counted in n).",
            "{missing} without a score (blank or NA, not counted in n).",
            report.missing,
        ).format(missing=count(report.missing))
    ]
    if report.invalid.count:
        lines.append(
            _("Skipped {count} invalid score(s) ({where}; e.g. {examples}).").format(
                count=count(report.invalid.count),
                where=describe_rows(report.invalid.first_rows, report.invalid.count),
                examples=", ".join(report.invalid.examples),
            )
        )
    if report.invalid_dates is not None and report.invalid_dates.count:
        lines.append(
            _("Skipped {count} answer(s) with an unreadable date ({where}).").format(
                count=count(report.invalid_dates.count),
                where=describe_rows(report.invalid_dates.first_rows, report.invalid_dates.count),
            )
        )
    if report.undated:
        lines.append(
            _("{count} answer(s) have no date: counted in the headline, not in the trend.").format(
                count=count(report.undated)
            )
        )
    if report.skipped_duplicates is not None:
        lines.append(
            _("Kept the latest answer per {column!r}: {count} earlier answer(s) dropped.").format(
                column=report.respondent_column, count=count(report.skipped_duplicates)
            )
        )
    return lines


def comparison_sentence(report: AnalysisReport) -> str:
    found = report.comparison
    if found is None:
        return _("Not enough periods with answers to compare the last two.")
    return _("{latest} (n = {n_latest}) vs {previous} (n = {n_previous}): {verdict}.").format(
        latest=found.latest.period,
        n_latest=count(found.latest.summary.n),
        previous=found.previous.period,
        n_previous=count(found.previous.summary.n),
        verdict=found.comparison.verdict(),
    )


def benchmark_source(benchmark: Benchmark) -> str:
    year = str(benchmark.year) if benchmark.year is not None else _("year not given")
    return f"{benchmark.source} ({year}, {benchmark.region})"


def benchmark_subject(benchmark: Benchmark) -> str:
    subject = f"{benchmark.label}: {benchmark.subject}"
    return f"{subject} ({benchmark.note})" if benchmark.note else subject
