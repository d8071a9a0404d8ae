"""The rollup kept up to date write by write equals the one rebuilt from raw responses."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from opennps.accounts.actions.setup import create_admin
from opennps.analytics.models import SCORE_COLUMNS, Rollup, SegmentDimension
from opennps.analytics.rollups import rebuild
from opennps.responses.actions import Answer, create_response, delete_response, update_score
from opennps.responses.models import Response
from opennps.stats import Histogram
from opennps.surveys.models import Survey
from opennps.surveys.versions import publish_version

pytestmark = pytest.mark.django_db


def rollup_snapshot() -> dict[tuple, tuple[int, ...]]:
    """Every non-empty cell; a cell whose counts all went back to zero equals a missing cell."""
    snapshot = {}
    for row in Rollup.objects.all():
        if any(row.counts):
            snapshot[(row.survey_id, row.day, row.channel, row.dimension, row.value)] = row.counts
    return snapshot


@pytest.fixture
def surveys():
    workspace = create_admin("alice@shop.example", "long-pass-123", "Shop").workspace
    SegmentDimension.objects.create(workspace=workspace, key="region")
    SegmentDimension.objects.create(workspace=workspace, key="plan")
    made = []
    for name in ("Relationship", "After purchase"):
        survey = Survey.objects.create(workspace=workspace, name=name, brand="Shop")
        publish_version(survey)
        made.append(survey)
    return made


def test_thousands_of_random_writes_leave_the_rollup_equal_to_a_rebuild(surveys):
    randomness = random.Random(20261123)
    now = timezone.now()
    alive: list[Response] = []
    for _ in range(1200):
        action = randomness.random()
        if action < 0.7 or not alive:
            answer = Answer(
                score=randomness.randint(0, 10),
                channel=randomness.choice(["web", "email", "sms"]),
                language=randomness.choice(["en", "ru", "kk", ""]),
                attributes={
                    "region": randomness.choice(["North", "South", "", None]),
                    "plan": randomness.choice(["basic", "premium", 7]),
                    "not_a_segment": "x",
                },
            )
            created_at = now - timedelta(
                days=randomness.randint(0, 400), hours=randomness.randint(0, 23)
            )
            alive.append(create_response(randomness.choice(surveys), answer, created_at=created_at))
        elif action < 0.9:
            update_score(randomness.choice(alive), randomness.randint(0, 10))
        else:
            delete_response(alive.pop(randomness.randrange(len(alive))))

    incremental = rollup_snapshot()
    rebuild()
    assert rollup_snapshot() == incremental

    # And both equal the histogram of the raw scores.
    totals = [0] * 11
    for row in Rollup.objects.filter(dimension=""):
        for score, column in enumerate(SCORE_COLUMNS):
            totals[score] += getattr(row, column)
    raw = Histogram.from_scores(Response.objects.values_list("score", flat=True))
    assert tuple(totals) == raw.counts


def test_the_rebuild_command_reports_what_it_did(surveys, capsys):
    create_response(surveys[0], Answer(score=9, channel="web", language="en"))
    Rollup.objects.all().delete()
    call_command("rollups", "rebuild", "--workspace", "Shop")
    assert "Rebuilt the rollups of workspace 'Shop'" in capsys.readouterr().out
    assert Rollup.objects.get(dimension="").s9 == 1
    assert Rollup.objects.get(dimension="language").value == "en"


def test_erasing_a_contact_moves_their_answers_out_of_segments_in_the_rollup(surveys):
    from opennps.contacts.actions import delete_contact
    from opennps.contacts.models import Contact

    contact = Contact.objects.create(workspace=surveys[0].workspace, email="c@x.example")
    create_response(
        surveys[0],
        Answer(score=2, channel="web", language="en", attributes={"region": "North"}),
        contact=contact,
    )
    delete_contact(contact)
    incremental = rollup_snapshot()
    rebuild()
    assert rollup_snapshot() == incremental
    assert not any(key[3] == "region" for key in incremental)
