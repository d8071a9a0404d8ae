"""The change against the previous period reads "+6.0, not significant, p = 0.21", translated."""

from __future__ import annotations

from django.utils import translation

from opennps.analytics.dashboard import verdict
from opennps.stats import Histogram, compare_independent


def comparison(before: dict, after: dict):
    return compare_independent(Histogram.from_counts(before), Histogram.from_counts(after))


def test_a_small_change_is_not_significant():
    result = comparison({10: 40, 7: 30, 3: 30}, {10: 46, 7: 24, 3: 30})
    assert verdict(result) == f"+6.0, not significant, p = {result.p_value:.2f}"


def test_a_large_change_is_significant_with_a_small_p():
    result = comparison({10: 100, 3: 300}, {10: 300, 3: 100})
    assert verdict(result) == "+100.0, significant, p < 0.001"


def test_a_fall_has_a_minus_sign():
    result = comparison({10: 60, 3: 40}, {10: 40, 3: 60})
    assert verdict(result).startswith("−40.0, significant, p = 0.00")


def test_no_answers_in_a_period_means_no_comparison():
    assert (
        verdict(comparison({}, {10: 3})) == "No comparison: one of the two periods has no answers."
    )


def test_numbers_follow_the_readers_language():
    result = comparison({10: 40, 7: 30, 3: 30}, {10: 46, 7: 24, 3: 30})
    with translation.override("ru"):
        text = verdict(result)
    assert text.startswith("+6,0")
    assert f"{result.p_value:.2f}".replace(".", ",") in text
