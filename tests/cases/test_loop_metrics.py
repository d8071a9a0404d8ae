"""The Loop page: closed-loop rate with its interval, time to first contact, outcomes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from opennps.cases.metrics import loop_metrics, wilson_rate
from opennps.cases.models import Case


def test_wilson_interval_matches_the_textbook_values():
    rate = wilson_rate(5, 10)
    assert rate.share == 0.5
    assert rate.low == pytest.approx(0.2366, abs=1e-4)
    assert rate.high == pytest.approx(0.7634, abs=1e-4)
    none = wilson_rate(0, 10)
    assert none.low == 0.0 and none.high == pytest.approx(0.2775, abs=1e-4)
    assert wilson_rate(0, 0).share is None


def test_closed_loop_rate_counts_contact_within_the_sla(team, answer, make_contact):
    cases = [answer(2, contact=make_contact()).case for _ in range(4)]
    now = timezone.now()
    in_time, late, missed, _waiting = cases
    Case.objects.filter(pk=in_time.pk).update(
        first_contacted_at=in_time.opened_at + timedelta(hours=2)
    )
    Case.objects.filter(pk=late.pk).update(
        first_contacted_at=late.opened_at + timedelta(hours=60), status="resolved"
    )
    Case.objects.filter(pk=missed.pk).update(due_at=now - timedelta(hours=1))
    metrics = loop_metrics(team.workspace.pk)
    # waiting is still within its SLA and not contacted: not counted either way yet.
    assert (metrics.closed_loop.hits, metrics.closed_loop.n) == (1, 3)
    assert metrics.awaiting_first_contact == 1
    assert metrics.median_hours_to_contact == 31.0
    assert metrics.outcomes["resolved"] == 1 and metrics.outcomes["new"] == 3


def test_the_loop_page_shows_rates_with_their_n(team, answer, make_contact):
    answer(2, contact=make_contact())
    page = team.client_for(team.bob).get(f"/w/{team.workspace.pk}/cases/loop/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Closed-loop rate" in html and "No data yet (n = 0)." in html
    assert 'id="outcomes"' in html
    assert (
        team.client_for(team.charlie).get(f"/w/{team.workspace.pk}/cases/loop/").status_code == 404
    )


def test_the_non_respondents_list_shows_customers_who_did_not_answer(
    team, survey, make_contact, make_survey
):
    from opennps.distribution.models import Invitation, create_invitation

    quiet = make_contact(name="Quiet Quinn")
    invitation, _token = create_invitation(survey, quiet, "email")
    Invitation.objects.filter(pk=invitation.pk).update(status="sent", sent_at=timezone.now())
    staff = make_contact(name="Staff Sam")
    pulse = make_survey(name="Pulse", kind="employee")
    other, _token = create_invitation(pulse, staff, "email")
    Invitation.objects.filter(pk=other.pk).update(status="sent", sent_at=timezone.now())
    html = (
        team.client_for(team.dana)
        .get(f"/w/{team.workspace.pk}/cases/non-respondents/")
        .content.decode()
    )
    assert "Quiet Quinn" in html and "Staff Sam" not in html
    assert "another channel" in html
