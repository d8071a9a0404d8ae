"""`/r/<token>`: the invitation's own link, one response per invitation, revisable from any device."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from opennps.distribution.models import Invitation
from opennps.responses.models import Response
from tests.responses.helpers import html_of


def test_opening_the_link_shows_the_question_and_marks_the_invitation_opened(
    client, survey, invite
):
    token = invite(survey)
    page = client.get(f"/r/{token}")
    assert page.status_code == 200
    assert 'name="score"' in html_of(page)
    invitation = Invitation.objects.get()
    assert invitation.opened_at is not None
    assert invitation.status == "opened"


def test_opening_again_keeps_the_first_opening_time(client, survey, invite):
    token = invite(survey)
    client.get(f"/r/{token}")
    first = Invitation.objects.get().opened_at
    client.get(f"/r/{token}")
    assert Invitation.objects.get().opened_at == first


def test_the_score_is_tied_to_the_contact_and_the_invitation(client, survey, invite):
    token = invite(survey)
    page = client.post(f"/r/{token}", {"score": "4"})
    assert page.status_code == 303
    assert page.headers["Location"] == f"/r/{token}/more"
    response = Response.objects.get()
    invitation = Invitation.objects.get()
    assert (response.contact, response.invitation, response.channel) == (
        invitation.contact,
        invitation,
        "email",
    )
    assert invitation.responded and invitation.status == "responded"


def test_a_second_device_with_the_same_token_updates_the_same_response(survey, invite):
    token = invite(survey)
    Client().post(f"/r/{token}", {"score": "4"})
    phone = Client()
    assert phone.post(f"/r/{token}", {"score": "9"}).status_code == 303
    assert phone.post(f"/r/{token}/more", {"comment": "From my phone"}).status_code == 303
    response = Response.objects.get()
    assert (response.score, response.comment) == (9, "From my phone")


def test_after_24_hours_the_link_says_it_was_answered(client, survey, invite):
    token = invite(survey)
    client.post(f"/r/{token}", {"score": "4"})
    Response.objects.update(created_at=timezone.now() - timedelta(hours=25))
    assert "You have already answered" in html_of(client.get(f"/r/{token}"))
    refused = client.post(f"/r/{token}", {"score": "9"})
    assert refused.status_code == 409
    assert Response.objects.get().score == 4


def test_an_unknown_token_gets_a_friendly_404(client, survey):
    page = client.get("/r/not-a-real-token-at-all")
    assert page.status_code == 404
    assert "We could not find this survey" in html_of(page)


def test_an_expired_invitation_says_so(client, survey, invite):
    token = invite(survey)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(days=1))
    page = client.get(f"/r/{token}")
    assert page.status_code == 410
    assert "This link has expired" in html_of(page)
    assert client.post(f"/r/{token}", {"score": "9"}).status_code == 410
    assert not Response.objects.exists()


def test_the_thank_you_page_follows_the_invitation(client, survey, invite):
    token = invite(survey)
    client.post(f"/r/{token}", {"score": "10"})
    assert "Thank you! We are glad you are with us." in html_of(client.get(f"/r/{token}/thanks"))
