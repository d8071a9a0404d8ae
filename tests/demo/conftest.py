"""Small, fixed demo loads for the database tests.

`demo` is loaded once per test module and shared read-only (each test still runs in its own
transaction, so a test that changes the data leaves no trace); `fresh_demo` is loaded inside the
test's own transaction for tests that need a clean slate.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import override_settings

from opennps.accounts.models import User
from opennps.demo.company import DEMO_EMAIL, MEMBERS
from opennps.demo.loader import LoadResult, load_demo, wipe_demo

from .helpers import NOW, SEED, SMALL

# Argon2 takes most of a second per password on a busy machine; the demo's accounts are not what
# these tests are about.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DEMO_EMAILS = [DEMO_EMAIL, *(member.email for member in MEMBERS)]


@pytest.fixture(autouse=True)
def fast_hashing() -> Iterator[None]:
    with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        yield


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[LoadResult]:
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        result = load_demo(responses=SMALL, seed=SEED, now=NOW)
    yield result
    with django_db_blocker.unblock():
        wipe_demo(result.organisation)
        User.objects.filter(email__in=DEMO_EMAILS).delete()


@pytest.fixture
def fresh_demo(db: None) -> LoadResult:
    return load_demo(responses=SMALL, seed=SEED, now=NOW)
