from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opennps.stats import (
    ClassCounts,
    adjusted_wald_interval,
    margin_of_error,
    per_answer_variance,
    required_sample_size,
)

Z_95 = 1.959963984540054


def test_plus_or_minus_five_points_at_95_percent_needs_1534_answers_in_the_worst_case() -> None:
    assert required_sample_size(5) == 1534
    assert margin_of_error(1534) <= 5 < margin_of_error(1533)


def test_thirty_to_fifty_answers_buy_about_34_to_27_points_in_the_worst_case() -> None:
    # The seed guide's "30-50 respondents is enough" means an NPS of, say, 40 could be 6 or 74.
    assert round(margin_of_error(30)) == 34
    assert round(margin_of_error(50)) == 27


def test_known_shares_need_fewer_answers_than_the_worst_case() -> None:
    # p = 0.60, d = 0.15: v = 0.75 - 0.45^2 = 0.5475.
    expected = math.ceil(Z_95**2 * 0.5475 / 0.05**2 - 3)

    assert required_sample_size(5, promoter_share=0.6, detractor_share=0.15) == expected
    assert margin_of_error(100, 0.95, 0.6, 0.15) == pytest.approx(
        100 * Z_95 * math.sqrt(0.5475 / 103)
    )


def test_the_per_answer_variance_of_the_plus_one_zero_minus_one_score() -> None:
    assert per_answer_variance() == 1.0
    assert per_answer_variance(0.5, 0.5) == 1.0
    assert per_answer_variance(0.6, 0.15) == pytest.approx(0.5475)
    assert per_answer_variance(1.0, 0.0) == 0.0
    assert per_answer_variance(0.0, 0.0) == 0.0


def test_with_no_answers_the_margin_comes_from_the_three_pseudo_answers_alone() -> None:
    assert margin_of_error(0) == pytest.approx(100 * Z_95 / math.sqrt(3))


def test_when_every_answer_is_in_one_class_one_answer_is_enough() -> None:
    assert required_sample_size(1, promoter_share=1.0, detractor_share=0.0) == 1


@pytest.mark.parametrize(
    ("promoter_share", "detractor_share", "message"),
    [
        (0.5, None, "give both promoter_share and detractor_share"),
        (None, 0.2, "give both promoter_share and detractor_share"),
        (1.2, 0.0, "promoter_share is 1.2"),
        (0.3, -0.1, "detractor_share is -0.1"),
        (0.7, 0.4, "is more than 1"),
        (math.nan, 0.1, "promoter_share is nan"),
    ],
)
def test_impossible_shares_are_refused(
    promoter_share: float | None, detractor_share: float | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        per_answer_variance(promoter_share, detractor_share)


@pytest.mark.parametrize("margin", [0, -5, 200.5, math.nan, math.inf])
def test_a_margin_outside_zero_to_two_hundred_points_is_refused(margin: float) -> None:
    with pytest.raises(ValueError, match="more than 0 and at most 200 NPS points"):
        required_sample_size(margin)


def test_a_margin_that_is_not_a_number_is_refused() -> None:
    with pytest.raises(TypeError):
        required_sample_size("5")  # type: ignore[arg-type]


def test_a_negative_or_fractional_n_is_refused() -> None:
    with pytest.raises(ValueError, match="n is -1"):
        margin_of_error(-1)
    with pytest.raises(TypeError, match="n must be a whole number"):
        margin_of_error(30.5)  # type: ignore[arg-type]


shares = st.tuples(st.floats(0, 1), st.floats(0, 1)).filter(lambda pair: sum(pair) <= 1)


@given(
    st.floats(min_value=0.5, max_value=200),
    st.floats(min_value=0.5, max_value=0.999),
    st.one_of(st.none(), shares),
)
def test_the_required_sample_size_is_the_fewest_answers_that_achieve_the_margin(
    margin: float, confidence: float, known_shares: tuple[float, float] | None
) -> None:
    promoter_share, detractor_share = known_shares or (None, None)

    n = required_sample_size(margin, confidence, promoter_share, detractor_share)

    assert n >= 1
    assert margin_of_error(n, confidence, promoter_share, detractor_share) <= margin
    if n > 1:
        assert margin_of_error(n - 1, confidence, promoter_share, detractor_share) > margin


@given(st.integers(0, 3_000), st.integers(0, 3_000), st.integers(0, 3_000))
def test_the_worst_case_margin_bounds_every_adjusted_wald_interval(
    promoters: int, passives: int, detractors: int
) -> None:
    counts = ClassCounts(promoters, passives, detractors)
    interval = adjusted_wald_interval(counts)
    if counts.n == 0:
        return
    assert interval.margin is not None
    assert interval.margin <= margin_of_error(counts.n) + 1e-9
