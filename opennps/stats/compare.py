"""Is a change in NPS real? Two independent samples, or the same people asked twice."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import NormalDist

from opennps.stats.classify import InvalidScoreError, NPSClass, Scale, classify
from opennps.stats.histogram import ClassCounts, Histogram, as_class_counts, require_count
from opennps.stats.intervals import (
    ADJUSTED_WALD_DETRACTORS,
    ADJUSTED_WALD_PASSIVES,
    ADJUSTED_WALD_PROMOTERS,
    z_for_confidence,
)

INDEPENDENT = "independent"
PAIRED = "paired"

# Rows and columns of a transition table, and the +1/0/-1 score each class counts as.
PAIRED_ORDER = (NPSClass.DETRACTOR, NPSClass.PASSIVE, NPSClass.PROMOTER)
_CLASS_SCORE = {NPSClass.DETRACTOR: -1, NPSClass.PASSIVE: 0, NPSClass.PROMOTER: 1}

# A difference of NPS values can run from -200 (all promoters to all detractors) to +200.
DIFFERENCE_LOWEST = -200.0
DIFFERENCE_HIGHEST = 200.0

TransitionTable = tuple[tuple[int, int, int], tuple[int, int, int], tuple[int, int, int]]


@dataclass(frozen=True)
class Comparison:
    """The change from `baseline` to `other` in NPS points (other minus baseline) and its test.

    `difference`, `low`, `high`, `z` and `p_value` are None when there is nothing to compare.
    `p_value` is two-sided. For the paired method n_baseline == n_other == number of people.
    """

    method: str
    difference: float | None
    low: float | None
    high: float | None
    z: float | None
    p_value: float | None
    confidence: float
    n_baseline: int
    n_other: int

    @property
    def significant(self) -> bool:
        """True when p < 1 - confidence (p < 0.05 at 95%); False when untested."""
        return self.p_value is not None and self.p_value < 1 - self.confidence

    def verdict(self) -> str:
        """A short English reading such as "+6.0, not significant (p = 0.21)"."""
        if self.difference is None:
            return (
                f"no comparison: no answers to compare (n = {self.n_baseline} and {self.n_other})"
            )
        change = f"{self.difference:+.1f}"
        if self.p_value is None:
            return f"{change}, significance not tested (too few answers)"
        reading = "significant" if self.significant else "not significant"
        return f"{change}, {reading} ({_format_p(self.p_value)})"


def compare_independent(
    baseline: Histogram | ClassCounts,
    other: Histogram | ClassCounts,
    confidence: float = 0.95,
) -> Comparison:
    """Compare two samples of different people (e.g. last quarter and this quarter).

    `difference` is the observed other.nps - baseline.nps, so it matches the two NPS figures a
    reader sees. The test and the interval use Rocks' adjusted values: the interval is centred
    on the difference of the adjusted NPS values (pulled slightly towards 0) with
    SE = sqrt(v1 / (n1 + 3) + v2 / (n2 + 3)), v = p + d - (p - d)^2 on adjusted shares,
    clipped to [-200, 200]; z = adjusted difference / SE. The adjusted variance is always
    positive, so z and p are defined whenever both samples have answers.
    """
    z_critical = z_for_confidence(confidence)
    first = as_class_counts(baseline)
    second = as_class_counts(other)
    if first.n == 0 or second.n == 0:
        return Comparison(INDEPENDENT, None, None, None, None, None, confidence, first.n, second.n)
    first_nps, first_variance = _adjusted_nps_and_variance(first)
    second_nps, second_variance = _adjusted_nps_and_variance(second)
    adjusted_difference = second_nps - first_nps
    standard_error = 100 * math.sqrt(
        first_variance / (first.n + 3) + second_variance / (second.n + 3)
    )
    z = adjusted_difference / standard_error
    observed_difference = (
        100 * (second.promoters - second.detractors) / second.n
        - 100 * (first.promoters - first.detractors) / first.n
    )
    return Comparison(
        method=INDEPENDENT,
        difference=observed_difference,
        low=_clip(adjusted_difference - z_critical * standard_error),
        high=_clip(adjusted_difference + z_critical * standard_error),
        z=z,
        p_value=_two_sided_p(z),
        confidence=confidence,
        n_baseline=first.n,
        n_other=second.n,
    )


def compare_paired(transitions: Iterable[Iterable[int]], confidence: float = 0.95) -> Comparison:
    """Compare two answers from the same people, from a 3x3 table of counts.

    `transitions[i][j]` counts people whose first answer was in class PAIRED_ORDER[i] and
    second in PAIRED_ORDER[j] (detractor, passive, promoter); a NumPy array works too. Each
    person's change of the +1/0/-1 score is averaged; difference = 100 x mean change (which
    equals the NPS of the second answers minus that of the first), SE = sample sd / sqrt(n).

    Edge cases: no people -> everything None. One person -> the difference only, since a
    sample sd needs two. Everyone changed by the same amount -> SE = 0: if nobody changed,
    z = 0 and p = 1.0; otherwise z = +/-inf, p = 0.0 and the interval is the single point.
    """
    z_critical = z_for_confidence(confidence)
    table = _checked_transition_table(transitions)
    changes = [
        (_CLASS_SCORE[PAIRED_ORDER[column]] - _CLASS_SCORE[PAIRED_ORDER[row]], table[row][column])
        for row in range(3)
        for column in range(3)
    ]
    people = sum(count for _, count in changes)
    if people == 0:
        return Comparison(PAIRED, None, None, None, None, None, confidence, 0, 0)
    mean_change = sum(change * count for change, count in changes) / people
    difference = 100 * mean_change
    if people < 2:
        return Comparison(PAIRED, difference, None, None, None, None, confidence, people, people)
    sample_variance = sum(count * (change - mean_change) ** 2 for change, count in changes) / (
        people - 1
    )
    standard_error = 100 * math.sqrt(sample_variance / people)
    if standard_error == 0:
        z = 0.0 if difference == 0 else math.copysign(math.inf, difference)
        p_value = 1.0 if difference == 0 else 0.0
    else:
        z = difference / standard_error
        p_value = _two_sided_p(z)
    return Comparison(
        method=PAIRED,
        difference=difference,
        low=_clip(difference - z_critical * standard_error),
        high=_clip(difference + z_critical * standard_error),
        z=z,
        p_value=p_value,
        confidence=confidence,
        n_baseline=people,
        n_other=people,
    )


def transitions_from_pairs(
    pairs: Iterable[tuple[object, object]], scale: Scale = Scale.ZERO_TO_TEN
) -> TransitionTable:
    """Build the 3x3 transition table from (first score, second score) pairs, one per person.

    Rows and columns follow PAIRED_ORDER. Raises InvalidScoreError naming the pair's position,
    or ValueError when an item is not a pair.
    """
    table = [[0, 0, 0] for _ in PAIRED_ORDER]
    for position, pair in enumerate(pairs):
        if isinstance(pair, (str, bytes)) or not isinstance(pair, Iterable):
            raise _not_a_pair(pair, position)
        both = tuple(pair)
        if len(both) != 2:
            raise _not_a_pair(pair, position)
        before, after = both
        try:
            row = PAIRED_ORDER.index(classify(before, scale))
            column = PAIRED_ORDER.index(classify(after, scale))
        except InvalidScoreError as error:
            raise error.at_position(position) from None
        table[row][column] += 1
    detractor_row, passive_row, promoter_row = table
    return (
        (detractor_row[0], detractor_row[1], detractor_row[2]),
        (passive_row[0], passive_row[1], passive_row[2]),
        (promoter_row[0], promoter_row[1], promoter_row[2]),
    )


def _not_a_pair(item: object, position: int) -> ValueError:
    return ValueError(
        f"item at position {position} is {item!r}, not a (first score, second score) pair"
    )


def _adjusted_nps_and_variance(counts: ClassCounts) -> tuple[float, float]:
    adjusted_n = (
        counts.n + ADJUSTED_WALD_PROMOTERS + ADJUSTED_WALD_PASSIVES + ADJUSTED_WALD_DETRACTORS
    )
    promoter_share = (counts.promoters + ADJUSTED_WALD_PROMOTERS) / adjusted_n
    detractor_share = (counts.detractors + ADJUSTED_WALD_DETRACTORS) / adjusted_n
    variance = promoter_share + detractor_share - (promoter_share - detractor_share) ** 2
    return 100 * (promoter_share - detractor_share), variance


def _checked_transition_table(transitions: Iterable[Iterable[object]]) -> list[list[int]]:
    advice = (
        "pass 3 rows of 3 counts: rows = first answer, columns = second answer, "
        "both in the order detractor, passive, promoter"
    )
    if not isinstance(transitions, Iterable):
        raise TypeError(f"transition table is a {type(transitions).__name__}; {advice}")
    rows = [list(row) if isinstance(row, Iterable) else row for row in transitions]
    if len(rows) != 3 or any(not isinstance(row, list) or len(row) != 3 for row in rows):
        raise ValueError(f"transition table {transitions!r} is not 3 x 3; {advice}")
    return [
        [
            require_count(count, f"transition count {PAIRED_ORDER[row]} -> {PAIRED_ORDER[column]}")
            for column, count in enumerate(cells)
        ]
        for row, cells in enumerate(rows)
    ]


def _two_sided_p(z: float) -> float:
    # cdf(-|z|) keeps precision in the far tail, where 1 - cdf(|z|) would round to 0.
    return min(1.0, 2 * NormalDist().cdf(-abs(z)))


def _clip(value: float) -> float:
    return min(max(value, DIFFERENCE_LOWEST), DIFFERENCE_HIGHEST)


def _format_p(p_value: float) -> str:
    if p_value < 0.001:
        return "p < 0.001"
    if p_value < 0.1:
        return f"p = {p_value:.3f}"
    return f"p = {p_value:.2f}"
