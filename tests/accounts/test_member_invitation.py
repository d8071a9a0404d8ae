"""Inviting someone to a workspace by e-mail."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from opennps.accounts.models import MemberInvitation, Membership, Role, hash_secret


def invite(client, team, email: str, role: str = "analyst"):
    return client.post(f"/w/{team.workspace.id}/members/invite/", {"email": email, "role": role})


def link_in(body: str) -> str:
    match = re.search(r"https?://\S+/accounts/invitations/(\S+)/", body)
    assert match, body
    return match.group(1)


def test_an_invitation_emails_a_link_whose_token_is_stored_only_hashed(team, mailoutbox, settings):
    settings.BASE_URL = "https://nps.example.com"
    response = invite(team.client_for(team.alice), team, "New.Person@Example.com", "viewer")
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["new.person@example.com"]
    assert "Shop" in mail.subject
    assert "as Viewer" in mail.body
    assert "https://nps.example.com/accounts/invitations/" in mail.body
    token = link_in(mail.body)
    invitation = MemberInvitation.objects.get()
    assert invitation.token_hash == hash_secret(token)
    assert token not in (invitation.token_hash, invitation.email)
    assert invitation.role == Role.VIEWER
    assert invitation.invited_by == team.alice
    lifetime = invitation.expires_at - timezone.now()
    assert timedelta(days=6, hours=23) < lifetime <= timedelta(days=7)


def test_pending_invitations_are_listed_and_can_be_cancelled(team, mailoutbox):
    client = team.client_for(team.alice)
    invite(client, team, "new@example.com")
    html = client.get(f"/w/{team.workspace.id}/members/").content.decode()
    assert "new@example.com" in html
    invitation = MemberInvitation.objects.get()
    client.post(f"/w/{team.workspace.id}/invitations/{invitation.id}/cancel/")
    assert not MemberInvitation.objects.exists()
    token = link_in(mailoutbox[0].body)
    assert team.client_for(None).get(f"/accounts/invitations/{token}/").status_code == 404


def test_inviting_again_replaces_the_earlier_link(team, mailoutbox):
    client = team.client_for(team.alice)
    invite(client, team, "new@example.com")
    invite(client, team, "new@example.com", "viewer")
    first, second = link_in(mailoutbox[0].body), link_in(mailoutbox[1].body)
    anonymous = team.client_for(None)
    assert anonymous.get(f"/accounts/invitations/{first}/").status_code == 404
    assert anonymous.get(f"/accounts/invitations/{second}/").status_code == 200
    assert MemberInvitation.objects.get().role == Role.VIEWER


def test_an_existing_member_is_not_invited_again(team, mailoutbox):
    response = invite(team.client_for(team.alice), team, "BOB@example.com")
    assert response.status_code == 400
    assert "bob@example.com is already a member of this workspace." in response.content.decode()
    assert mailoutbox == []


def test_only_an_owner_may_invite_an_owner(team, mailoutbox):
    Membership.objects.filter(user=team.dana).update(role=Role.ADMIN)
    client = team.client_for(team.dana)
    page = client.get(f"/w/{team.workspace.id}/members/").content.decode()
    assert '<option value="owner"' not in page.split('id="invite"')[1]
    response = invite(client, team, "boss@example.com", "owner")
    assert response.status_code == 400
    assert not MemberInvitation.objects.exists()
    assert mailoutbox == []
    assert invite(team.client_for(team.alice), team, "boss@example.com", "owner").status_code == 302


def test_when_the_mail_server_is_down_the_invitation_is_dropped_and_the_page_says_so(
    team, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # nothing listens on the discard port here: connection refused
    settings.EMAIL_TIMEOUT = 5
    response = invite(team.client_for(team.alice), team, "new@example.com")
    assert response.status_code == 400
    assert "The invitation e-mail could not be sent" in response.content.decode()
    assert not MemberInvitation.objects.exists()


@pytest.mark.parametrize("persona", ["bob", "dana", "charlie"])
def test_people_without_the_manage_ability_cannot_invite(team, mailoutbox, persona):
    response = invite(team.client_for(getattr(team, persona)), team, "new@example.com")
    assert response.status_code == 404
    assert not MemberInvitation.objects.exists()
    assert mailoutbox == []
