from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from opennps.stats import (
    PAIRED_ORDER,
    Histogram,
    InvalidScoreError,
    NPSClass,
    Scale,
    compare_paired,
    transitions_from_pairs,
)

Z_95 = 1.959963984540054

# Rows: first answer; columns: second answer; both detractor, passive, promoter.
EXAMPLE_TABLE = [
    [5, 3, 2],
    [1, 10, 4],
    [0, 2, 13],
]


def test_rows_and_columns_run_from_detractor_to_promoter() -> None:
    assert PAIRED_ORDER == (NPSClass.DETRACTOR, NPSClass.PASSIVE, NPSClass.PROMOTER)


def test_a_hand_worked_example() -> None:
    # Change of the -1/0/+1 score per cell, weighted by the counts above (40 people):
    # sum = 3*1 + 2*2 + 1*(-1) + 4*1 + 2*(-1) = 8, so the mean change is 0.2;
    # sum of squares = 3 + 8 + 1 + 4 + 2 = 18.
    mean_change = 8 / 40
    sample_variance = (18 - 40 * mean_change**2) / 39
    standard_error = math.sqrt(sample_variance / 40)
    z = mean_change / standard_error

    comparison = compare_paired(EXAMPLE_TABLE)

    assert comparison.method == "paired"
    assert comparison.difference == pytest.approx(20.0, abs=1e-9)
    assert comparison.z == pytest.approx(z, abs=1e-9)
    assert comparison.p_value == pytest.approx(math.erfc(z / math.sqrt(2)), abs=1e-9)
    assert comparison.low == pytest.approx(100 * (mean_change - Z_95 * standard_error), abs=1e-9)
    assert comparison.high == pytest.approx(100 * (mean_change + Z_95 * standard_error), abs=1e-9)
    assert (comparison.n_baseline, comparison.n_other) == (40, 40)
    assert comparison.verdict() == "+20.0, not significant (p = 0.051)"


def test_the_difference_is_the_change_between_the_two_marginal_nps_values() -> None:
    # First answers: 10 detractors, 15 passives, 15 promoters -> NPS 12.5.
    # Second answers: 6 detractors, 15 passives, 19 promoters -> NPS 32.5.
    assert compare_paired(EXAMPLE_TABLE).difference == pytest.approx(32.5 - 12.5)


def test_it_accepts_a_numpy_table() -> None:
    assert compare_paired(np.array(EXAMPLE_TABLE)) == compare_paired(EXAMPLE_TABLE)


def test_when_nobody_changed_the_difference_is_zero_with_p_of_one() -> None:
    comparison = compare_paired([[3, 0, 0], [0, 4, 0], [0, 0, 5]])

    assert (comparison.difference, comparison.z, comparison.p_value) == (0.0, 0.0, 1.0)
    assert (comparison.low, comparison.high) == (0.0, 0.0)
    assert not comparison.significant


def test_when_everyone_changed_the_same_way_z_is_infinite_and_p_is_zero() -> None:
    comparison = compare_paired([[0, 0, 4], [0, 0, 0], [0, 0, 0]])

    assert comparison.difference == 200.0
    assert comparison.z == math.inf
    assert comparison.p_value == 0.0
    assert (comparison.low, comparison.high) == (200.0, 200.0)
    assert comparison.significant


def test_there_is_no_comparison_without_people() -> None:
    comparison = compare_paired([[0, 0, 0], [0, 0, 0], [0, 0, 0]])

    assert (comparison.difference, comparison.z, comparison.p_value) == (None, None, None)
    assert (comparison.n_baseline, comparison.n_other) == (0, 0)
    assert comparison.verdict().startswith("no comparison")


def test_one_person_gives_a_difference_but_no_test() -> None:
    comparison = compare_paired([[0, 1, 0], [0, 0, 0], [0, 0, 0]])

    assert comparison.difference == 100.0
    assert (comparison.low, comparison.high, comparison.z, comparison.p_value) == (
        None,
        None,
        None,
        None,
    )
    assert comparison.verdict() == "+100.0, significance not tested (too few answers)"


@pytest.mark.parametrize(
    "table", [[[1, 2, 3], [4, 5, 6]], [[1, 2], [3, 4], [5, 6]], [[1, 2, 3], [4, 5, 6], 7]]
)
def test_a_table_that_is_not_three_by_three_is_refused(table: object) -> None:
    with pytest.raises(ValueError, match="is not 3 x 3; pass 3 rows of 3 counts"):
        compare_paired(table)  # type: ignore[arg-type]


def test_a_negative_cell_is_refused_naming_the_transition() -> None:
    with pytest.raises(ValueError, match="transition count passive -> promoter is -1"):
        compare_paired([[1, 0, 0], [0, 1, -1], [0, 0, 1]])


def test_a_fractional_cell_is_refused() -> None:
    with pytest.raises(TypeError, match="must be a whole number"):
        compare_paired([[1.5, 0, 0], [0, 1, 0], [0, 0, 1]])


def test_pairs_of_scores_are_counted_into_the_table() -> None:
    table = transitions_from_pairs([(3, 9), (9, 9), (7, 0), (10, 8), (0, 10)])

    assert table == ((0, 0, 2), (1, 0, 0), (0, 1, 1))


def test_a_bad_score_in_a_pair_is_reported_with_its_position() -> None:
    with pytest.raises(InvalidScoreError, match="score 11 at position 1") as caught:
        transitions_from_pairs([(3, 9), (3, 11)])
    assert caught.value.position == 1


def test_pairs_are_checked_against_the_one_to_ten_scale() -> None:
    with pytest.raises(InvalidScoreError, match="outside the 1-10 scale"):
        transitions_from_pairs([(0, 5)], scale=Scale.ONE_TO_TEN)


@pytest.mark.parametrize("item", [(3,), (1, 2, 3), "39", 7])
def test_an_item_that_is_not_a_pair_is_refused(item: object) -> None:
    with pytest.raises(ValueError, match=r"position 0 .* not a \(first score, second score\) pair"):
        transitions_from_pairs([item])  # type: ignore[list-item]


pairs = st.lists(
    st.tuples(st.integers(0, 10), st.integers(0, 10)),
    min_size=1,
    max_size=100,
)


@given(pairs)
def test_the_paired_difference_always_equals_the_change_in_nps(
    answers: list[tuple[int, int]],
) -> None:
    before = Histogram.from_scores(first for first, _ in answers)
    after = Histogram.from_scores(second for _, second in answers)
    assert before.nps is not None and after.nps is not None

    comparison = compare_paired(transitions_from_pairs(answers))

    assert comparison.difference == pytest.approx(after.nps - before.nps, abs=1e-9)
