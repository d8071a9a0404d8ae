from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from opennps.stats import (
    ClassCounts,
    Interval,
    adjusted_wald_interval,
    bayesian_interval,
    wald_interval,
)

counts = st.builds(
    ClassCounts,
    promoters=st.integers(0, 2_000),
    passives=st.integers(0, 2_000),
    detractors=st.integers(0, 2_000),
)
confidences = st.floats(min_value=0.01, max_value=0.999)


def assert_well_formed(interval: Interval, n: int) -> None:
    if n == 0:
        assert (interval.estimate, interval.low, interval.high) == (None, None, None)
        return
    assert interval.low is not None and interval.high is not None
    assert interval.estimate is not None
    assert -100 <= interval.low <= interval.estimate <= interval.high <= 100


@given(counts, confidences)
def test_adjusted_wald_bounds_surround_the_estimate_and_stay_in_range(
    class_counts: ClassCounts, confidence: float
) -> None:
    assert_well_formed(adjusted_wald_interval(class_counts, confidence), class_counts.n)


@given(counts, confidences)
def test_wald_bounds_surround_the_estimate_and_stay_in_range(
    class_counts: ClassCounts, confidence: float
) -> None:
    assert_well_formed(wald_interval(class_counts, confidence), class_counts.n)


@given(counts, confidences)
def test_bayesian_bounds_surround_the_estimate_and_stay_in_range(
    class_counts: ClassCounts, confidence: float
) -> None:
    interval = bayesian_interval(class_counts, confidence, draws=2_000)
    assert_well_formed(interval, class_counts.n)


def test_intervals_narrow_as_the_same_shares_come_from_more_answers() -> None:
    for method in (adjusted_wald_interval, wald_interval):
        margins = [method(ClassCounts(12 * k, 5 * k, 3 * k)).margin for k in range(1, 60)]
        assert all(m is not None for m in margins)
        assert all(
            wider > narrower
            for wider, narrower in itertools.pairwise(margins)
            if wider is not None and narrower is not None
        )


def test_bayesian_intervals_narrow_as_the_same_shares_come_from_more_answers() -> None:
    margins = [bayesian_interval(ClassCounts(12 * k, 5 * k, 3 * k)).margin for k in (1, 4, 16)]
    assert margins[0] is not None and margins[1] is not None and margins[2] is not None
    assert margins[0] > margins[1] > margins[2]


@given(counts.filter(lambda c: c.n > 0), confidences, confidences)
def test_a_higher_confidence_never_gives_a_narrower_adjusted_wald_interval(
    class_counts: ClassCounts, first: float, second: float
) -> None:
    lower, higher = sorted((first, second))
    narrow = adjusted_wald_interval(class_counts, lower)
    wide = adjusted_wald_interval(class_counts, higher)
    assert narrow.low is not None and narrow.high is not None
    assert wide.low is not None and wide.high is not None
    assert wide.low <= narrow.low and narrow.high <= wide.high
