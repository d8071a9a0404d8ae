"""Driver impact: how much NPS each driver costs, from (score, drivers) pairs.

For each driver:

- ``mentions`` and ``share``: comments that carry it, and their share of all analysed comments;
- the NPS of the respondents who mention it, with its interval (``opennps.stats.summarize``);
- ``impact_to_passive``: NPS points gained over **all** respondents if the detractors who mention
  it had been passives instead; ``impact_to_promoter``: if they had been promoters. Moving D
  detractors out of N respondents raises NPS by 100·D/N (to passive) or 200·D/N (to promoter);
  the figures are computed by recounting, not by that shortcut, so they stay right if the
  definition of the classes ever changes.

Drivers are ranked by ``impact_to_passive`` (where acting pays most), then by mentions; "other"
comes last. Segments and trends are the same call on each group of respondents.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from opennps.stats import DEFAULT_METHOD, ClassCounts, Histogram, Summary, classify, summarize
from opennps.text.taxonomy import OTHER


@dataclass(frozen=True)
class DriverImpact:
    driver: str
    mentions: int
    share: float
    summary: Summary
    impact_to_passive: float
    impact_to_promoter: float

    def to_dict(self) -> dict[str, Any]:
        """``driver``, ``mentions``, ``share`` (0-1, 4 decimals), the summary keys of the
        respondents who mention it, and both impacts in NPS points (one decimal)."""
        return {
            "driver": self.driver,
            "mentions": self.mentions,
            "share": round(self.share, 4),
            **self.summary.to_dict(),
            "impact_to_passive": round(self.impact_to_passive, 1) + 0.0,
            "impact_to_promoter": round(self.impact_to_promoter, 1) + 0.0,
        }


def driver_impact(
    responses: Iterable[tuple[int | None, Sequence[str]]],
    *,
    confidence: float = 0.95,
    method: str = DEFAULT_METHOD,
) -> list[DriverImpact]:
    """Rank drivers from (score or None, drivers of the comment) for every respondent.

    Respondents without a comment take part with an empty driver list: they count in the NPS
    that impacts are measured against, not in the comment shares. Respondents without a score
    count in the shares only.
    """
    everyone = [0] * 11
    per_driver: dict[str, list[int]] = {}
    mentions: dict[str, int] = {}
    comments = 0
    for score, drivers in responses:
        keys = list(dict.fromkeys(drivers))
        if keys:
            comments += 1
        for key in keys:
            mentions[key] = mentions.get(key, 0) + 1
            per_driver.setdefault(key, [0] * 11)
        if score is None:
            continue
        classify(score)  # raises InvalidScoreError for anything that is not 0..10
        everyone[int(score)] += 1
        for key in keys:
            per_driver[key][int(score)] += 1
    base = Histogram(tuple(everyone)).class_counts()
    impacts = []
    for key, counts in per_driver.items():
        mentioners = Histogram(tuple(counts))
        detractors = mentioners.detractors
        impacts.append(
            DriverImpact(
                driver=key,
                mentions=mentions[key],
                share=mentions[key] / comments if comments else 0.0,
                summary=summarize(mentioners, confidence, method),
                impact_to_passive=_gain(base, detractors, to_promoter=False),
                impact_to_promoter=_gain(base, detractors, to_promoter=True),
            )
        )
    impacts.sort(key=lambda item: (item.driver == OTHER, -item.impact_to_passive, -item.mentions))
    return impacts


def _gain(base: ClassCounts, detractors: int, *, to_promoter: bool) -> float:
    if base.n == 0:
        return 0.0
    moved = ClassCounts(
        promoters=base.promoters + (detractors if to_promoter else 0),
        passives=base.passives + (0 if to_promoter else detractors),
        detractors=base.detractors - detractors,
    )
    assert moved.nps is not None and base.nps is not None
    return moved.nps - base.nps
