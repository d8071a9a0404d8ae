from __future__ import annotations

import numpy as np
import pytest

from opennps.stats import (
    ClassCounts,
    Histogram,
    InvalidScoreError,
    Scale,
    as_class_counts,
)


def test_it_names_the_position_of_the_first_bad_score() -> None:
    with pytest.raises(InvalidScoreError, match="score 11 at position 3 is outside") as caught:
        Histogram.from_scores([1, 2, 3, 11, "x"])
    assert caught.value.position == 3
    assert caught.value.value == 11


def test_it_validates_scores_against_the_one_to_ten_scale() -> None:
    with pytest.raises(InvalidScoreError, match="position 1"):
        Histogram.from_scores([5, 0], scale=Scale.ONE_TO_TEN)
    assert Histogram.from_scores([1, 10], scale="1-10").n == 2


def test_it_counts_scores_from_a_numpy_array() -> None:
    histogram = Histogram.from_scores(np.array([9, 9, 0]))
    assert histogram.counts[9] == 2
    assert histogram.counts[0] == 1


def test_it_normalises_a_list_of_numpy_counts_to_a_tuple_of_ints() -> None:
    histogram = Histogram(list(np.arange(11)))  # type: ignore[arg-type]
    assert histogram.counts == tuple(range(11))
    assert all(type(count) is int for count in histogram.counts)
    assert hash(histogram) == hash(Histogram(tuple(range(11))))


@pytest.mark.parametrize("length", [0, 10, 12])
def test_it_refuses_a_histogram_without_eleven_counts(length: int) -> None:
    with pytest.raises(ValueError, match=f"needs 11 counts .* got {length}"):
        Histogram((0,) * length)


def test_it_refuses_a_negative_count_naming_the_score() -> None:
    with pytest.raises(ValueError, match="count for score 4 is -1"):
        Histogram((0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0))


@pytest.mark.parametrize("bad_count", [1.5, 2.0, True, "3", None])
def test_it_refuses_a_count_that_is_not_an_int(bad_count: object) -> None:
    with pytest.raises(TypeError, match="count for score 0 must be a whole number"):
        Histogram((bad_count, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))  # type: ignore[arg-type]


def test_from_counts_refuses_a_mapping_with_an_impossible_score() -> None:
    with pytest.raises(InvalidScoreError, match="score 12"):
        Histogram.from_counts({12: 3})


def test_from_counts_refuses_a_string() -> None:
    with pytest.raises(TypeError, match="not the text"):
        Histogram.from_counts("00000000000")  # type: ignore[arg-type]


def test_class_counts_refuse_negative_counts() -> None:
    with pytest.raises(ValueError, match="passives is -2"):
        ClassCounts(promoters=1, passives=-2, detractors=0)


def test_as_class_counts_accepts_both_kinds_and_refuses_others() -> None:
    counts = ClassCounts(3, 2, 1)
    assert as_class_counts(counts) is counts
    assert as_class_counts(Histogram.from_scores([9, 10, 10, 7, 8, 0])) == counts
    with pytest.raises(TypeError, match="expected a Histogram or ClassCounts, got list"):
        as_class_counts([3, 2, 1])  # type: ignore[arg-type]
