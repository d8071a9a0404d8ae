"""Relationship surveys: ask a segment every N months, spread evenly over each period.

Each period is a RelationshipRun row in the worker's queue, due when the period starts. Running
it queues a campaign (campaigns.queue_campaign, the same path as a campaign sent by hand) whose
messages are due at evenly spaced times across the period — contact i of n at start + i/n of
the period — and plans the next period's run. Both happen in one transaction, so a retried run
neither skips a period nor queues it twice (one run per schedule and period start).
"""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from opennps.distribution.campaigns import CampaignError, queue_campaign
from opennps.distribution.models import RelationshipRun, RelationshipSchedule
from opennps.surveys.models import Survey
from opennps.work.registry import PermanentFailure

ZERO = timedelta(0)


def add_months(moment: datetime, months: int) -> datetime:
    """The same day and time `months` later; the 31st becomes the month's last day."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


@transaction.atomic
def create_schedule(
    survey: Survey,
    *,
    every_months: int,
    segment: dict[str, Any] | None = None,
    channel: str = "email",
    start_at: datetime | None = None,
    created_by: Any = None,
) -> RelationshipSchedule:
    """A schedule and its first period's run, due at `start_at` (default now)."""
    if every_months < 1:
        raise ValueError("every_months must be at least 1")
    schedule = RelationshipSchedule.objects.create(
        workspace=survey.workspace,
        survey=survey,
        channel=channel,
        segment=segment or {},
        every_months=every_months,
        created_by=created_by,
    )
    start = start_at or timezone.now()
    RelationshipRun.objects.create(schedule=schedule, period_start=start, next_attempt_at=start)
    return schedule


def run_period(run: RelationshipRun) -> None:
    """The worker's handler: queue this period's spread campaign and plan the next period."""
    schedule = RelationshipSchedule.objects.select_related("survey").get(pk=run.schedule_id)
    if not schedule.active:
        return  # a paused schedule plans nothing further; resuming creates a new run
    period_end = add_months(run.period_start, schedule.every_months)
    with transaction.atomic():
        if run.campaign_id is None:
            try:
                campaign = queue_campaign(
                    schedule.survey,
                    schedule.channel,
                    schedule.segment,
                    created_by=schedule.created_by,
                    scheduled_at=max(run.period_start, timezone.now()),
                    # A run started late (the worker was down) spreads over what is left.
                    spread_over=max(period_end - max(run.period_start, timezone.now()), ZERO),
                )
            except CampaignError as error:
                raise PermanentFailure(str(error)) from error
            RelationshipRun.objects.filter(pk=run.pk).update(campaign=campaign)
        RelationshipRun.objects.get_or_create(
            schedule=schedule,
            period_start=period_end,
            defaults={"next_attempt_at": period_end},
        )


def pause_schedule(schedule: RelationshipSchedule) -> None:
    """Stop planning periods; runs not yet started are dropped (queued campaigns keep going)."""
    RelationshipSchedule.objects.filter(pk=schedule.pk).update(active=False)
    schedule.active = False
    RelationshipRun.objects.filter(schedule=schedule, campaign__isnull=True).delete()
