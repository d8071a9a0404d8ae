"""Two simultaneous submissions of one respondent (a double click) must leave one response."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from opennps.accounts.actions.setup import create_admin
from opennps.responses.actions import Answer, record_score_from_browser
from opennps.responses.models import Response
from opennps.surveys.models import Survey
from opennps.surveys.versions import publish_version


# SQLite serialises writers by itself (IMMEDIATE transactions); the advisory lock that does the
# same on PostgreSQL is what this test exercises, with real concurrent connections.
@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_simultaneous_submissions_from_one_browser_leave_one_response():
    workspace = create_admin("alice@shop.example", "long-pass-123", "Shop").workspace
    survey = Survey.objects.create(workspace=workspace, name="Main", brand="Shop")
    publish_version(survey)
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def submit(score: int) -> None:
        try:
            start.wait()
            record_score_from_browser(survey, Answer(score=score, channel="web"), "browser-1", None)
        except BaseException as error:  # collected and re-raised in the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(score,)) for score in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Response.objects.filter(survey=survey).count() == 1
