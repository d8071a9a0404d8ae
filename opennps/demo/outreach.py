"""How the demo's invitations were sent: campaigns of a relationship schedule, and a trigger rule.

The generator dates every invitation; this module gives each e-mail invitation the cause the
product would have recorded, with the distribution app's own models and functions:

- Relationship NPS runs on a relationship schedule (every three months by e-mail, created with
  opennps.distribution.relationship.create_schedule). Each period's run queued one campaign spread
  over the period; the e-mail invitations of the generator's wave k are the campaign of period k,
  so a campaign's progress (campaigns.progress) counts exactly its invitations and responses.
  The schedule is paused (pause_schedule), which leaves no run pending: the worker of a running
  demo queues and sends nothing. Adding a schedule on the page starts a new one.
- After your purchase asks through a trigger rule on `purchase.completed` events; every e-mail
  invitation of that survey is stored with the event that scheduled it, as triggers.apply_rule
  records it, so the automation page lists recent events and their invitations.
- SMS invitations belong to neither: the demo has no phone numbers and no SMS provider, because
  made-up numbers could reach real people if someone configured a provider.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Count, F, Max

from opennps.accounts.models import User
from opennps.demo.answers import Row
from opennps.demo.company import PURCHASE
from opennps.demo.generator import WAVE_MONTHS
from opennps.demo.timestamps import explicit_timestamps
from opennps.distribution.models import (
    Campaign,
    CampaignStatus,
    Channel,
    Event,
    Invitation,
    RelationshipRun,
    RelationshipSchedule,
    TriggerRule,
)
from opennps.distribution.models_automation import EventOutcome
from opennps.distribution.relationship import create_schedule, pause_schedule
from opennps.distribution.triggers import parse_conditions
from opennps.surveys.models import Survey
from opennps.work.models import WorkStatus

PURCHASE_EVENT = "purchase.completed"
# The purchase's touchpoints whose customers get the e-mail (support calls are asked by phone).
PURCHASE_CONDITIONS = "touchpoint in shop|app|delivery"
TRIGGER_DELAY = timedelta(hours=2)
TRIGGER_EXPIRES_AFTER_DAYS = 14
EVENT_BATCH = 1000


def plan_relationship_campaigns(
    survey: Survey, owner: User, waves: list[datetime], set_up_at: datetime
) -> dict[int, int]:
    """The schedule, one finished run per wave and its campaign; campaign ids by wave.

    Counts and end times come later (finish_campaigns), once the invitations are stored.
    """
    schedule = create_schedule(
        survey, every_months=WAVE_MONTHS, channel=Channel.EMAIL, start_at=waves[0], created_by=owner
    )
    campaigns: dict[int, int] = {}
    for wave, period_start in enumerate(waves):
        campaign = Campaign.objects.create(
            workspace=survey.workspace,
            survey=survey,
            channel=Channel.EMAIL,
            segment=schedule.segment,
            status=CampaignStatus.DONE,
            scheduled_at=period_start,
            created_by=owner,
        )
        RelationshipRun.objects.update_or_create(
            schedule=schedule,
            period_start=period_start,
            defaults={
                "campaign": campaign,
                "status": WorkStatus.DONE,
                "attempts": 1,
                "next_attempt_at": period_start,
                "finished_at": period_start,
            },
        )
        Campaign.objects.filter(pk=campaign.pk).update(created_at=period_start)
        campaigns[wave] = campaign.pk
    pause_schedule(schedule)
    RelationshipSchedule.objects.filter(pk=schedule.pk).update(created_at=set_up_at)
    return campaigns


def finish_campaigns(campaign_ids: list[int]) -> None:
    """Each campaign's contact count is its invitations; it finished with its last message."""
    totals = (
        Invitation.objects.filter(campaign_id__in=campaign_ids)
        .values("campaign_id")
        .annotate(count=Count("pk"), last=Max("created_at"))
        .order_by()
    )
    for row in totals:
        Campaign.objects.filter(pk=row["campaign_id"]).update(
            contacts_count=row["count"], finished_at=row["last"]
        )


def record_purchase_triggers(
    survey: Survey,
    owner: User,
    set_up_at: datetime,
    rows: list[Row],
    invitation_ids: dict[int, int],
    contact_ids: dict[str, int],
) -> TriggerRule:
    """The survey's trigger rule and the event behind each of its e-mail invitations (`rows` are
    the generator's invitation rows, stored under `invitation_ids`)."""
    rule = TriggerRule.objects.create(
        workspace=survey.workspace,
        survey=survey,
        event_name=PURCHASE_EVENT,
        conditions=parse_conditions(PURCHASE_CONDITIONS),
        delay_hours=int(TRIGGER_DELAY / timedelta(hours=1)),
        channels=[Channel.EMAIL],
        expires_after_days=TRIGGER_EXPIRES_AFTER_DAYS,
        created_by=owner,
    )
    TriggerRule.objects.filter(pk=rule.pk).update(created_at=set_up_at)
    # The generator dates an invitation when its message was due, the rule's delay after the
    # purchase.
    events = [
        Event(
            workspace_id=survey.workspace_id,
            contact_id=contact_ids[row["contact"]],
            name=PURCHASE_EVENT,
            properties={
                "touchpoint": row["touchpoint"],
                "order_id": f"AUR-{row['key']:07d}",
            },
            occurred_at=row["created_at"] - TRIGGER_DELAY,
            received_at=row["created_at"] - TRIGGER_DELAY,
            outcomes=[
                {
                    "rule": rule.pk,
                    "survey": survey.pk,
                    "outcome": EventOutcome.SCHEDULED.value,
                    "invitation": invitation_ids[row["key"]],
                    "channel": Channel.EMAIL.value,
                    "due_at": row["created_at"].isoformat(),
                }
            ],
        )
        for row in rows
        if row["survey"] == PURCHASE.key and row["channel"] == Channel.EMAIL
    ]
    with explicit_timestamps(Event):
        Event.objects.bulk_create(events, batch_size=EVENT_BATCH)
    # As apply_rule sets it: an invitation not sent within the fortnight after it was due expires.
    Invitation.objects.filter(survey=survey, channel=Channel.EMAIL, campaign=None).update(
        expires_at=F("created_at") + timedelta(days=TRIGGER_EXPIRES_AFTER_DAYS)
    )
    return rule
