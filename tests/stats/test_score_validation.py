from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from opennps.stats import InvalidScoreError, Scale, classify, validate_score


@pytest.mark.parametrize(
    ("score", "message"),
    [
        (11, "score 11 is outside the 0-10 scale"),
        (-1, "score -1 is outside the 0-10 scale"),
        (7.5, "score 7.5 is not a whole number"),
        (True, "score True is a bool, not a number"),
        (np.bool_(False), "score False is a bool, not a number"),
        ("7", "score '7' is a str, not a number"),
        (None, "score is missing (None)"),
        (math.nan, "score nan is not a number"),
        (math.inf, "score inf is not a finite number"),
        (-math.inf, "score -inf is not a finite number"),
        (Fraction(15, 2), "score 15/2 is not a whole number"),
        (Decimal("NaN"), "score NaN is not a number"),
        ([7], "score [7] is a list, not a number"),
    ],
)
def test_it_rejects_a_value_that_is_not_a_score(score: object, message: str) -> None:
    with pytest.raises(InvalidScoreError) as caught:
        validate_score(score)
    assert str(caught.value).startswith(message)
    assert caught.value.value is score


def test_the_error_says_what_to_give_instead() -> None:
    with pytest.raises(InvalidScoreError, match="give a whole number from 0 to 10"):
        validate_score(11)


def test_it_rejects_zero_on_the_one_to_ten_scale() -> None:
    with pytest.raises(InvalidScoreError, match="score 0 is outside the 1-10 scale") as caught:
        validate_score(0, Scale.ONE_TO_TEN)
    assert "from 1 to 10" in str(caught.value)


def test_classify_rejects_what_validation_rejects() -> None:
    with pytest.raises(InvalidScoreError):
        classify(7.5)


def test_it_is_a_value_error_so_generic_handlers_catch_it() -> None:
    with pytest.raises(ValueError):
        validate_score("ten")


@pytest.mark.parametrize(
    ("score", "expected"),
    [(9.0, 9), (np.float32(3.0), 3), (np.int16(10), 10), (Decimal("8.0"), 8), (0, 0)],
)
def test_it_returns_whole_numbers_as_ints(score: object, expected: int) -> None:
    result = validate_score(score)
    assert result == expected
    assert type(result) is int
