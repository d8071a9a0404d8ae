from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from opennps.contacts.models import Account, Contact
from opennps.responses.actions import Answer, create_response
from opennps.responses.models import Response
from opennps.surveys.models import Survey, SurveyKind
from opennps.work.runner import Worker
from tests.alerts.receiver import Receiver, start_receiver
from tests.factories import active_survey

SECRET = "s3cret-for-tests-0123456789"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver, server = start_receiver()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()


def make_survey(workspace, name: str = "Relationship", kind: str = SurveyKind.CUSTOMER) -> Survey:
    return active_survey(workspace, name=name, brand=workspace.name, kind=kind)


@pytest.fixture
def survey(team) -> Survey:
    return make_survey(team.workspace)


@pytest.fixture
def contact(team) -> Contact:
    account = Account.objects.create(workspace=team.workspace, name="Globex Ltd")
    return Contact.objects.create(
        workspace=team.workspace,
        external_id="c-7",
        email="olga@example.com",
        name="Olga Petrova",
        account=account,
    )


@pytest.fixture
def answer() -> Callable[..., Response]:
    def make(survey: Survey, score: int, comment: str = "", **fields: Any) -> Response:
        contact = fields.pop("contact", None)
        return create_response(
            survey, Answer(score=score, channel="web", comment=comment, **fields), contact=contact
        )

    return make


def run_worker() -> None:
    """What `opennps worker --until-idle` does."""
    Worker().run(until_idle=True)
