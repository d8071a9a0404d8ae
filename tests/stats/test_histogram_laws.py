from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from opennps.stats import Histogram

scores = st.lists(st.integers(min_value=0, max_value=10), max_size=200)
histograms = st.lists(st.integers(min_value=0, max_value=10_000), min_size=11, max_size=11).map(
    lambda counts: Histogram(tuple(counts))
)


@given(scores, scores)
def test_merging_two_histograms_equals_counting_the_concatenated_scores(
    first: list[int], second: list[int]
) -> None:
    merged = Histogram.from_scores(first) + Histogram.from_scores(second)
    assert merged == Histogram.from_scores(first + second)


@given(st.lists(scores, min_size=1, max_size=5))
def test_sum_of_histograms_equals_counting_all_scores(batches: list[list[int]]) -> None:
    everything = [score for batch in batches for score in batch]
    total = sum(Histogram.from_scores(batch) for batch in batches)
    assert total == Histogram.from_scores(everything)


def test_sum_with_an_empty_start_handles_an_empty_list() -> None:
    assert sum([], Histogram.empty()) == Histogram.empty()


@given(histograms)
def test_nps_stays_between_minus_one_hundred_and_one_hundred(histogram: Histogram) -> None:
    if histogram.n == 0:
        assert histogram.nps is None
    else:
        assert histogram.nps is not None
        assert -100 <= histogram.nps <= 100


@given(histograms)
def test_the_three_shares_sum_to_one(histogram: Histogram) -> None:
    if histogram.n == 0:
        return
    shares = (histogram.promoter_share, histogram.passive_share, histogram.detractor_share)
    assert all(share is not None for share in shares)
    assert abs(sum(share for share in shares if share is not None) - 1) < 1e-12


@given(histograms)
def test_nps_is_one_hundred_times_promoter_share_minus_detractor_share(
    histogram: Histogram,
) -> None:
    if histogram.n == 0:
        return
    assert histogram.promoter_share is not None
    assert histogram.detractor_share is not None
    assert histogram.nps is not None
    expected = 100 * (histogram.promoter_share - histogram.detractor_share)
    assert abs(histogram.nps - expected) < 1e-9


@given(histograms)
def test_class_counts_add_up_to_n(histogram: Histogram) -> None:
    counts = histogram.class_counts()
    assert counts.promoters + counts.passives + counts.detractors == histogram.n == counts.n


@given(histograms)
def test_adding_an_empty_histogram_changes_nothing(histogram: Histogram) -> None:
    assert histogram + Histogram.empty() == histogram
