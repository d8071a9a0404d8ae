"""Simulation: a 95% adjusted Wald interval contains the true NPS about 95% of the time.

Rocks (2016) reports exact coverage of .94-.97 from n = 10 upward. Each case draws many
samples from a known population; every distinct outcome is sent through the real
`adjusted_wald_interval` once (there are at most a few thousand distinct outcomes for n <= 100),
so the check exercises the production code, not a copy of the formula.
"""

from __future__ import annotations

import numpy as np
import pytest

from opennps.stats import ClassCounts, adjusted_wald_interval

SAMPLES_PER_CASE = 20_000
TRUE_SHARES = [
    # (promoters, passives, detractors) in the population
    (0.50, 0.30, 0.20),
    (0.35, 0.30, 0.35),
    (0.70, 0.20, 0.10),
    (0.20, 0.30, 0.50),
    (0.85, 0.10, 0.05),
]


def coverage(shares: tuple[float, float, float], n: int, rng: np.random.Generator) -> float:
    true_nps = 100 * (shares[0] - shares[2])
    samples = rng.multinomial(n, shares, size=SAMPLES_PER_CASE)
    outcomes, how_often = np.unique(samples, axis=0, return_counts=True)
    covered = 0
    for (promoters, passives, detractors), times in zip(outcomes, how_often, strict=True):
        interval = adjusted_wald_interval(ClassCounts(promoters, passives, detractors))
        assert interval.low is not None and interval.high is not None
        if interval.low <= true_nps <= interval.high:
            covered += int(times)
    return covered / SAMPLES_PER_CASE


@pytest.mark.parametrize("n", [30, 50, 100])
@pytest.mark.parametrize("shares", TRUE_SHARES)
def test_the_95_percent_adjusted_wald_interval_covers_the_true_nps_about_95_percent_of_the_time(
    shares: tuple[float, float, float], n: int
) -> None:
    rng = np.random.default_rng(20160401 + n)

    assert 0.92 <= coverage(shares, n, rng) <= 0.98
