"""The server decides who sees the widget, with the same ledger that throttles e-mail."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from opennps.contacts.models import Contact
from opennps.distribution.models import Invitation, create_invitation
from opennps.surveys.models import Survey
from tests.channels_web.helpers import call


def eligibility(client, survey, **body):
    response = call(client, survey, "eligibility", body)
    assert response.status_code == 200
    return response.json()


def test_a_known_user_is_shown_the_widget_once_per_throttling_period(client, survey, widget):
    first = eligibility(client, survey, userId="user-7")
    second = eligibility(client, survey, userId="user-7")
    assert first["show"] is True and first["ticket"]
    assert second == {
        "show": False,
        "reason": "throttled",
        "ticket": "",
        "askAgainAt": second["askAgainAt"],
    }
    assert second["askAgainAt"] is not None
    assert Invitation.objects.filter(channel="widget").count() == 1


def test_a_user_asked_by_email_last_week_is_not_shown_the_widget(client, survey, widget, team):
    contact = Contact.objects.create(workspace=team.workspace, external_id="user-8")
    other = Survey.objects.create(workspace=team.workspace, name="Other", brand="Shop")
    invitation, _token = create_invitation(other, contact, "email")
    Invitation.objects.filter(pk=invitation.pk).update(
        asked_at=timezone.now() - timedelta(days=7), status="sent"
    )
    assert eligibility(client, survey, userId="user-8")["show"] is False


def test_a_user_asked_long_ago_is_shown_the_widget_again(client, survey, widget, team):
    contact = Contact.objects.create(workspace=team.workspace, external_id="user-9")
    invitation, _token = create_invitation(survey, contact, "widget")
    Invitation.objects.filter(pk=invitation.pk).update(
        asked_at=timezone.now() - timedelta(days=120), status="opened"
    )
    assert eligibility(client, survey, userId="user-9")["show"] is True


def test_a_do_not_contact_user_is_never_shown_the_widget(client, survey, widget, team):
    Contact.objects.create(workspace=team.workspace, external_id="user-10", do_not_contact=True)
    decision = eligibility(client, survey, userId="user-10")
    assert (decision["show"], decision["reason"]) == (False, "do_not_contact")


def test_an_anonymous_browser_that_answered_is_not_shown_the_widget_again(client, survey, widget):
    browser = "c" * 24
    assert eligibility(client, survey, browserId=browser)["show"] is True
    call(client, survey, "answer", {"score": 6, "browserId": browser})
    assert eligibility(client, survey, browserId=browser)["show"] is False


def test_a_paused_survey_is_not_shown(client, survey, widget):
    Survey.objects.filter(pk=survey.pk).update(status="paused")
    assert eligibility(client, survey, userId="user-11")["reason"] == "inactive"
