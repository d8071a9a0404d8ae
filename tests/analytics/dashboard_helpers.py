"""Shared setup for the dashboard tests: surveys and answers made through the real actions.

Personas come from tests/personas.py: alice owns Shop, dana is its analyst, bob its viewer;
charlie owns Other only.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from opennps.accounts.models import Organisation, User, Workspace
from opennps.analytics.rollups import local_day
from opennps.responses.actions import Answer, create_response
from opennps.responses.models import Response
from opennps.stats import Histogram
from opennps.surveys.models import Survey
from opennps.surveys.versions import publish_version
from tests.personas import Team
from tests.personas import make_team as make_personas


def make_team() -> Team:
    """The shared personas (tests/personas.py); Shop is a bank, for the benchmarks."""
    team = make_personas()
    team.workspace.industry = "banks"
    team.workspace.save(update_fields=["industry"])
    return team


def dashboard_url(team: Team, query: str = "") -> str:
    return f"/w/{team.workspace.pk}/dashboard/{'?' + query if query else ''}"


def remove_team(team: Team) -> None:
    """Undo make_team and everything in its workspaces (for data shared by a whole module)."""
    workspaces = [team.workspace, team.other_workspace]
    Response.objects.filter(workspace__in=workspaces).delete()
    Organisation.objects.filter(workspaces__in=workspaces).delete()
    User.objects.filter(pk__in=[team.alice.pk, team.bob.pk, team.dana.pk, team.charlie.pk]).delete()


def make_survey(workspace: Workspace, name: str = "Relationship", kind: str = "customer") -> Survey:
    survey = Survey.objects.create(
        workspace=workspace, name=name, brand="Shop", kind=kind, status="active"
    )
    publish_version(survey)
    return survey


def today() -> date:
    return local_day(timezone.now())


def add_answers(
    surveys: list[Survey],
    count: int,
    *,
    seed: int = 7,
    days: int = 200,
    attributes: dict[str, list[Any]] | None = None,
    channels: tuple[str, ...] = ("web", "email", "sms"),
    languages: tuple[str, ...] = ("en", "ru"),
) -> list[Response]:
    """`count` answers spread over the last `days` days, through responses.actions."""
    randomness = random.Random(seed)
    attributes = attributes or {}
    now = timezone.now()
    made = []
    for _ in range(count):
        answer = Answer(
            score=randomness.choice([0, 2, 5, 6, 7, 8, 8, 9, 9, 10, 10]),
            channel=randomness.choice(channels),
            language=randomness.choice(languages),
            attributes={key: randomness.choice(values) for key, values in attributes.items()},
        )
        created_at = now - timedelta(
            days=randomness.randint(0, days), minutes=randomness.randint(0, 1439)
        )
        made.append(create_response(randomness.choice(surveys), answer, created_at=created_at))
    return made


def histogram_of(responses: Iterable[Response]) -> Histogram:
    return Histogram.from_scores(response.score for response in responses)


def raw(workspace: Workspace, keep: Callable[[Response], bool] = lambda r: True) -> list[Response]:
    return [r for r in Response.objects.filter(workspace=workspace) if keep(r)]


def in_range(start: date, end: date) -> Callable[[Response], bool]:
    return lambda response: start <= local_day(response.created_at) <= end
