"""A relationship schedule asks its segment every N months, spread evenly over the period."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

from django.utils import timezone

from opennps.distribution.models import Campaign, Delivery, RelationshipRun
from opennps.distribution.relationship import add_months, create_schedule, pause_schedule
from opennps.work.registry import QUEUES
from opennps.work.runner import run_one_pass
from tests.distribution.conftest import run_worker


def run_schedules() -> int:
    return run_one_pass([QUEUES["relationship_surveys"]])


def test_each_contact_of_the_segment_gets_a_due_date_spread_across_the_period(
    smtp_server, survey, make_contacts
):
    make_contacts(6, attributes={"plan": "pro"})
    make_contacts(2, prefix="free", attributes={"plan": "free"})
    start = timezone.now()
    schedule = create_schedule(
        survey, every_months=3, segment={"attributes": {"plan": "pro"}}, start_at=start
    )
    assert run_schedules() == 1
    campaign = Campaign.objects.get()
    assert campaign.contacts_count == 6
    due = sorted(Delivery.objects.values_list("next_attempt_at", flat=True))
    period_end = add_months(start, 3)
    gaps = {round((later - earlier).total_seconds()) for earlier, later in pairwise(due)}
    assert len(gaps) == 1  # evenly spaced
    assert abs(gaps.pop() - (period_end - start).total_seconds() / 6) <= 1
    assert due[0] <= timezone.now() and due[-1] < period_end

    run_worker()
    assert len(smtp_server.inbox.wait_for(1)) == 1  # only the first is due today

    next_run = RelationshipRun.objects.get(schedule=schedule, status="pending")
    assert next_run.period_start == period_end
    assert next_run.next_attempt_at == period_end


def test_the_next_period_queues_a_new_campaign_when_it_starts(survey, make_contacts):
    make_contacts(2)
    schedule = create_schedule(survey, every_months=1)
    run_schedules()
    RelationshipRun.objects.filter(schedule=schedule, status="pending").update(
        next_attempt_at=timezone.now()
    )
    assert run_schedules() == 1
    assert Campaign.objects.count() == 2
    assert RelationshipRun.objects.filter(schedule=schedule).count() == 3


def test_a_paused_schedule_plans_nothing_more(survey, make_contacts):
    make_contacts(2)
    schedule = create_schedule(survey, every_months=6)
    pause_schedule(schedule)
    assert run_schedules() == 0
    assert Campaign.objects.count() == 0


def test_adding_months_keeps_the_day_or_takes_the_months_last_day():
    assert add_months(datetime(2026, 1, 31, 9, tzinfo=UTC), 1) == datetime(
        2026, 2, 28, 9, tzinfo=UTC
    )
    assert add_months(datetime(2026, 11, 15, tzinfo=UTC), 3) == datetime(2027, 2, 15, tzinfo=UTC)
    assert add_months(datetime(2026, 5, 1, tzinfo=UTC), 12) - datetime(
        2026, 5, 1, tzinfo=UTC
    ) == timedelta(days=365)
