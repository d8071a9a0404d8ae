from __future__ import annotations

import pytest

from opennps.stats import InvalidScoreError
from opennps.text import driver_impact


def responses() -> list[tuple[int | None, list[str]]]:
    # 10 respondents: 4 promoters, 2 passives, 4 detractors -> NPS 0.
    return [
        (10, ["staff"]),
        (9, ["staff", "price"]),
        (9, []),
        (10, []),
        (8, ["price"]),
        (7, []),
        (3, ["price", "delivery"]),
        (5, ["price"]),
        (0, ["delivery"]),
        (6, []),
        (None, ["price"]),  # a comment without a score: counts in shares only
    ]


def test_impact_is_the_nps_gained_over_everyone_if_its_detractors_moved_up() -> None:
    by_driver = {item.driver: item for item in driver_impact(responses())}
    price = by_driver["price"]
    # price: 2 detractors of 10 respondents -> +20 as passives, +40 as promoters.
    assert price.impact_to_passive == pytest.approx(20.0)
    assert price.impact_to_promoter == pytest.approx(40.0)
    assert by_driver["delivery"].impact_to_passive == pytest.approx(20.0)
    assert by_driver["staff"].impact_to_passive == 0.0


def test_mentions_share_and_nps_of_those_who_mention_a_driver() -> None:
    price = next(item for item in driver_impact(responses()) if item.driver == "price")
    assert price.mentions == 5
    assert price.share == pytest.approx(5 / 7)  # 7 comments with a driver
    summary = price.to_dict()
    # Scored mentioners: 9, 8, 3, 5 -> 1 promoter, 1 passive, 2 detractors -> NPS -25.
    assert (summary["n"], summary["promoters"], summary["passives"], summary["detractors"]) == (
        4,
        1,
        1,
        2,
    )
    assert summary["nps"] == -25.0
    assert summary["ci_low"] < -25.0 < summary["ci_high"]
    assert set(summary) >= {"driver", "mentions", "impact_to_passive", "impact_to_promoter"}


def test_drivers_are_ranked_by_impact_then_mentions_with_other_last() -> None:
    ranked = [item.driver for item in driver_impact([*responses(), (1, ["other"]), (2, ["other"])])]
    assert ranked == ["price", "delivery", "staff", "other"]


def test_an_impossible_score_is_refused() -> None:
    with pytest.raises(InvalidScoreError):
        driver_impact([(11, ["price"])])
