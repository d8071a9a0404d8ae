"""Shared setup for the browser, export and report tests.

Personas from tests/personas.py (alice owns Shop, dana analyses, bob views, charlie owns Other),
each workspace with a survey.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from opennps.accounts.models import Workspace
from opennps.contacts.models import Contact
from opennps.responses.actions import Answer, create_response
from opennps.responses.models import Response
from opennps.surveys.models import Survey, SurveyKind
from tests.factories import active_survey
from tests.personas import Team, make_team


@dataclass
class Shop(Team):
    """The personas' team with a survey in each workspace."""

    survey: Survey
    other_survey: Survey

    def url(self, path: str) -> str:
        return f"/w/{self.workspace.pk}/{path}"


def make_survey(workspace: Workspace, name: str, kind: str = SurveyKind.CUSTOMER) -> Survey:
    return active_survey(workspace, name=name, brand=workspace.name, kind=kind)


def make_shop() -> Shop:
    team = make_team()
    return Shop(
        **vars(team),
        survey=make_survey(team.workspace, "Checkout"),
        other_survey=make_survey(team.other_workspace, "Elsewhere"),
    )


def answer(
    survey: Survey,
    score: int,
    comment: str = "",
    *,
    third_answer: str = "",
    channel: str = "web",
    language: str = "en",
    attributes: dict[str, Any] | None = None,
    answers: dict[str, Any] | None = None,
    contact: Contact | None = None,
    created_at: datetime | None = None,
) -> Response:
    return create_response(
        survey,
        Answer(
            score=score,
            channel=channel,
            language=language,
            comment=comment,
            third_answer=third_answer,
            answers=answers or {},
            attributes=attributes or {},
        ),
        contact=contact,
        created_at=created_at,
    )


def page_text(response: Any) -> str:
    return response.content.decode()


def csv_rows(body: bytes) -> list[list[str]]:
    text = body.decode("utf-8")
    assert text.startswith("\ufeff"), "the CSV starts with a byte order mark for Excel"
    return list(csv.reader(io.StringIO(text[1:])))


def downloaded(response: Any) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content
