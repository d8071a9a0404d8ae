from __future__ import annotations

import numpy as np
import pytest

from opennps.stats import NPSClass, Scale, classify

EXPECTED_CLASS = {
    0: NPSClass.DETRACTOR,
    1: NPSClass.DETRACTOR,
    2: NPSClass.DETRACTOR,
    3: NPSClass.DETRACTOR,
    4: NPSClass.DETRACTOR,
    5: NPSClass.DETRACTOR,
    6: NPSClass.DETRACTOR,
    7: NPSClass.PASSIVE,
    8: NPSClass.PASSIVE,
    9: NPSClass.PROMOTER,
    10: NPSClass.PROMOTER,
}


@pytest.mark.parametrize(("score", "expected"), EXPECTED_CLASS.items())
def test_it_classifies_every_score_on_the_zero_to_ten_scale(score: int, expected: NPSClass) -> None:
    assert classify(score) is expected


@pytest.mark.parametrize("score", range(1, 11))
def test_it_uses_the_same_thresholds_on_the_one_to_ten_scale(score: int) -> None:
    assert classify(score, Scale.ONE_TO_TEN) is EXPECTED_CLASS[score]


def test_it_classifies_a_whole_float_from_a_spreadsheet_column() -> None:
    assert classify(9.0) is NPSClass.PROMOTER
    assert classify(np.float64(6.0)) is NPSClass.DETRACTOR


def test_it_classifies_numpy_integers() -> None:
    assert classify(np.int64(8)) is NPSClass.PASSIVE
    assert classify(np.uint8(10)) is NPSClass.PROMOTER


def test_class_names_are_the_strings_used_in_json() -> None:
    assert [str(member) for member in NPSClass] == ["promoter", "passive", "detractor"]
