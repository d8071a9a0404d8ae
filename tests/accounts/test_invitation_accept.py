"""Following an invitation link: a new person joins, a signed-in person accepts."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

import opennps.settings
from opennps.accounts.actions.members import invite_member
from opennps.accounts.models import MemberInvitation, Membership, Role, User


def invitation_for(team, email: str, role: str = Role.ANALYST) -> str:
    owner = Membership.objects.get(user=team.alice, workspace=team.workspace)
    _, token = invite_member(team.workspace, email, role, owner)
    return f"/accounts/invitations/{token}/"


def test_a_new_person_sets_name_and_password_and_joins(team, client, mailoutbox, settings):
    settings.PASSWORD_HASHERS = opennps.settings.PASSWORD_HASHERS  # tests default to a fast hasher
    url = invitation_for(team, "erin@example.com")
    page = client.get(url)
    assert page.status_code == 200
    assert "erin@example.com" in page.content.decode()
    response = client.post(
        url, {"name": "Erin", "password1": "a long passphrase", "password2": "a long passphrase"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/w/{team.workspace.id}/surveys/"
    erin = User.objects.get(email="erin@example.com")
    assert erin.name == "Erin"
    assert erin.password.startswith("argon2")
    assert Membership.objects.get(user=erin).role == Role.ANALYST
    assert int(client.session["_auth_user_id"]) == erin.pk
    assert MemberInvitation.objects.get().accepted_at is not None
    # The link works once.
    assert client.get(url).status_code == 404


def test_a_weak_or_mismatched_password_creates_nothing(team, client, mailoutbox):
    url = invitation_for(team, "erin@example.com")
    weak = client.post(url, {"name": "Erin", "password1": "12345678", "password2": "12345678"})
    mismatch = client.post(
        url, {"name": "Erin", "password1": "a long passphrase", "password2": "other"}
    )
    assert weak.status_code == 200
    assert "This password is too common." in weak.content.decode()
    assert "The two passwords differ." in mismatch.content.decode()
    assert not User.objects.filter(email="erin@example.com").exists()


def test_a_signed_in_person_accepts_with_a_button(team, mailoutbox):
    url = invitation_for(team, "charlie@example.com", Role.VIEWER)
    client = team.client_for(team.charlie)
    page = client.get(url)
    assert "Accept the invitation" in page.content.decode()
    assert not Membership.objects.filter(user=team.charlie, workspace=team.workspace).exists()
    response = client.post(url)
    assert response["Location"] == f"/w/{team.workspace.id}/surveys/"
    assert Membership.objects.get(user=team.charlie, workspace=team.workspace).role == Role.VIEWER


def test_someone_with_an_account_who_is_signed_out_is_asked_to_sign_in(team, client, mailoutbox):
    url = invitation_for(team, "charlie@example.com")
    html = client.get(url).content.decode()
    assert f'href="/accounts/login/?next={url}"' in html
    response = client.post(
        url, {"name": "X", "password1": "a long passphrase", "password2": "a long passphrase"}
    )
    assert response.status_code == 200
    assert not Membership.objects.filter(user=team.charlie, workspace=team.workspace).exists()


def test_an_existing_member_keeps_their_role(team, mailoutbox):
    url = invitation_for(team, "erin@example.com", Role.VIEWER)
    MemberInvitation.objects.update(email="dana@example.com")
    team.client_for(team.dana).post(url)
    assert Membership.objects.get(user=team.dana).role == Role.ANALYST


def test_an_expired_or_unknown_link_explains_itself(team, client, mailoutbox):
    url = invitation_for(team, "erin@example.com")
    MemberInvitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get(url)
    assert response.status_code == 404
    assert "This invitation link does not work" in response.content.decode()
    assert client.get("/accounts/invitations/not-a-token/").status_code == 404
    assert (
        client.post(
            url, {"name": "E", "password1": "a long passphrase", "password2": "a long passphrase"}
        ).status_code
        == 404
    )
    assert not User.objects.filter(email="erin@example.com").exists()


def test_signing_in_from_the_invitation_returns_to_it(team, client, mailoutbox):
    team.charlie.set_password("charlie's long password")
    team.charlie.save()
    url = invitation_for(team, "charlie@example.com")
    response = client.post(
        f"/accounts/login/?next={url}",
        {"username": "charlie@example.com", "password": "charlie's long password", "next": url},
    )
    assert response["Location"] == url
    client.post(url)
    assert Membership.objects.filter(user=team.charlie, workspace=team.workspace).exists()
