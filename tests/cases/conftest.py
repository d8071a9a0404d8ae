"""Shared setup for case tests: the `team` personas, an active survey, contacts, answers, worker."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from opennps.cases.models import CaseSettings
from opennps.contacts.models import Contact
from opennps.distribution.models import DistributionSettings
from opennps.responses.actions import Answer, create_response
from opennps.responses.models import Response
from opennps.surveys.models import Survey
from opennps.work.runner import Worker
from tests.factories import active_survey


@pytest.fixture(autouse=True)
def public_address(settings: Any) -> None:
    settings.BASE_URL = "https://nps.example"


@pytest.fixture
def shop(team: Any) -> Any:
    """The team's workspace, with quiet hours off: the suite must pass at any hour."""
    DistributionSettings.objects.create(
        workspace=team.workspace, quiet_hours_start=0, quiet_hours_end=0
    )
    return team.workspace


@pytest.fixture
def make_survey(shop: Any) -> Callable[..., Survey]:
    def make(**fields: Any) -> Survey:
        return active_survey(shop, **fields)

    return make


@pytest.fixture
def survey(make_survey: Callable[..., Survey]) -> Survey:
    return make_survey()


@pytest.fixture
def make_contact(shop: Any) -> Callable[..., Contact]:
    count = iter(range(1000))

    def make(**fields: Any) -> Contact:
        number = next(count)
        defaults = {"email": f"customer{number}@client.example", "name": f"Customer {number}"}
        return Contact.objects.create(workspace=shop, **{**defaults, **fields})

    return make


@pytest.fixture
def answer(survey: Survey) -> Callable[..., Response]:
    """Store an answer the way every channel does (responses.actions)."""

    def give(score: int, contact: Contact | None = None, on: Survey | None = None, **kw: Any):
        return create_response(
            on or survey, Answer(score=score, channel="api", **kw), contact=contact
        )

    return give


@pytest.fixture
def case_settings(shop: Any) -> CaseSettings:
    return CaseSettings.objects.create(workspace=shop)


def run_worker_until_idle() -> None:
    Worker(poll_seconds=0).run(until_idle=True)
