"""Measuring the loop: closed-loop rate, time to first contact, outcomes, recovery, activation.

opennps.stats has intervals for NPS but none for a plain proportion, so rates here use the Wilson
score interval (good coverage at small n, never outside [0, 1], no zero width at 0 or n).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median

from django.db.models import Count, F, Q
from django.utils import timezone

from opennps.cases.models import Case, CaseStatus, PromoterClick
from opennps.responses.models import Response
from opennps.stats.intervals import z_for_confidence


@dataclass(frozen=True)
class Rate:
    """`hits` of `n` as a share, with its interval (shares 0..1; all None when n is 0)."""

    hits: int
    n: int
    share: float | None
    low: float | None
    high: float | None

    @property
    def percent(self) -> float | None:
        return None if self.share is None else round(100 * self.share, 1)

    @property
    def low_percent(self) -> float | None:
        return None if self.low is None else round(100 * self.low, 1)

    @property
    def high_percent(self) -> float | None:
        return None if self.high is None else round(100 * self.high, 1)

    @property
    def low_sample(self) -> bool:
        return self.n < 30


def wilson_rate(hits: int, n: int, confidence: float = 0.95) -> Rate:
    """The share hits/n with its Wilson score interval at `confidence`."""
    if n < 0 or hits < 0 or hits > n:
        raise ValueError(f"need 0 <= hits <= n, got hits={hits}, n={n}")
    if n == 0:
        return Rate(hits, n, None, None, None)
    z = z_for_confidence(confidence)
    share = hits / n
    denominator = 1 + z * z / n
    centre = (share + z * z / (2 * n)) / denominator
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / denominator
    # At 0 or n the bound is exactly 0 or 1; rounding would leave a tiny residue.
    low = 0.0 if hits == 0 else max(0.0, centre - half)
    high = 1.0 if hits == n else min(1.0, centre + half)
    return Rate(hits, n, share, low, high)


@dataclass(frozen=True)
class LoopMetrics:
    closed_loop: Rate
    awaiting_first_contact: int
    median_hours_to_contact: float | None
    contacted: int
    outcomes: dict[str, int]
    resurveys_sent: int
    recovery: Rate
    promoter_activation: Rate
    promoter_clicks: int
    since: datetime


def loop_metrics(workspace_id: int, days: int = 90, now: datetime | None = None) -> LoopMetrics:
    """The loop's figures for cases opened (and answers given) in the last `days` days.

    Closed-loop rate: detractor cases contacted by their due date, out of those whose outcome is
    known (contacted, or past due); cases still within their SLA and not yet contacted are
    counted apart as awaiting, so a fresh case does not drag the rate down.
    """
    now = now or timezone.now()
    since = now - timedelta(days=days)
    cases = Case.objects.filter(workspace_id=workspace_id, opened_at__gte=since)
    detractors = cases.filter(nps_class="detractor")
    decided = detractors.filter(Q(first_contacted_at__isnull=False) | Q(due_at__lte=now))
    in_time = decided.filter(first_contacted_at__lte=F("due_at")).count()
    awaiting = detractors.filter(first_contacted_at__isnull=True, due_at__gt=now).count()
    waits = [
        (contacted - opened).total_seconds() / 3600
        for opened, contacted in cases.filter(first_contacted_at__isnull=False).values_list(
            "opened_at", "first_contacted_at"
        )
    ]
    outcomes = dict(cases.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    answered = cases.filter(recovery_response__isnull=False)
    return LoopMetrics(
        closed_loop=wilson_rate(in_time, decided.count()),
        awaiting_first_contact=awaiting,
        median_hours_to_contact=round(median(waits), 1) if waits else None,
        contacted=len(waits),
        outcomes={status: outcomes.get(status, 0) for status in CaseStatus.values},
        resurveys_sent=cases.filter(resurvey_invitation__sent_at__isnull=False).count(),
        recovery=wilson_rate(answered.filter(recovered_at__isnull=False).count(), answered.count()),
        promoter_activation=_activation(workspace_id, since),
        promoter_clicks=PromoterClick.objects.filter(
            workspace_id=workspace_id, clicked_at__gte=since
        ).count(),
        since=since,
    )


def _activation(workspace_id: int, since: datetime) -> Rate:
    """Promoters (on surveys with a review/referral link) who clicked it, out of all of them."""
    promoters = Response.objects.filter(
        workspace_id=workspace_id, nps_class="promoter", created_at__gte=since
    ).exclude(survey__promoter_cta_url="")
    clicked = (
        PromoterClick.objects.filter(workspace_id=workspace_id, response__in=promoters)
        .values("response")
        .distinct()
        .count()
    )
    return wilson_rate(clicked, promoters.count())
