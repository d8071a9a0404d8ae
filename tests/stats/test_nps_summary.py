from __future__ import annotations

import json

import pytest

from opennps.stats import (
    ENPS_MINIMUM_GROUP,
    LOW_SAMPLE_THRESHOLD,
    ClassCounts,
    Histogram,
    Summary,
    adjusted_wald_interval,
    summarize,
    wald_interval,
)


def test_it_reports_the_observed_nps_beside_the_adjusted_wald_interval() -> None:
    counts = ClassCounts(promoters=60, passives=25, detractors=15)
    interval = adjusted_wald_interval(counts)

    summary = summarize(counts)

    assert summary.nps == pytest.approx(45.0)
    assert (summary.ci_low, summary.ci_high) == (interval.low, interval.high)
    assert (summary.n, summary.promoters, summary.passives, summary.detractors) == (100, 60, 25, 15)
    assert (summary.confidence, summary.method) == (0.95, "adjusted-wald")


def test_to_dict_has_exactly_the_json_keys_in_order_with_one_decimal() -> None:
    summary = summarize(ClassCounts(promoters=60, passives=25, detractors=15))

    assert summary.to_dict() == {
        "n": 100,
        "promoters": 60,
        "passives": 25,
        "detractors": 15,
        "nps": 45.0,
        "ci_low": 29.3,
        "ci_high": 58.0,
        "confidence": 0.95,
        "method": "adjusted-wald",
    }
    assert list(summary.to_dict()) == [
        "n",
        "promoters",
        "passives",
        "detractors",
        "nps",
        "ci_low",
        "ci_high",
        "confidence",
        "method",
    ]


def test_to_dict_never_writes_minus_zero() -> None:
    summary = Summary(10, 3, 4, 3, 0.0, -0.04, 20.0, 0.9, "wald")

    assert "-0.0" not in json.dumps(summary.to_dict())
    assert summary.to_dict()["ci_low"] == 0.0


def test_it_passes_the_method_and_confidence_through() -> None:
    counts = Histogram.from_scores([10, 10, 9, 8, 3, 0, 7, 9])

    summary = summarize(counts, confidence=0.9, method="wald")

    expected = wald_interval(counts, confidence=0.9)
    assert (summary.ci_low, summary.ci_high) == (expected.low, expected.high)
    assert (summary.confidence, summary.method) == (0.9, "wald")


def test_a_summary_of_no_answers_has_no_figures_and_is_flagged_low_sample() -> None:
    summary = summarize(Histogram.empty())

    assert (summary.n, summary.nps, summary.ci_low, summary.ci_high) == (0, None, None, None)
    assert summary.low_sample
    assert summary.to_dict()["nps"] is None


def test_fewer_than_thirty_answers_are_flagged_low_sample() -> None:
    assert LOW_SAMPLE_THRESHOLD == 30
    assert summarize(ClassCounts(29, 0, 0)).low_sample
    assert not summarize(ClassCounts(20, 5, 5)).low_sample


def test_employee_groups_under_five_are_the_privacy_floor() -> None:
    assert ENPS_MINIMUM_GROUP == 5


def test_an_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown interval method 'exact'"):
        summarize(ClassCounts(1, 2, 3), method="exact")
