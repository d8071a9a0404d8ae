from __future__ import annotations

import pytest

from opennps.stats import Scale


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0-10", Scale.ZERO_TO_TEN),
        ("1-10", Scale.ONE_TO_TEN),
        (" 0 - 10 ", Scale.ZERO_TO_TEN),
        ("1\u201310", Scale.ONE_TO_TEN),
        (Scale.ONE_TO_TEN, Scale.ONE_TO_TEN),
    ],
)
def test_it_parses_the_two_scales(text: str, expected: Scale) -> None:
    assert Scale.parse(text) is expected


@pytest.mark.parametrize("text", ["0-5", "1-5", "", "ten", "010"])
def test_it_rejects_an_unknown_scale_naming_the_accepted_ones(text: str) -> None:
    with pytest.raises(ValueError, match="use '0-10' or '1-10'"):
        Scale.parse(text)


def test_the_scales_know_their_lowest_score() -> None:
    assert (Scale.ZERO_TO_TEN.lowest, Scale.ONE_TO_TEN.lowest) == (0, 1)
    assert Scale.ZERO_TO_TEN.highest == Scale.ONE_TO_TEN.highest == 10
