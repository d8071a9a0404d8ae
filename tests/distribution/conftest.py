"""Shared setup for e-mail campaigns: a workspace, an active survey, contacts, an in-process worker."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from opennps.accounts.actions.setup import create_admin
from opennps.accounts.models import Workspace
from opennps.contacts.models import Contact
from opennps.distribution.models import DistributionSettings
from opennps.surveys.models import Survey
from opennps.work.registry import QUEUES
from opennps.work.runner import run_one_pass
from tests.factories import active_survey


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.BASE_URL = "https://nps.example"


@pytest.fixture
def workspace(db: None) -> Workspace:
    workspace = create_admin("alice@shop.example", "long-pass-123", "Shop").workspace
    # Quiet hours off unless a test turns them on: the suite must pass at any hour of the day.
    DistributionSettings.objects.create(workspace=workspace, quiet_hours_start=0, quiet_hours_end=0)
    return workspace


@pytest.fixture
def make_survey(workspace: Workspace) -> Callable[..., Survey]:
    def make(**fields: Any) -> Survey:
        return active_survey(workspace, **fields)

    return make


@pytest.fixture
def survey(make_survey: Callable[..., Survey]) -> Survey:
    return make_survey()


@pytest.fixture
def make_contacts(workspace: Workspace) -> Callable[..., list[Contact]]:
    def make(count: int, prefix: str = "person", **fields: Any) -> list[Contact]:
        return [
            Contact.objects.create(
                workspace=workspace, email=f"{prefix}{i}@client.example", **fields
            )
            for i in range(count)
        ]

    return make


def run_worker() -> int:
    """Run the invitation queue in this process until nothing is due; the number of items run."""
    total = 0
    while ran := run_one_pass([QUEUES["invitations"]]):
        total += ran
    return total
