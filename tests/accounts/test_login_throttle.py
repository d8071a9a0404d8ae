"""Brute force: sign-in attempts are throttled per e-mail and per IP before any password check."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from opennps.accounts.ratelimits import (
    FAILURES_BEFORE_LOCK,
    check_login_throttle,
    record_failed_login,
)

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def hour_windows(settings):
    """The same counts as production (5 per e-mail, 10 per IP) over an hour, not a minute.

    A minute window could roll over in the middle of a test and reset the count; an hour is long
    enough that the test never sees a boundary.
    """
    settings.OPENNPS_LOGIN_RATE_PER_EMAIL = "5/h"
    settings.OPENNPS_LOGIN_RATE_PER_IP = "10/h"


@pytest.fixture
def alice_with_password(team):
    team.alice.set_password(PASSWORD)
    team.alice.save()
    return team.alice


def attempt(client, email: str, password: str, ip: str = "10.0.0.1"):
    return client.post(
        "/accounts/login/", {"username": email, "password": password}, REMOTE_ADDR=ip
    )


def test_the_sixth_attempt_for_one_email_gets_429_even_with_the_right_password(
    client, alice_with_password
):
    for _ in range(5):
        assert attempt(client, "alice@example.com", "wrong").status_code == 200
    response = attempt(client, "ALICE@example.com", PASSWORD)
    assert response.status_code == 429
    assert "Too many sign-in attempts. Wait a minute and try again." in response.content.decode()
    assert response["Retry-After"]
    assert "_auth_user_id" not in client.session


def test_other_emails_are_not_slowed_by_one_being_throttled(client, alice_with_password, team):
    team.bob.set_password(PASSWORD)
    team.bob.save()
    for _ in range(6):
        attempt(client, "alice@example.com", "wrong", ip="10.0.0.2")
    assert attempt(client, "bob@example.com", PASSWORD, ip="10.0.0.3").status_code == 302


def test_the_eleventh_attempt_from_one_ip_gets_429_whatever_the_email(client, db):
    for number in range(10):
        assert attempt(client, f"person{number}@example.com", "wrong").status_code == 200
    assert attempt(client, "someone-else@example.com", "wrong").status_code == 429
    assert attempt(client, "someone-else@example.com", "wrong", ip="10.9.9.9").status_code == 200


def test_many_failures_lock_the_email_for_longer_each_time(db):
    def throttle():
        request = RequestFactory().post(
            "/accounts/login/", {"username": "alice@example.com"}, REMOTE_ADDR="10.0.0.7"
        )
        return check_login_throttle(request)

    for _ in range(FAILURES_BEFORE_LOCK - 1):
        record_failed_login("alice@example.com")
    assert throttle() is None
    record_failed_login("alice@example.com")
    first = throttle()
    assert first is not None and first.locked
    assert 14 <= first.retry_after_minutes <= 16
    record_failed_login("alice@example.com")
    second = throttle()
    assert 29 <= second.retry_after_minutes <= 31


def test_a_locked_email_is_refused_with_its_remaining_time(client, alice_with_password):
    for _ in range(FAILURES_BEFORE_LOCK):
        record_failed_login("alice@example.com")
    response = attempt(client, "alice@example.com", PASSWORD)
    assert response.status_code == 429
    assert "It is locked for 15 more minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_successful_sign_in_forgets_earlier_failures(client, alice_with_password):
    for _ in range(FAILURES_BEFORE_LOCK - 1):
        record_failed_login("alice@example.com")
    assert attempt(client, "alice@example.com", PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    attempt(client, "alice@example.com", "wrong", ip="10.0.0.8")
    # Only one failure counted since the success: not locked.
    assert attempt(client, "alice@example.com", PASSWORD, ip="10.0.0.9").status_code == 302
