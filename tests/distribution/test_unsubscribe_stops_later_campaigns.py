"""Unsubscribing: the link confirms first, a POST (or RFC 8058 one-click) records it."""

from __future__ import annotations

from opennps.contacts.models import Contact
from opennps.distribution.campaigns import queue_campaign
from opennps.distribution.models import Invitation
from opennps.distribution.tokens import unsubscribe_token
from tests.distribution.conftest import run_worker


def _unsubscribe_path(message) -> str:
    header = message["List-Unsubscribe"].strip()
    return header.strip("<>").removeprefix("https://nps.example")


def test_opening_the_link_asks_for_confirmation_and_changes_nothing(
    client, smtp_server, survey, make_contacts
):
    make_contacts(1)
    queue_campaign(survey, "email")
    run_worker()
    (message,) = smtp_server.inbox.wait_for(1)
    page = client.get(_unsubscribe_path(message))
    assert page.status_code == 200
    assert "<form" in page.content.decode()
    assert not Contact.objects.get().is_unsubscribed("email")


def test_the_one_click_post_unsubscribes_and_the_next_campaign_skips_the_contact(
    client, smtp_server, survey, make_contacts
):
    make_contacts(2)
    queue_campaign(survey, "email")
    run_worker()
    first, _ = smtp_server.inbox.wait_for(2)
    page = client.post(
        _unsubscribe_path(first),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert page.status_code == 200
    gone = Contact.objects.get(email=first["To"])
    assert gone.is_unsubscribed("email")

    survey.workspace.distribution_settings.days_between_any_survey = 0
    survey.workspace.distribution_settings.days_between_same_survey = 0
    survey.workspace.distribution_settings.save()
    second = queue_campaign(survey, "email")
    run_worker()
    assert not Invitation.objects.filter(campaign=second, contact=gone).exists()
    assert Invitation.objects.filter(campaign=second).count() == 1
    later = smtp_server.inbox.wait_for(3)
    assert [m["To"] for m in later[2:]] == [c.email for c in Contact.objects.exclude(pk=gone.pk)]


def test_an_unsubscribe_after_queueing_stops_the_unsent_message(
    client, smtp_server, survey, make_contacts
):
    (contact,) = make_contacts(1)
    queue_campaign(survey, "email")
    client.post(f"/u/{unsubscribe_token(contact.pk)}")
    run_worker()
    assert smtp_server.inbox.messages == []
    assert Invitation.objects.get().status == "cancelled"


def test_a_forged_token_is_not_found(client, make_contacts):
    (contact,) = make_contacts(1)
    page = client.post(f"/u/{contact.pk}:forged")
    assert page.status_code == 404
    assert not Contact.objects.get().is_unsubscribed("email")
