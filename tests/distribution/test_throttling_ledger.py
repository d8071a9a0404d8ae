"""One ledger: no contact is asked more often than the workspace allows; throttled is never lost."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from opennps.distribution.campaigns import queue_campaign
from opennps.distribution.models import Delivery, DistributionSettings, Invitation
from opennps.work.models import WorkStatus
from tests.distribution.conftest import run_worker


def _rules(workspace, **fields) -> None:
    DistributionSettings.objects.filter(workspace=workspace).update(**fields)


def test_a_contact_asked_by_another_survey_is_throttled_and_deferred(
    smtp_server, workspace, make_survey, make_contacts
):
    make_contacts(1)
    first_survey, second_survey = make_survey(name="Delivery"), make_survey(name="Support")
    queue_campaign(first_survey, "email")
    run_worker()
    second = queue_campaign(second_survey, "email")
    run_worker()
    assert len(smtp_server.inbox.wait_for(1, seconds=1)) == 1
    throttled = Invitation.objects.get(campaign=second)
    assert throttled.status == "throttled"
    delivery = Delivery.objects.get(invitation=throttled)
    assert delivery.status == WorkStatus.PENDING
    expected = timezone.now() + timedelta(days=90)
    assert abs(delivery.next_attempt_at - expected) < timedelta(minutes=5)
    assert delivery.attempts == 0  # a deferral is not a failed attempt


def test_with_drop_a_throttled_invitation_is_kept_as_throttled_and_never_sent(
    smtp_server, workspace, make_survey, make_contacts
):
    _rules(workspace, throttle_action="drop")
    make_contacts(1)
    queue_campaign(make_survey(name="A"), "email")
    run_worker()
    second = queue_campaign(make_survey(name="B"), "email")
    run_worker()
    assert len(smtp_server.inbox.messages) == 1
    throttled = Invitation.objects.get(campaign=second)
    assert throttled.status == "throttled"
    assert throttled.token_seed == ""
    assert Delivery.objects.get(invitation=throttled).status == WorkStatus.DONE


def test_the_per_survey_window_blocks_the_same_survey_but_not_another(
    smtp_server, workspace, make_survey, make_contacts
):
    _rules(workspace, days_between_any_survey=0, days_between_same_survey=30)
    make_contacts(1)
    survey, other = make_survey(name="A"), make_survey(name="B")
    queue_campaign(survey, "email")
    run_worker()
    again = queue_campaign(survey, "email")
    elsewhere = queue_campaign(other, "email")
    run_worker()
    assert Invitation.objects.get(campaign=again).status == "throttled"
    assert Invitation.objects.get(campaign=elsewhere).status == "sent"
    assert len(smtp_server.inbox.wait_for(2)) == 2


def test_a_contact_asked_long_ago_may_be_asked_again(smtp_server, workspace, survey, make_contacts):
    make_contacts(1)
    queue_campaign(survey, "email")
    run_worker()
    Invitation.objects.update(asked_at=timezone.now() - timedelta(days=91))
    queue_campaign(survey, "email")
    run_worker()
    assert len(smtp_server.inbox.wait_for(2)) == 2


def test_the_daily_cap_defers_the_rest_to_the_next_day(
    smtp_server, workspace, survey, make_contacts
):
    _rules(workspace, daily_cap=2, time_zone="Asia/Almaty")
    make_contacts(3)
    queue_campaign(survey, "email")
    run_worker()
    assert len(smtp_server.inbox.wait_for(2)) == 2
    waiting = Delivery.objects.get(kind="invitation", status=WorkStatus.PENDING)
    assert waiting.next_attempt_at > timezone.now()
    assert waiting.invitation.status == "queued"
    local = waiting.next_attempt_at.astimezone(__import__("zoneinfo").ZoneInfo("Asia/Almaty"))
    assert (local.hour, local.minute) == (0, 0)
