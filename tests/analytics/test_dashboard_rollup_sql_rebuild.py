"""rebuild_in_sql() (the database's GROUP BY, for benchmarks and big workspaces) writes exactly the
cells rebuild() writes from Python, value for value."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from opennps.analytics.models import Rollup, RollupMonth, SegmentDimension
from opennps.analytics.rollups import rebuild, rebuild_in_sql
from opennps.responses.actions import Answer, create_response, delete_response, update_score
from tests.analytics.dashboard_helpers import make_survey, make_team

pytestmark = pytest.mark.django_db

VALUES = ["North", "Юг", "東京", " padded ", "x" * 250, 12, -3, 0, True, False, None, "", "12"]


def snapshot(workspace) -> dict:
    return {
        (r.survey_id, r.day, r.channel, r.dimension, r.value): r.counts
        for r in Rollup.objects.filter(workspace=workspace)
        if any(r.counts)
    }


def month_snapshot(workspace) -> dict:
    return {
        (r.survey_id, r.month, r.channel, r.dimension, r.value): tuple(
            getattr(r, f"s{score}") for score in range(11)
        )
        for r in RollupMonth.objects.filter(workspace=workspace)
    }


def fill(values, count=400, seed=1):
    team = make_team()
    for key in ("region", "plan"):
        SegmentDimension.objects.create(workspace=team.workspace, key=key)
    surveys = [make_survey(team.workspace, "A"), make_survey(team.workspace, "B")]
    randomness = random.Random(seed)
    now = timezone.now()
    alive = []
    for _ in range(count):
        attributes = {"region": randomness.choice(values), "other": "not a segment"}
        if randomness.random() < 0.8:
            attributes["plan"] = randomness.choice(values)
        answer = Answer(
            score=randomness.randint(0, 10),
            channel=randomness.choice(["web", "email", "sms"]),
            language=randomness.choice(["en", "ru", ""]),
            attributes=attributes,
        )
        created_at = now - timedelta(
            days=randomness.randint(0, 60), hours=randomness.randint(0, 23)
        )
        alive.append(create_response(randomness.choice(surveys), answer, created_at=created_at))
    for response in alive[:40]:
        update_score(response, randomness.randint(0, 10))
    for response in alive[40:60]:
        delete_response(response)
    return team


def test_the_sql_rebuild_writes_the_cells_the_python_rebuild_writes():
    team = fill(VALUES)
    rebuild([team.workspace.pk])
    from_python, months_from_python = snapshot(team.workspace), month_snapshot(team.workspace)
    with CaptureQueriesContext(connection) as captured:
        rebuild_in_sql([team.workspace.pk])
    inserts = [q["sql"] for q in captured.captured_queries if "INSERT INTO" in q["sql"]]
    # totals, language, the two segment keys, then the closed months
    assert len(inserts) == 5 and all("GROUP BY" in sql for sql in inserts)
    assert snapshot(team.workspace) == from_python
    assert month_snapshot(team.workspace) == months_from_python
    assert any(key[3] == "region" and key[4] == "True" for key in from_python)
    assert any(key[3] == "plan" and len(key[4]) == 200 for key in from_python)


def test_values_sql_would_write_differently_fall_back_to_python():
    team = fill([*VALUES, 2.5, {"nested": 1}, [1, 2]], count=200, seed=2)
    rebuild([team.workspace.pk])
    from_python = snapshot(team.workspace)
    rebuild_in_sql([team.workspace.pk])
    assert snapshot(team.workspace) == from_python
    assert any(key[4] == "2.5" for key in from_python)
    assert RollupMonth.objects.exists()


def test_other_workspaces_are_left_alone():
    team = fill(VALUES, count=60, seed=3)
    theirs = make_survey(team.other_workspace, "Theirs")
    create_response(theirs, Answer(score=9, channel="web", language="en"))
    before = snapshot(team.other_workspace)
    rebuild_in_sql([team.workspace.pk])
    assert snapshot(team.other_workspace) == before
