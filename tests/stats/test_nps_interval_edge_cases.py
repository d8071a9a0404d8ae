from __future__ import annotations

import math

import pytest

from opennps.stats import (
    DEFAULT_METHOD,
    METHODS,
    ClassCounts,
    Histogram,
    adjusted_wald_interval,
    bayesian_interval,
    nps_interval,
    wald_interval,
    z_for_confidence,
)


def test_the_method_names_are_the_json_strings_and_adjusted_wald_is_the_default() -> None:
    assert METHODS == ("adjusted-wald", "wald", "bayesian")
    assert DEFAULT_METHOD == "adjusted-wald"
    assert nps_interval(ClassCounts(5, 3, 2)).method == "adjusted-wald"


@pytest.mark.parametrize("method", ["adjusted-wald", "wald", "bayesian"])
def test_there_is_no_interval_without_answers(method: str) -> None:
    interval = nps_interval(Histogram.empty(), confidence=0.9, method=method)

    assert interval.method == method
    assert interval.confidence == 0.9
    assert (interval.estimate, interval.low, interval.high, interval.margin) == (
        None,
        None,
        None,
        None,
    )


def test_all_promoters_still_get_a_real_interval_from_adjusted_wald_and_bayes() -> None:
    everyone_promotes = ClassCounts(promoters=20, passives=0, detractors=0)

    for interval in (
        adjusted_wald_interval(everyone_promotes),
        bayesian_interval(everyone_promotes),
    ):
        assert interval.low is not None and interval.high is not None
        assert interval.estimate is not None
        assert interval.low < interval.estimate <= interval.high <= 100
        assert interval.high - interval.low > 10


def test_wald_collapses_to_zero_width_when_all_answers_are_promoters() -> None:
    interval = wald_interval(ClassCounts(promoters=20, passives=0, detractors=0))

    assert (interval.estimate, interval.low, interval.high) == (100.0, 100.0, 100.0)
    assert interval.margin == 0


def test_bounds_are_clipped_to_the_nps_range() -> None:
    near_top = wald_interval(ClassCounts(promoters=9, passives=0, detractors=1))
    assert near_top.high == 100.0
    assert adjusted_wald_interval(ClassCounts(10, 0, 0)).high == 100.0
    assert adjusted_wald_interval(ClassCounts(0, 0, 10)).low == -100.0
    assert wald_interval(ClassCounts(1, 0, 9)).low == -100.0


def test_an_unknown_method_is_refused_with_the_valid_names() -> None:
    with pytest.raises(ValueError, match="use one of adjusted-wald, wald, bayesian"):
        nps_interval(ClassCounts(1, 1, 1), method="wilson")


@pytest.mark.parametrize("confidence", [0, 1, 1.5, -0.1, math.nan])
def test_a_confidence_outside_zero_to_one_is_refused(confidence: float) -> None:
    with pytest.raises(ValueError, match="must be between 0 and 1"):
        z_for_confidence(confidence)
    with pytest.raises(ValueError):
        adjusted_wald_interval(ClassCounts(1, 1, 1), confidence=confidence)


def test_a_percentage_given_as_confidence_gets_a_hint() -> None:
    with pytest.raises(ValueError, match=r"did you mean 0\.95\?"):
        z_for_confidence(95)


def test_a_confidence_that_is_not_a_number_is_refused() -> None:
    with pytest.raises(TypeError):
        z_for_confidence(True)
    with pytest.raises(TypeError):
        z_for_confidence("0.95")  # type: ignore[arg-type]


def test_an_interval_on_no_answers_still_checks_the_confidence() -> None:
    with pytest.raises(ValueError):
        wald_interval(Histogram.empty(), confidence=2)
