"""The response-rate funnel per channel counts invitations: sent → opened → answered."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from opennps.contacts.models import Contact
from opennps.distribution.models import Invitation, create_invitation
from tests.analytics.dashboard_helpers import dashboard_url, make_survey, make_team

pytestmark = pytest.mark.django_db


def invite(survey, contact, channel, status, opened=False, responded=False, days_ago=3):
    invitation, _token = create_invitation(survey, contact, channel)
    Invitation.objects.filter(pk=invitation.pk).update(
        status=status,
        opened_at=timezone.now() if opened else None,
        responded=responded,
        created_at=timezone.now() - timedelta(days=days_ago),
    )


def test_the_funnel_counts_each_step_per_channel(client):
    team = make_team()
    survey = make_survey(team.workspace)
    contact = Contact.objects.create(workspace=team.workspace, email="c@example.com")
    for status in ("queued", "failed", "throttled", "cancelled", "expired"):  # never left
        invite(survey, contact, "email", status)
    for _ in range(4):
        invite(survey, contact, "email", "delivered")
    invite(survey, contact, "email", "bounced")
    invite(survey, contact, "email", "opened", opened=True)
    invite(survey, contact, "email", "opened", opened=True)
    invite(survey, contact, "email", "responded", opened=True, responded=True)
    # An SMS link records no opening: the answer implies it.
    invite(survey, contact, "sms", "responded", responded=True)
    invite(survey, contact, "sms", "delivered")
    invite(survey, contact, "sms", "delivered", days_ago=400)  # outside the range shown
    other = make_survey(team.other_workspace)
    invite(other, Contact.objects.create(workspace=team.other_workspace), "email", "delivered")

    rows = (
        team.client_for(team.alice)
        .get(
            dashboard_url(
                team,
            )
        )
        .context["dashboard"]
        .funnel
    )
    by_channel = {row.channel: row for row in rows}
    email, sms = by_channel["email"], by_channel["sms"]
    assert (email.invitations, email.sent, email.opened, email.answered) == (13, 8, 3, 1)
    assert (sms.invitations, sms.sent, sms.opened, sms.answered) == (2, 2, 1, 1)
    assert email.answered_rate == pytest.approx(100 / 8)
    only_sms = team.client_for(team.alice).get(dashboard_url(team, "channel=sms"))
    assert [row.channel for row in only_sms.context["dashboard"].funnel] == ["sms"]
