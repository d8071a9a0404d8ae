"""The headline figure for one sample: counts, observed NPS and its confidence interval."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from opennps.stats.histogram import ClassCounts, Histogram, as_class_counts
from opennps.stats.intervals import DEFAULT_METHOD, nps_interval

# A figure on fewer answers than this is flagged "low sample" wherever it is shown.
LOW_SAMPLE_THRESHOLD = 30
# Employee NPS groups smaller than this are never shown, so answers cannot be traced to people.
ENPS_MINIMUM_GROUP = 5


@dataclass(frozen=True)
class Summary:
    """Counts, the observed NPS and a confidence interval for it.

    `nps` is the plain observed NPS; the interval comes from `method` and, for adjusted Wald,
    is centred on the adjusted NPS, so it need not be symmetric around `nps`.
    """

    n: int
    promoters: int
    passives: int
    detractors: int
    nps: float | None
    ci_low: float | None
    ci_high: float | None
    confidence: float
    method: str

    @property
    def low_sample(self) -> bool:
        """True when n is below LOW_SAMPLE_THRESHOLD and the figure needs a warning beside it."""
        return self.n < LOW_SAMPLE_THRESHOLD

    def to_dict(self) -> dict[str, Any]:
        """The summary for JSON: NPS and bounds rounded to one decimal, confidence as given."""
        return {
            "n": self.n,
            "promoters": self.promoters,
            "passives": self.passives,
            "detractors": self.detractors,
            "nps": _one_decimal(self.nps),
            "ci_low": _one_decimal(self.ci_low),
            "ci_high": _one_decimal(self.ci_high),
            "confidence": self.confidence,
            "method": self.method,
        }


def summarize(
    counts: Histogram | ClassCounts,
    confidence: float = 0.95,
    method: str = DEFAULT_METHOD,
) -> Summary:
    """Summarise a sample. With no answers, nps and both bounds are None."""
    class_counts = as_class_counts(counts)
    interval = nps_interval(class_counts, confidence, method)
    return Summary(
        n=class_counts.n,
        promoters=class_counts.promoters,
        passives=class_counts.passives,
        detractors=class_counts.detractors,
        nps=class_counts.nps,
        ci_low=interval.low,
        ci_high=interval.high,
        confidence=confidence,
        method=method,
    )


def _one_decimal(value: float | None) -> float | None:
    # `+ 0.0` turns a rounded -0.0 into 0.0 so JSON never shows "-0.0".
    return None if value is None else round(value, 1) + 0.0
