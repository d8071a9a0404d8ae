"""An answer written while its workspace's rollup is rebuilt is counted exactly once.

Each answer's rollup upsert takes the workspace's lock in shared mode (in the same round trip as
the upsert) and a rebuild takes it alone, so the two wait for each other instead of interleaving:
a rebuild never reads the responses while an answer's count is on its way in, and an answer
never adds its count to rows a running rebuild is about to replace.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, transaction

from opennps.accounts.actions.setup import create_admin
from opennps.analytics.models import Rollup
from opennps.analytics.rollups import rebuild
from opennps.responses.actions import Answer, create_response
from opennps.responses.models import Response
from opennps.surveys.models import Survey
from opennps.surveys.versions import publish_version

# Real concurrent connections; SQLite runs write transactions one at a time by itself.
pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]

BLOCKED_FOR_SECONDS = 0.5


@pytest.fixture
def survey() -> Survey:
    workspace = create_admin("alice@shop.example", "long-pass-123", "Shop").workspace
    survey = Survey.objects.create(workspace=workspace, name="Main", brand="Shop")
    publish_version(survey)
    create_response(survey, Answer(score=3, channel="web", language="en"))
    return survey


def in_thread(work: Callable[[], None], errors: list[BaseException]) -> threading.Thread:
    def run() -> None:
        try:
            work()
        except BaseException as error:  # re-raised by the test through `errors`
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def total_counts(survey: Survey) -> list[int]:
    return list(Rollup.objects.get(survey=survey, dimension="", value="").counts)


def expected_counts(survey: Survey) -> list[int]:
    counts = [0] * 11
    for score in Response.objects.filter(survey=survey).values_list("score", flat=True):
        counts[score] += 1
    return counts


def test_a_rebuild_waits_for_an_answer_being_written(survey):
    written, finish = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def write_and_hold() -> None:
        with transaction.atomic():
            create_response(survey, Answer(score=9, channel="web", language="en"))
            written.set()
            finish.wait(10)

    writer = in_thread(write_and_hold, errors)
    assert written.wait(10)
    rebuilder = in_thread(lambda: rebuild([survey.workspace_id]), errors)
    rebuilder.join(BLOCKED_FOR_SECONDS)
    assert rebuilder.is_alive(), "the rebuild read the responses while an answer was open"
    finish.set()
    writer.join(10)
    rebuilder.join(10)
    assert errors == []
    assert total_counts(survey) == expected_counts(survey)
    assert total_counts(survey)[9] == 1


def test_an_answer_waits_for_a_running_rebuild_and_is_counted_once(survey):
    rebuilt, finish = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def rebuild_and_hold() -> None:
        with transaction.atomic():
            rebuild([survey.workspace_id])
            rebuilt.set()
            finish.wait(10)

    rebuilder = in_thread(rebuild_and_hold, errors)
    assert rebuilt.wait(10)
    writer = in_thread(
        lambda: create_response(survey, Answer(score=9, channel="web", language="en")), errors
    )
    writer.join(BLOCKED_FOR_SECONDS)
    assert writer.is_alive(), "the answer's count went into rows the rebuild was replacing"
    finish.set()
    rebuilder.join(10)
    writer.join(10)
    assert errors == []
    assert total_counts(survey) == expected_counts(survey)
    assert total_counts(survey)[9] == 1
