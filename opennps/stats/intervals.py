"""Confidence intervals for a Net Promoter Score.

Three methods, named by the strings used in JSON output:

- "adjusted-wald" (default): Rocks (2016, The American Statistician 70(4)). Add 0.75 promoters,
  1.5 passives and 0.75 detractors (n + 3), then apply the Wald formula to the adjusted counts.
  The interval is centred on the adjusted NPS. Coverage stays near the nominal level from about
  ten answers up, and it never collapses to zero width.
- "wald": NPS +/- z * 100 * sqrt(v / n), v = p + d - (p - d)^2. Kept for comparison with other
  tools. It undercovers at small n, and when every answer is in one class v is 0, so the
  interval has zero width (e.g. 10 promoters out of 10 gives [100, 100]) - honest Wald
  behaviour, not a bug.
- "bayesian": Dirichlet(1, 1, 1) prior, posterior Dirichlet(P + 1, A + 1, D + 1); equal-tailed
  quantiles of 100 (theta_P - theta_D) from seeded draws, so the result is reproducible.

Every bound is clipped to [-100, 100]. With no answers there is no interval: estimate, low and
high are None for every method.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

from opennps.stats.histogram import ClassCounts, Histogram, as_class_counts

ADJUSTED_WALD = "adjusted-wald"
WALD = "wald"
BAYESIAN = "bayesian"
METHODS = (ADJUSTED_WALD, WALD, BAYESIAN)
DEFAULT_METHOD = ADJUSTED_WALD

# Rocks (2016): pseudo-counts that give near-nominal coverage; they add 3 to n.
ADJUSTED_WALD_PROMOTERS = 0.75
ADJUSTED_WALD_PASSIVES = 1.5
ADJUSTED_WALD_DETRACTORS = 0.75

BAYESIAN_DRAWS = 200_000
# A fixed seed makes the Bayesian interval the same on every run and machine (numpy PCG64).
BAYESIAN_SEED = 20160401

NPS_LOWEST = -100.0
NPS_HIGHEST = 100.0


@dataclass(frozen=True)
class Interval:
    """A confidence interval for NPS, in NPS points.

    `estimate` is the point the method centres on (the adjusted NPS for adjusted Wald, the
    observed NPS for Wald, the posterior median for Bayes). All three are None when there were
    no answers.
    """

    method: str
    confidence: float
    estimate: float | None
    low: float | None
    high: float | None

    @property
    def margin(self) -> float | None:
        """Half the width of the reported (clipped) interval, or None when there is no interval."""
        if self.low is None or self.high is None:
            return None
        return (self.high - self.low) / 2


def z_for_confidence(confidence: float) -> float:
    """The two-sided standard normal quantile for `confidence` (1.959963... for 0.95).

    Raises ValueError unless 0 < confidence < 1.
    """
    if isinstance(confidence, bool) or not isinstance(confidence, numbers.Real):
        raise TypeError(
            f"confidence must be a number between 0 and 1, got {confidence!r} "
            f"({type(confidence).__name__})"
        )
    if not 0 < confidence < 1:
        hint = f"; did you mean {confidence / 100:g}?" if 1 < confidence < 100 else ""
        raise ValueError(
            f"confidence {confidence!r} must be between 0 and 1 (exclusive), "
            f"e.g. 0.95 for 95%{hint}"
        )
    return NormalDist().inv_cdf((1 + float(confidence)) / 2)


def wald_interval(counts: Histogram | ClassCounts, confidence: float = 0.95) -> Interval:
    """The plain Wald interval around the observed NPS (zero width when v = 0; see module doc)."""
    class_counts = as_class_counts(counts)
    z = z_for_confidence(confidence)
    if class_counts.n == 0:
        return Interval(WALD, confidence, None, None, None)
    estimate, low, high = _wald_bounds(
        class_counts.promoters, class_counts.passives, class_counts.detractors, z
    )
    return Interval(WALD, confidence, estimate, low, high)


def adjusted_wald_interval(counts: Histogram | ClassCounts, confidence: float = 0.95) -> Interval:
    """Rocks' adjusted Wald interval, centred on the adjusted NPS (see module doc)."""
    class_counts = as_class_counts(counts)
    z = z_for_confidence(confidence)
    if class_counts.n == 0:
        return Interval(ADJUSTED_WALD, confidence, None, None, None)
    estimate, low, high = _wald_bounds(
        class_counts.promoters + ADJUSTED_WALD_PROMOTERS,
        class_counts.passives + ADJUSTED_WALD_PASSIVES,
        class_counts.detractors + ADJUSTED_WALD_DETRACTORS,
        z,
    )
    return Interval(ADJUSTED_WALD, confidence, estimate, low, high)


def bayesian_interval(
    counts: Histogram | ClassCounts,
    confidence: float = 0.95,
    draws: int = BAYESIAN_DRAWS,
    seed: int = BAYESIAN_SEED,
) -> Interval:
    """Equal-tailed posterior interval under a Dirichlet(1, 1, 1) prior, from `draws` draws.

    The same counts, confidence, draws and seed always give the same interval.
    """
    class_counts = as_class_counts(counts)
    z_for_confidence(confidence)  # validates confidence; the quantiles below use it directly
    if isinstance(draws, bool) or not isinstance(draws, numbers.Integral) or draws < 1:
        raise ValueError(f"draws must be a positive whole number, got {draws!r}")
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise TypeError(f"seed must be an int so the interval is reproducible, got {seed!r}")
    if class_counts.n == 0:
        return Interval(BAYESIAN, confidence, None, None, None)
    posterior = (
        class_counts.promoters + 1,
        class_counts.passives + 1,
        class_counts.detractors + 1,
    )
    shares = np.random.default_rng(int(seed)).dirichlet(posterior, size=int(draws))
    nps_draws = 100 * (shares[:, 0] - shares[:, 2])
    tail = (1 - confidence) / 2
    low, median, high = np.quantile(nps_draws, [tail, 0.5, 1 - tail])
    return Interval(BAYESIAN, confidence, _clip(median), _clip(low), _clip(high))


def nps_interval(
    counts: Histogram | ClassCounts,
    confidence: float = 0.95,
    method: str = DEFAULT_METHOD,
) -> Interval:
    """The interval by `method` name ("adjusted-wald", "wald" or "bayesian").

    Raises ValueError listing the valid names for any other method.
    """
    if method == ADJUSTED_WALD:
        return adjusted_wald_interval(counts, confidence)
    if method == WALD:
        return wald_interval(counts, confidence)
    if method == BAYESIAN:
        return bayesian_interval(counts, confidence)
    raise ValueError(f"unknown interval method {method!r}; use one of {', '.join(METHODS)}")


def _wald_bounds(
    promoters: float, passives: float, detractors: float, z: float
) -> tuple[float, float, float]:
    n = promoters + passives + detractors
    promoter_share = promoters / n
    detractor_share = detractors / n
    estimate = 100 * (promoter_share - detractor_share)
    # Rounding can push a true 0 a hair below zero; the variance of a score is never negative.
    variance = max(promoter_share + detractor_share - (promoter_share - detractor_share) ** 2, 0.0)
    half_width = z * 100 * math.sqrt(variance / n)
    return _clip(estimate), _clip(estimate - half_width), _clip(estimate + half_width)


def _clip(value: float) -> float:
    return min(max(float(value), NPS_LOWEST), NPS_HIGHEST)
