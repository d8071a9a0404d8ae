"""Shared setup for the survey page tests: alice's workspace and an active survey in it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from opennps.accounts.actions.setup import create_admin
from opennps.accounts.models import Workspace
from opennps.contacts.models import Contact
from opennps.distribution.models import create_invitation
from opennps.surveys.models import Survey
from tests.factories import active_survey


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    # Argon2 is slow on purpose; these tests are about the survey page, not about passwords.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def workspace(db: None) -> Workspace:
    return create_admin("alice@shop.example", "long-pass-123", "Shop").workspace


@pytest.fixture
def make_survey(workspace: Workspace) -> Callable[..., Survey]:
    def make(**fields: Any) -> Survey:
        fields.setdefault("languages", ["en", "ru", "zh-hans"])
        return active_survey(workspace, **fields)

    return make


@pytest.fixture
def survey(make_survey: Callable[..., Survey]) -> Survey:
    return make_survey()


@pytest.fixture
def invite(workspace: Workspace) -> Callable[..., str]:
    """A personal link's token for a new contact of the workspace."""

    def make(survey: Survey, language: str = "", email: str = "carol@client.example") -> str:
        contact = Contact.objects.create(workspace=workspace, email=email, language=language)
        _invitation, token = create_invitation(survey, contact, "email")
        return token

    return make
