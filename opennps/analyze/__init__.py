"""`opennps analyze`: NPS of a survey export (CSV, TSV, XLSX, Parquet, JSON Lines), no database.

From Python::

    from opennps.analyze import AnalyzeOptions, analyze_file
    report = analyze_file("responses.csv", AnalyzeOptions(by="month", segments=("region",)))
    report.headline.nps, report.headline.ci_low, report.headline.ci_high
"""

from __future__ import annotations

from opennps.analyze.errors import AnalyzeError, InvalidValuesError
from opennps.analyze.report import (
    AnalysisReport,
    AnalyzeOptions,
    InvalidValues,
    PeriodComparison,
    SegmentRow,
    TrendPoint,
    analyze_file,
)

__all__ = [
    "AnalysisReport",
    "AnalyzeError",
    "AnalyzeOptions",
    "InvalidValues",
    "InvalidValuesError",
    "PeriodComparison",
    "SegmentRow",
    "TrendPoint",
    "analyze_file",
]
