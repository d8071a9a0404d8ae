"""The 11-bin histogram of scores 0..10, and the promoter/passive/detractor counts it implies.

Every NPS figure is a function of these counts, so this is the one input the rest of the
package accepts.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from opennps.stats.classify import (
    HIGHEST_SCORE,
    LOWEST_PASSIVE_SCORE,
    LOWEST_PROMOTER_SCORE,
    InvalidScoreError,
    Scale,
    validate_score,
)

SCORE_BINS = HIGHEST_SCORE + 1


def require_count(value: object, what: str) -> int:
    """Return `value` as an int if it is a non-negative whole number of answers.

    Raises TypeError for anything that is not an integer (bool and floats included) and
    ValueError for a negative count; both name `what`.
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"{what} must be a whole number of answers, got {value!r} "
            f"({type(value).__name__}); pass an int"
        )
    if value < 0:
        raise ValueError(f"{what} is {value}; a count of answers cannot be negative")
    return int(value)


@dataclass(frozen=True)
class ClassCounts:
    """How many promoters, passives and detractors a sample holds."""

    promoters: int
    passives: int
    detractors: int

    def __post_init__(self) -> None:
        for name in ("promoters", "passives", "detractors"):
            object.__setattr__(self, name, require_count(getattr(self, name), name))

    @property
    def n(self) -> int:
        """Number of people who gave a score."""
        return self.promoters + self.passives + self.detractors

    @property
    def promoter_share(self) -> float | None:
        """Promoters / n, or None when nobody answered."""
        return self.promoters / self.n if self.n else None

    @property
    def passive_share(self) -> float | None:
        """Passives / n, or None when nobody answered."""
        return self.passives / self.n if self.n else None

    @property
    def detractor_share(self) -> float | None:
        """Detractors / n, or None when nobody answered."""
        return self.detractors / self.n if self.n else None

    @property
    def nps(self) -> float | None:
        """Observed Net Promoter Score, 100 x (promoter share - detractor share), in [-100, 100].

        None when nobody answered.
        """
        return 100 * (self.promoters - self.detractors) / self.n if self.n else None


@dataclass(frozen=True)
class Histogram:
    """Counts of each score: `counts[s]` is how many people answered `s`, for s = 0..10.

    Histograms add up: the histogram of two samples together is the sum of their histograms.
    `sum(histograms)` works; pass `sum(histograms, Histogram.empty())` when the list may be empty.
    """

    counts: tuple[int, ...]

    def __post_init__(self) -> None:
        if isinstance(self.counts, (str, bytes)) or not isinstance(self.counts, Iterable):
            raise TypeError(
                f"histogram counts must be a sequence of {SCORE_BINS} ints, "
                f"got {type(self.counts).__name__}"
            )
        counts = tuple(self.counts)
        if len(counts) != SCORE_BINS:
            raise ValueError(
                f"a histogram needs {SCORE_BINS} counts (one for each score 0 to 10), "
                f"got {len(counts)}"
            )
        checked = tuple(
            require_count(count, f"count for score {score}") for score, count in enumerate(counts)
        )
        object.__setattr__(self, "counts", checked)

    @classmethod
    def empty(cls) -> Histogram:
        """A histogram with no answers."""
        return cls((0,) * SCORE_BINS)

    @classmethod
    def from_scores(cls, scores: Iterable[object], scale: Scale = Scale.ZERO_TO_TEN) -> Histogram:
        """Count raw scores. Every score is validated against `scale`.

        Raises InvalidScoreError for the first bad score, with its index in `position`.
        """
        counts = [0] * SCORE_BINS
        for position, score in enumerate(scores):
            try:
                counts[validate_score(score, scale)] += 1
            except InvalidScoreError as error:
                raise error.at_position(position) from None
        return cls(tuple(counts))

    @classmethod
    def from_counts(cls, counts: Mapping[object, object] | Iterable[object]) -> Histogram:
        """Build from {score: count} (missing scores count 0) or from 11 counts in score order."""
        if isinstance(counts, Mapping):
            bins = [0] * SCORE_BINS
            for score, count in counts.items():
                bins[validate_score(score)] += require_count(count, f"count for score {score}")
            return cls(tuple(bins))
        if isinstance(counts, (str, bytes)):
            raise TypeError(f"histogram counts must be 11 ints, not the text {counts!r}")
        return cls(tuple(counts))

    def __add__(self, other: object) -> Histogram:
        if not isinstance(other, Histogram):
            return NotImplemented
        return Histogram(tuple(a + b for a, b in zip(self.counts, other.counts, strict=True)))

    def __radd__(self, other: object) -> Histogram:
        # sum() starts from the int 0; anything else is not a histogram we can merge.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def class_counts(self) -> ClassCounts:
        """Promoters (9-10), passives (7-8) and detractors (0-6)."""
        return ClassCounts(
            promoters=sum(self.counts[LOWEST_PROMOTER_SCORE:]),
            passives=sum(self.counts[LOWEST_PASSIVE_SCORE:LOWEST_PROMOTER_SCORE]),
            detractors=sum(self.counts[:LOWEST_PASSIVE_SCORE]),
        )

    @property
    def n(self) -> int:
        """Number of people who gave a score."""
        return sum(self.counts)

    @property
    def promoters(self) -> int:
        return self.class_counts().promoters

    @property
    def passives(self) -> int:
        return self.class_counts().passives

    @property
    def detractors(self) -> int:
        return self.class_counts().detractors

    @property
    def promoter_share(self) -> float | None:
        """Promoters / n, or None when nobody answered."""
        return self.class_counts().promoter_share

    @property
    def passive_share(self) -> float | None:
        """Passives / n, or None when nobody answered."""
        return self.class_counts().passive_share

    @property
    def detractor_share(self) -> float | None:
        """Detractors / n, or None when nobody answered."""
        return self.class_counts().detractor_share

    @property
    def nps(self) -> float | None:
        """Observed NPS in [-100, 100], or None when nobody answered."""
        return self.class_counts().nps

    @property
    def mean(self) -> float | None:
        """Mean score, or None when nobody answered."""
        n = self.n
        if n == 0:
            return None
        return sum(score * count for score, count in enumerate(self.counts)) / n


def as_class_counts(counts: Histogram | ClassCounts) -> ClassCounts:
    """The class counts of a Histogram, or a ClassCounts unchanged; TypeError for anything else."""
    if isinstance(counts, ClassCounts):
        return counts
    if isinstance(counts, Histogram):
        return counts.class_counts()
    raise TypeError(
        f"expected a Histogram or ClassCounts, got {type(counts).__name__}; "
        "build one with Histogram.from_scores(...) or ClassCounts(promoters, passives, detractors)"
    )
