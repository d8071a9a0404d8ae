"""Signing in with an e-mail address, signing out, changing the password."""

from __future__ import annotations

import pytest

import opennps.settings
from opennps.accounts.models import User

PASSWORD = "correct horse battery"


@pytest.fixture
def alice_with_password(team):
    team.alice.set_password(PASSWORD)
    team.alice.save()
    return team.alice


def test_signing_in_leads_to_the_first_workspace(client, team, alice_with_password):
    response = client.post(
        "/accounts/login/", {"username": "Alice@Example.com ", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == f"/w/{team.workspace.id}/surveys/"
    assert int(client.session["_auth_user_id"]) == team.alice.pk


def test_a_wrong_password_is_refused_with_a_clear_message(client, alice_with_password):
    response = client.post(
        "/accounts/login/", {"username": "alice@example.com", "password": "nope"}
    )
    assert response.status_code == 200
    assert "This e-mail and password do not match an account." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_login_page_labels_its_fields(client, db):
    html = client.get("/accounts/login/").content.decode()
    assert '<label for="id_username">' in html
    assert '<label for="id_password">' in html
    assert 'type="email"' in html


def test_signing_out_takes_a_post_and_ends_the_session(team):
    client = team.client_for(team.alice)
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_password_change_keeps_the_session_and_uses_argon2(client, alice_with_password, settings):
    # Tests default to a fast hasher; production's Argon2 comes first, the old hash stays readable.
    settings.PASSWORD_HASHERS = [*opennps.settings.PASSWORD_HASHERS, *settings.PASSWORD_HASHERS]
    client.force_login(alice_with_password)
    response = client.post(
        "/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "a new and long passphrase",
            "new_password2": "a new and long passphrase",
        },
        follow=True,
    )
    assert "Your password has been changed." in response.content.decode()
    user = User.objects.get(pk=alice_with_password.pk)
    assert user.password.startswith("argon2")
    assert user.check_password("a new and long passphrase")
    assert int(client.session["_auth_user_id"]) == user.pk


def test_a_wrong_old_password_changes_nothing(client, alice_with_password):
    client.force_login(alice_with_password)
    response = client.post(
        "/accounts/password/",
        {
            "old_password": "wrong",
            "new_password1": "another long one",
            "new_password2": "another long one",
        },
    )
    assert response.status_code == 200
    assert User.objects.get(pk=alice_with_password.pk).check_password(PASSWORD)


def test_the_password_page_needs_a_signed_in_user(client, db):
    response = client.get("/accounts/password/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
