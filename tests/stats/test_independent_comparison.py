from __future__ import annotations

import math

import pytest

from opennps.stats import ClassCounts, Histogram, compare_independent

Z_95 = 1.959963984540054


def adjusted(promoters: int, passives: int, detractors: int) -> tuple[float, float, int]:
    """Adjusted NPS (as a -1..1 share difference), adjusted variance, and n + 3, by hand."""
    n_plus_3 = promoters + passives + detractors + 3
    promoter_share = (promoters + 0.75) / n_plus_3
    detractor_share = (detractors + 0.75) / n_plus_3
    variance = promoter_share + detractor_share - (promoter_share - detractor_share) ** 2
    return promoter_share - detractor_share, variance, n_plus_3


def test_a_hand_worked_example() -> None:
    # Baseline NPS 10 (40/30/30), other NPS 30 (50/30/20), 100 people each.
    baseline_nps, baseline_variance, baseline_n = adjusted(40, 30, 30)
    other_nps, other_variance, other_n = adjusted(50, 30, 20)
    adjusted_difference = 100 * (other_nps - baseline_nps)
    standard_error = 100 * math.sqrt(baseline_variance / baseline_n + other_variance / other_n)
    z = adjusted_difference / standard_error
    p_value = math.erfc(abs(z) / math.sqrt(2))

    comparison = compare_independent(ClassCounts(40, 30, 30), ClassCounts(50, 30, 20))

    assert comparison.method == "independent"
    assert comparison.difference == pytest.approx(20.0, abs=1e-9)  # observed 30 - 10
    assert comparison.z == pytest.approx(z, abs=1e-9)
    assert comparison.p_value == pytest.approx(p_value, abs=1e-9)
    assert comparison.low == pytest.approx(adjusted_difference - Z_95 * standard_error, abs=1e-9)
    assert comparison.high == pytest.approx(adjusted_difference + Z_95 * standard_error, abs=1e-9)
    assert (comparison.n_baseline, comparison.n_other) == (100, 100)
    assert not comparison.significant
    assert comparison.verdict() == "+20.0, not significant (p = 0.083)"


def test_swapping_the_samples_mirrors_the_result() -> None:
    first, second = ClassCounts(40, 30, 30), ClassCounts(50, 35, 15)

    forward = compare_independent(first, second)
    backward = compare_independent(second, first)

    assert forward.difference == pytest.approx(-backward.difference)  # type: ignore[operator]
    assert forward.z == pytest.approx(-backward.z)  # type: ignore[operator]
    assert forward.p_value == pytest.approx(backward.p_value)
    assert forward.low == pytest.approx(-backward.high)  # type: ignore[operator]
    assert (forward.n_baseline, forward.n_other) == (backward.n_other, backward.n_baseline)


def test_identical_samples_show_no_difference_and_p_of_one() -> None:
    sample = Histogram.from_scores([10, 9, 8, 7, 6, 5, 0, 10])

    comparison = compare_independent(sample, sample)

    assert comparison.difference == 0
    assert comparison.z == 0
    assert comparison.p_value == 1.0
    assert comparison.low == pytest.approx(-comparison.high)  # type: ignore[operator]
    assert comparison.verdict() == "+0.0, not significant (p = 1.00)"


def test_a_large_shift_is_significant() -> None:
    comparison = compare_independent(ClassCounts(100, 100, 300), ClassCounts(300, 100, 100))

    assert comparison.significant
    assert comparison.verdict() == "+80.0, significant (p < 0.001)"


@pytest.mark.parametrize(
    ("baseline", "other"),
    [(ClassCounts(0, 0, 0), ClassCounts(5, 1, 1)), (ClassCounts(5, 1, 1), Histogram.empty())],
)
def test_there_is_no_comparison_when_a_sample_is_empty(
    baseline: ClassCounts | Histogram, other: ClassCounts | Histogram
) -> None:
    comparison = compare_independent(baseline, other)

    assert (comparison.difference, comparison.low, comparison.high) == (None, None, None)
    assert (comparison.z, comparison.p_value) == (None, None)
    assert not comparison.significant
    assert comparison.verdict().startswith("no comparison")


def test_the_interval_of_a_difference_is_clipped_to_two_hundred_points() -> None:
    comparison = compare_independent(ClassCounts(0, 0, 50), ClassCounts(50, 0, 0), confidence=0.999)

    assert comparison.high == 200.0
    assert comparison.difference == 200.0


def test_a_bad_confidence_is_refused() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        compare_independent(ClassCounts(1, 1, 1), ClassCounts(1, 1, 1), confidence=0)
