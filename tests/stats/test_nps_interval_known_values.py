"""Interval bounds checked against the formulas written out by hand, independently of the code."""

from __future__ import annotations

import math

import pytest

from opennps.stats import (
    ClassCounts,
    Histogram,
    adjusted_wald_interval,
    nps_interval,
    wald_interval,
    z_for_confidence,
)

Z_95 = 1.959963984540054
Z_90 = 1.6448536269514722
Z_99 = 2.5758293035489004


def test_z_matches_the_standard_normal_table() -> None:
    assert z_for_confidence(0.95) == pytest.approx(Z_95, abs=1e-12)
    assert z_for_confidence(0.90) == pytest.approx(Z_90, abs=1e-12)
    assert z_for_confidence(0.99) == pytest.approx(Z_99, abs=1e-12)


def test_adjusted_wald_for_60_promoters_25_passives_15_detractors() -> None:
    # Rocks (2016): 60 + 0.75 promoters, 25 + 1.5 passives, 15 + 0.75 detractors, n = 100 + 3.
    promoter_share = 60.75 / 103
    detractor_share = 15.75 / 103
    adjusted_nps = 100 * (promoter_share - detractor_share)
    variance = promoter_share + detractor_share - (promoter_share - detractor_share) ** 2
    half_width = Z_95 * 100 * math.sqrt(variance / 103)

    interval = adjusted_wald_interval(ClassCounts(promoters=60, passives=25, detractors=15))

    assert interval.method == "adjusted-wald"
    assert interval.confidence == 0.95
    assert interval.estimate == pytest.approx(adjusted_nps, abs=1e-9)
    assert interval.low == pytest.approx(adjusted_nps - half_width, abs=1e-9)
    assert interval.high == pytest.approx(adjusted_nps + half_width, abs=1e-9)
    assert interval.margin == pytest.approx(half_width, abs=1e-9)
    # Rounded, for a reader checking by calculator: 43.7 [29.3, 58.0].
    assert (round(interval.low, 1), round(interval.high, 1)) == (29.3, 58.0)


def test_adjusted_wald_at_90_percent_for_a_small_sample() -> None:
    # 7 promoters, 2 passives, 3 detractors -> 7.75, 3.5, 3.75 over 15.
    promoter_share = 7.75 / 15
    detractor_share = 3.75 / 15
    adjusted_nps = 100 * (promoter_share - detractor_share)
    variance = promoter_share + detractor_share - (promoter_share - detractor_share) ** 2
    half_width = Z_90 * 100 * math.sqrt(variance / 15)

    interval = adjusted_wald_interval(ClassCounts(7, 2, 3), confidence=0.90)

    assert interval.low == pytest.approx(adjusted_nps - half_width, abs=1e-9)
    assert interval.high == pytest.approx(adjusted_nps + half_width, abs=1e-9)


def test_wald_for_60_promoters_25_passives_15_detractors() -> None:
    # p = 0.60, d = 0.15, v = 0.75 - 0.45^2 = 0.5475.
    half_width = Z_95 * 100 * math.sqrt(0.5475 / 100)

    interval = wald_interval(ClassCounts(60, 25, 15))

    assert interval.method == "wald"
    assert interval.estimate == pytest.approx(45.0, abs=1e-9)
    assert interval.low == pytest.approx(45.0 - half_width, abs=1e-9)
    assert interval.high == pytest.approx(45.0 + half_width, abs=1e-9)


def test_a_histogram_and_its_class_counts_give_the_same_interval() -> None:
    histogram = Histogram.from_counts({10: 30, 9: 30, 8: 20, 7: 5, 5: 10, 0: 5})

    assert histogram.class_counts() == ClassCounts(60, 25, 15)
    for method in ("adjusted-wald", "wald", "bayesian"):
        assert nps_interval(histogram, method=method) == nps_interval(
            ClassCounts(60, 25, 15), method=method
        )
