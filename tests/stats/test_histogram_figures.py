from __future__ import annotations

import pytest

from opennps.stats import ClassCounts, Histogram


def test_it_computes_every_figure_of_a_small_sample() -> None:
    histogram = Histogram.from_scores([10, 9, 9, 8, 7, 5, 3, 0, 10, 10])

    assert histogram.counts == (1, 0, 0, 1, 0, 1, 0, 1, 1, 2, 3)
    assert histogram.n == 10
    assert (histogram.promoters, histogram.passives, histogram.detractors) == (5, 2, 3)
    assert histogram.promoter_share == pytest.approx(0.5)
    assert histogram.passive_share == pytest.approx(0.2)
    assert histogram.detractor_share == pytest.approx(0.3)
    assert histogram.nps == pytest.approx(20.0)
    assert histogram.mean == pytest.approx(7.1)


def test_it_counts_a_mapping_of_score_to_count() -> None:
    histogram = Histogram.from_counts({10: 4, 6: 1})

    assert histogram.n == 5
    assert histogram.nps == pytest.approx(60.0)
    assert histogram.mean == pytest.approx(9.2)


def test_the_class_boundaries_fall_between_six_and_seven_and_between_eight_and_nine() -> None:
    histogram = Histogram.from_counts([0, 0, 0, 0, 0, 0, 1, 2, 4, 8, 0])

    assert histogram.class_counts() == ClassCounts(promoters=8, passives=6, detractors=1)


def test_an_empty_histogram_has_no_shares_no_nps_and_no_mean() -> None:
    histogram = Histogram.empty()

    assert histogram.n == 0
    assert (histogram.promoters, histogram.passives, histogram.detractors) == (0, 0, 0)
    assert histogram.promoter_share is None
    assert histogram.passive_share is None
    assert histogram.detractor_share is None
    assert histogram.nps is None
    assert histogram.mean is None


def test_all_detractors_give_minus_one_hundred_and_all_promoters_one_hundred() -> None:
    assert Histogram.from_scores([0, 6, 3]).nps == -100
    assert Histogram.from_scores([9, 10]).nps == 100


def test_class_counts_can_be_built_directly_and_give_the_same_nps() -> None:
    counts = ClassCounts(promoters=60, passives=25, detractors=15)

    assert counts.n == 100
    assert counts.nps == pytest.approx(45.0)
    assert counts.promoter_share == pytest.approx(0.6)
    assert ClassCounts(0, 0, 0).nps is None
