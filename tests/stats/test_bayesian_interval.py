from __future__ import annotations

import pytest

from opennps.stats import ClassCounts, adjusted_wald_interval, bayesian_interval, nps_interval


def test_it_gives_the_same_interval_on_every_call() -> None:
    counts = ClassCounts(promoters=23, passives=11, detractors=9)

    assert bayesian_interval(counts) == bayesian_interval(counts)
    assert nps_interval(counts, method="bayesian") == bayesian_interval(counts)


def test_another_seed_moves_the_bounds_only_by_simulation_noise() -> None:
    counts = ClassCounts(promoters=23, passives=11, detractors=9)
    default_seed = bayesian_interval(counts)
    other_seed = bayesian_interval(counts, seed=7)

    assert default_seed != other_seed
    assert default_seed.low == pytest.approx(other_seed.low, abs=0.5)
    assert default_seed.high == pytest.approx(other_seed.high, abs=0.5)


def test_it_agrees_with_adjusted_wald_for_a_large_sample() -> None:
    counts = ClassCounts(promoters=600, passives=250, detractors=150)
    bayes = bayesian_interval(counts)
    adjusted = adjusted_wald_interval(counts)

    assert bayes.method == "bayesian"
    assert bayes.low == pytest.approx(adjusted.low, abs=0.3)
    assert bayes.high == pytest.approx(adjusted.high, abs=0.3)


def test_its_estimate_is_the_posterior_median_near_the_posterior_mean() -> None:
    counts = ClassCounts(promoters=600, passives=250, detractors=150)
    # Dirichlet(601, 251, 151): E[theta_P - theta_D] = (601 - 151) / 1003.
    posterior_mean = 100 * 450 / 1003

    estimate = bayesian_interval(counts).estimate

    assert estimate == pytest.approx(posterior_mean, abs=0.1)


@pytest.mark.parametrize("draws", [0, -5, 2.5, True])
def test_it_refuses_a_number_of_draws_that_is_not_a_positive_int(draws: object) -> None:
    with pytest.raises(ValueError, match="draws must be a positive whole number"):
        bayesian_interval(ClassCounts(1, 1, 1), draws=draws)  # type: ignore[arg-type]


def test_it_refuses_a_seed_that_is_not_an_int() -> None:
    with pytest.raises(TypeError, match="seed must be an int"):
        bayesian_interval(ClassCounts(1, 1, 1), seed="fixed")  # type: ignore[arg-type]
