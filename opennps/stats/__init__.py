"""Pure NPS statistics: classification, histograms, intervals, comparisons, sample sizes and
benchmarks. Plain Python and NumPy only, so the web app, the worker and the CLI share it and
its tests run without Django.
"""

from __future__ import annotations

from opennps.stats.benchmarks import (
    BENCHMARKS,
    Benchmark,
    UnknownIndustryError,
    benchmarks_for,
    industries,
)
from opennps.stats.classify import (
    InvalidScoreError,
    NPSClass,
    Scale,
    classify,
    validate_score,
)
from opennps.stats.compare import (
    PAIRED_ORDER,
    Comparison,
    compare_independent,
    compare_paired,
    transitions_from_pairs,
)
from opennps.stats.histogram import ClassCounts, Histogram, as_class_counts
from opennps.stats.intervals import (
    DEFAULT_METHOD,
    METHODS,
    Interval,
    adjusted_wald_interval,
    bayesian_interval,
    nps_interval,
    wald_interval,
    z_for_confidence,
)
from opennps.stats.sample_size import (
    margin_of_error,
    per_answer_variance,
    required_sample_size,
)
from opennps.stats.summary import (
    ENPS_MINIMUM_GROUP,
    LOW_SAMPLE_THRESHOLD,
    Summary,
    summarize,
)

__all__ = [
    "BENCHMARKS",
    "DEFAULT_METHOD",
    "ENPS_MINIMUM_GROUP",
    "LOW_SAMPLE_THRESHOLD",
    "METHODS",
    "PAIRED_ORDER",
    "Benchmark",
    "ClassCounts",
    "Comparison",
    "Histogram",
    "Interval",
    "InvalidScoreError",
    "NPSClass",
    "Scale",
    "Summary",
    "UnknownIndustryError",
    "adjusted_wald_interval",
    "as_class_counts",
    "bayesian_interval",
    "benchmarks_for",
    "classify",
    "compare_independent",
    "compare_paired",
    "industries",
    "margin_of_error",
    "nps_interval",
    "per_answer_variance",
    "required_sample_size",
    "summarize",
    "transitions_from_pairs",
    "validate_score",
    "wald_interval",
    "z_for_confidence",
]
