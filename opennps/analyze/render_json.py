"""The report as JSON; the schema is documented in docs/cli.md and kept stable."""

from __future__ import annotations

import json
from typing import Any

from opennps.analyze.report import AnalysisReport, InvalidValues, PeriodComparison, SegmentRow
from opennps.stats import Benchmark, Comparison

SCHEMA_VERSION = 1


def report_to_dict(report: AnalysisReport) -> dict[str, Any]:
    """A JSON-ready dict. Optional sections appear only when asked for or relevant."""
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "file": report.file,
        "format": report.file_format,
        "score_column": report.score_column,
        "scale": str(report.scale),
        "rows": report.rows,
        "missing": report.missing,
        "headline": report.headline.to_dict(),
        "distribution": list(report.histogram.counts),
    }
    if report.invalid.count:
        data["invalid"] = _invalid(report.invalid)
    if report.date_column:
        data["date_column"] = report.date_column
        data["undated"] = report.undated
    if report.invalid_dates is not None and report.invalid_dates.count:
        data["invalid_dates"] = _invalid(report.invalid_dates)
    if report.respondent_column:
        data["id_column"] = report.respondent_column
        data["skipped_duplicates"] = report.skipped_duplicates
    if report.trend is not None:
        data["by"] = report.by
        data["trend"] = [
            {**point.summary.to_dict(), "period": point.period} for point in report.trend
        ]
    if report.compare_last:
        data["comparison"] = _period_comparison(report.comparison)
    if report.segments:
        data["segments"] = {
            column: [_segment(row) for row in rows] for column, rows in report.segments.items()
        }
    if report.benchmarks is not None:
        data["benchmarks"] = [_benchmark(benchmark) for benchmark in report.benchmarks]
    if report.drivers is not None:
        data["comment_column"] = report.drivers.comment_column
        data["comments"] = report.drivers.comments
        data["drivers_rules_only"] = report.drivers.rules_only
        data["drivers"] = [impact.to_dict() for impact in report.drivers.impacts]
    data["notes"] = list(report.notes)
    return data


def render_json(report: AnalysisReport) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"


def _invalid(values: InvalidValues) -> dict[str, Any]:
    return {"count": values.count, "first_rows": list(values.first_rows)}


def _segment(row: SegmentRow) -> dict[str, Any]:
    comparison = row.comparison
    return {
        **row.summary.to_dict(),
        "value": row.value,
        "difference_from_rest": _round(comparison.difference, 1),
        "p_value": _significant_figures(comparison.p_value),
        "significant": comparison.significant,
    }


def _period_comparison(found: PeriodComparison | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {
        "previous": found.previous.period,
        "latest": found.latest.period,
        **_comparison(found.comparison),
    }


def _comparison(comparison: Comparison) -> dict[str, Any]:
    return {
        "n_previous": comparison.n_baseline,
        "n_latest": comparison.n_other,
        "difference": _round(comparison.difference, 1),
        "ci_low": _round(comparison.low, 1),
        "ci_high": _round(comparison.high, 1),
        "z": _round(comparison.z, 3),
        "p_value": _significant_figures(comparison.p_value),
        "confidence": comparison.confidence,
        "significant": comparison.significant,
        "verdict": comparison.verdict(),
    }


def _benchmark(benchmark: Benchmark) -> dict[str, Any]:
    return {
        "industry": benchmark.industry,
        "label": benchmark.label,
        "nps": benchmark.nps,
        "subject": benchmark.subject,
        "source": benchmark.source,
        "year": benchmark.year,
        "region": benchmark.region,
        "note": benchmark.note,
    }


def _significant_figures(value: float | None, figures: int = 3) -> float | None:
    """p-values keep three significant figures, so a tiny p is not rounded to 0."""
    return None if value is None else float(f"{value:.{figures}g}")


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits) + 0.0
