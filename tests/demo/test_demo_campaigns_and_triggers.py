"""The demo's invitations have the causes the product records: relationship e-mails are the
campaigns of a (paused) quarterly schedule, post-purchase e-mails were scheduled by trigger events,
and every invitation carries the times its sender would have written."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from opennps.demo.company import PURCHASE, RELATIONSHIP
from opennps.demo.generator import REMINDER_AFTER, WAVE_MONTHS, relationship_waves
from opennps.demo.outreach import PURCHASE_EVENT, TRIGGER_DELAY
from opennps.distribution.campaigns import progress
from opennps.distribution.models import (
    Campaign,
    Event,
    Invitation,
    RelationshipRun,
    RelationshipSchedule,
    TriggerRule,
)
from opennps.distribution.relationship import add_months
from opennps.distribution.triggers import conditions_met
from opennps.distribution.views_campaigns import summary
from opennps.responses.models import Response

from .helpers import NOW

pytestmark = pytest.mark.django_db

# An invitation is moved into its region's waking hours, so it may go out a little after its
# period ended.
DAYTIME_SHIFT = timedelta(days=1)


def test_relationship_e_mails_are_one_finished_campaign_per_quarter(demo):
    campaigns = list(Campaign.objects.filter(survey__name=RELATIONSHIP.name).order_by("pk"))
    waves = relationship_waves(NOW)
    assert [campaign.scheduled_at for campaign in campaigns] == waves
    assert len(campaigns) >= 6
    emails = Invitation.objects.filter(survey__name=RELATIONSHIP.name, channel="email")
    assert not emails.filter(campaign=None).exists()
    assert not Campaign.objects.exclude(survey__name=RELATIONSHIP.name).exists()
    for campaign, period_start in zip(campaigns, waves, strict=True):
        invitations = Invitation.objects.filter(campaign=campaign)
        period_end = add_months(period_start, WAVE_MONTHS)
        assert campaign.status == "done"
        assert campaign.channel == "email"
        assert campaign.created_at == period_start
        assert not invitations.filter(created_at__lt=period_start).exists()
        assert not invitations.filter(created_at__gte=period_end + DAYTIME_SHIFT).exists()
        assert campaign.finished_at == max(invitations.values_list("created_at", flat=True))


def test_a_campaigns_progress_and_response_rate_are_its_invitations_and_responses(demo):
    for campaign in Campaign.objects.all():
        invitations = Invitation.objects.filter(campaign=campaign)
        counts = progress(campaign)
        answered = Response.objects.filter(invitation__campaign=campaign).count()

        assert counts["total"] == campaign.contacts_count == invitations.count() > 0
        assert counts["pending"] == 0
        assert sum(counts[status] for status in ("sent", "opened", "responded", "bounced")) == (
            invitations.count()
        )
        assert counts["responded"] == answered == invitations.filter(responded=True).count()
        assert counts["bounced"] > 0 and counts["opened"] > 0
        reached = invitations.exclude(status="bounced").count()
        assert summary(campaign)["rate"] == round(100 * answered / reached, 1)
        assert 30 < summary(campaign)["rate"] < 55


def test_the_schedule_behind_the_campaigns_is_paused_with_every_run_done(demo):
    schedule = RelationshipSchedule.objects.get()
    runs = list(RelationshipRun.objects.filter(schedule=schedule).order_by("period_start"))

    assert schedule.survey.name == RELATIONSHIP.name
    assert (schedule.every_months, schedule.channel, schedule.active) == (
        WAVE_MONTHS,
        "email",
        False,
    )
    assert [run.status for run in runs] == ["done"] * len(runs)
    assert [run.campaign.scheduled_at for run in runs] == [run.period_start for run in runs]
    for run, following in itertools.pairwise(runs):
        assert following.period_start == add_months(run.period_start, schedule.every_months)


def test_invitations_carry_the_times_their_sender_records(demo):
    invitations = Invitation.objects.all()
    assert set(invitations.values_list("status", flat=True)) == {
        "sent",
        "opened",
        "responded",
        "bounced",
        "failed",
    }
    never_sent = invitations.filter(status__in=["bounced", "failed"])
    assert not never_sent.exclude(sent_at=None).exists()
    for invitation in invitations.exclude(status__in=["bounced", "failed"]):
        assert invitation.sent_at == invitation.created_at
        if invitation.opened_at:
            assert invitation.sent_at <= invitation.opened_at <= NOW
        if invitation.reminded_at:
            assert invitation.channel == "email" and not invitation.responded
            assert invitation.reminded_at == invitation.sent_at + REMINDER_AFTER <= NOW
    unanswered_emails = invitations.filter(channel="email", status__in=["sent", "opened"])
    assert not unanswered_emails.filter(sent_at__lt=NOW - REMINDER_AFTER, reminded_at=None).exists()
    assert not invitations.exclude(token_seed="").exists()  # no link is left to send


def test_each_post_purchase_email_was_scheduled_by_a_purchase_event(demo):
    rule = TriggerRule.objects.get()
    emails = {
        invitation.pk: invitation
        for invitation in Invitation.objects.filter(survey__name=PURCHASE.name, channel="email")
    }
    events = list(Event.objects.filter(name=PURCHASE_EVENT))

    assert (rule.survey.name, rule.event_name, rule.channels, rule.active) == (
        PURCHASE.name,
        PURCHASE_EVENT,
        ["email"],
        True,
    )
    assert sorted(event.outcomes[0]["invitation"] for event in events) == sorted(emails)
    for event in events:
        [outcome] = event.outcomes
        invitation = emails[outcome["invitation"]]
        assert outcome["outcome"] == "scheduled" and outcome["rule"] == rule.pk
        assert conditions_met(rule.conditions, event.properties)
        assert event.contact_id == invitation.contact_id
        assert event.received_at == event.occurred_at == invitation.created_at - TRIGGER_DELAY
        assert invitation.expires_at == invitation.created_at + timedelta(
            days=rule.expires_after_days
        )
