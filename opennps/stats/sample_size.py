"""How many answers buy how much precision. Margins are in NPS points: 5 means +/-5 points.

Both functions use the adjusted Wald interval's width, 100 z sqrt(v / (n + 3)), so a survey
planned with `required_sample_size` gets the margin the dashboard will later show.
"""

from __future__ import annotations

import math
import numbers

from opennps.stats.intervals import z_for_confidence

# The per-answer variance of the +1/0/-1 score is largest (1.0) with half promoters and half
# detractors; planning with it guarantees the margin whatever the true shares are.
WORST_CASE_VARIANCE = 1.0
# Shares computed from counts can sum to 1 + a rounding error.
_SHARE_TOLERANCE = 1e-12


def per_answer_variance(
    promoter_share: float | None = None, detractor_share: float | None = None
) -> float:
    """v = p + d - (p - d)^2, the variance of one answer's +1/0/-1 score.

    With neither share given, returns the worst case 1.0. Raises ValueError when only one share
    is given, when a share is outside [0, 1], or when the two sum to more than 1.
    """
    if promoter_share is None and detractor_share is None:
        return WORST_CASE_VARIANCE
    if promoter_share is None or detractor_share is None:
        raise ValueError(
            "give both promoter_share and detractor_share, or neither for the worst case "
            f"(got promoter_share={promoter_share!r}, detractor_share={detractor_share!r})"
        )
    promoters = _checked_share(promoter_share, "promoter_share")
    detractors = _checked_share(detractor_share, "detractor_share")
    if promoters + detractors > 1 + _SHARE_TOLERANCE:
        raise ValueError(
            f"promoter_share {promoters!r} + detractor_share {detractors!r} is more than 1; "
            "shares are fractions of the same respondents (e.g. 0.45 and 0.20)"
        )
    return max(promoters + detractors - (promoters - detractors) ** 2, 0.0)


def margin_of_error(
    n: int,
    confidence: float = 0.95,
    promoter_share: float | None = None,
    detractor_share: float | None = None,
) -> float:
    """The +/- margin, in NPS points, that n answers give at `confidence` (worst case by default).

    Raises TypeError for a non-integer n and ValueError for a negative one.
    """
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(f"n must be a whole number of answers, got {n!r} ({type(n).__name__})")
    if n < 0:
        raise ValueError(f"n is {n}; a number of answers cannot be negative")
    z = z_for_confidence(confidence)
    variance = per_answer_variance(promoter_share, detractor_share)
    return 100 * z * math.sqrt(variance / (int(n) + 3))


def required_sample_size(
    margin: float,
    confidence: float = 0.95,
    promoter_share: float | None = None,
    detractor_share: float | None = None,
) -> int:
    """The fewest answers (at least 1) for which `margin_of_error` is at most `margin` NPS points.

    n = ceil(z^2 v / (margin / 100)^2 - 3); worst case v = 1 unless both shares are given.
    Raises ValueError unless 0 < margin <= 200.
    """
    if isinstance(margin, bool) or not isinstance(margin, numbers.Real):
        raise TypeError(f"margin must be a number of NPS points, got {margin!r}")
    if not 0 < margin <= 200:
        raise ValueError(
            f"margin {margin!r} must be more than 0 and at most 200 NPS points "
            "(e.g. 5 for +/-5 points)"
        )
    z = z_for_confidence(confidence)
    variance = per_answer_variance(promoter_share, detractor_share)
    n = max(1, math.ceil(z**2 * variance / (margin / 100) ** 2 - 3))

    # Floating-point rounding can put the formula's n one off either way; settle it against
    # margin_of_error itself so the promise holds exactly.
    def achieves(answers: int) -> bool:
        return margin_of_error(answers, confidence, promoter_share, detractor_share) <= margin

    while not achieves(n):
        n += 1
    while n > 1 and achieves(n - 1):
        n -= 1
    return n


def _checked_share(share: float, name: str) -> float:
    if isinstance(share, bool) or not isinstance(share, numbers.Real):
        raise TypeError(f"{name} must be a fraction between 0 and 1, got {share!r}")
    if not 0 <= share <= 1:
        raise ValueError(f"{name} is {share!r}; give a fraction between 0 and 1 (45% is 0.45)")
    return float(share)
