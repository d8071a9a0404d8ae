"""A triggered invitation meets the throttling ledger when due: deferred or dropped, and recorded."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from opennps.accounts.models import hash_secret
from opennps.distribution.models import (
    Delivery,
    DistributionSettings,
    Event,
    Invitation,
    TriggerRule,
)
from opennps.distribution.triggers import record_event
from opennps.distribution.views_automation import recent_events
from opennps.work.models import WorkStatus
from tests.distribution.conftest import run_worker


@pytest.fixture
def asked_yesterday(workspace, make_survey, make_contacts):
    """A contact who answered another survey's invitation yesterday (the ledger's 90 days)."""
    [contact] = make_contacts(1)
    Invitation.objects.create(
        workspace=workspace,
        survey=make_survey(name="Other"),
        contact=contact,
        channel="email",
        token_hash=hash_secret("earlier"),
        status="sent",
        asked_at=timezone.now() - timedelta(days=1),
    )
    return contact


def trigger(workspace, survey, contact, **rule_fields):
    TriggerRule.objects.create(
        workspace=workspace,
        survey=survey,
        event_name="ticket.closed",
        channels=["email"],
        **rule_fields,
    )
    event, _replayed = record_event(workspace, contact, "ticket.closed", {"ticket": 7})
    return event, Invitation.objects.get(pk=event.outcomes[0]["invitation"])


def test_a_throttled_triggered_invitation_is_deferred_and_marked(
    smtp_server, workspace, survey, asked_yesterday
):
    event, invitation = trigger(workspace, survey, asked_yesterday)
    run_worker()
    assert smtp_server.inbox.messages == []
    invitation.refresh_from_db()
    assert invitation.status == "throttled"
    delivery = Delivery.objects.get(invitation=invitation)
    assert delivery.status == WorkStatus.PENDING
    assert delivery.next_attempt_at > timezone.now() + timedelta(days=88)
    # The event keeps the link, so the page can say why nothing was sent yet.
    [row] = recent_events(survey)
    assert row["event"] == event
    assert row["outcomes"][0]["invitation"].status == "throttled"


def test_a_throttled_triggered_invitation_is_dropped_when_the_workspace_says_so(
    smtp_server, workspace, survey, asked_yesterday
):
    DistributionSettings.objects.filter(workspace=workspace).update(throttle_action="drop")
    _event, invitation = trigger(workspace, survey, asked_yesterday)
    run_worker()
    invitation.refresh_from_db()
    assert invitation.status == "throttled"
    assert invitation.token_seed == ""
    assert Delivery.objects.get(invitation=invitation).status == WorkStatus.DONE
    assert smtp_server.inbox.messages == []
    assert Event.objects.get().outcomes[0]["outcome"] == "scheduled"


def test_an_invitation_still_unsent_at_its_expiry_expires(
    smtp_server, workspace, survey, make_contacts
):
    [contact] = make_contacts(1)
    _event, invitation = trigger(workspace, survey, contact, delay_days=30, expires_after_days=3)
    assert invitation.expires_at is not None
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    Delivery.objects.filter(invitation=invitation).update(next_attempt_at=timezone.now())
    run_worker()
    invitation.refresh_from_db()
    assert invitation.status == "expired"
    assert smtp_server.inbox.messages == []
