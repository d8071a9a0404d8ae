"""Whole closed months are read from RollupMonth, which always equals the sum of its days.

A write to a closed month (an edit, a deletion, an erasure, an import of old answers) forgets
that month's cells; the next read sums them again.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta

import pytest
from django.utils import timezone

from opennps.analytics.dashboard_queries import closed_months, segments
from opennps.analytics.models import Rollup, RollupMonth, SegmentDimension
from opennps.analytics.queries import Filters
from opennps.analytics.rollups import current_month, rebuild, rebuild_in_sql
from opennps.responses.actions import Answer, create_response, delete_response, update_score
from tests.analytics.dashboard_helpers import (
    add_answers,
    histogram_of,
    in_range,
    make_survey,
    make_team,
    raw,
    today,
)

pytestmark = pytest.mark.django_db


def test_closed_months_are_the_whole_months_before_this_one():
    this = current_month()
    start = (this - timedelta(days=100)).replace(day=15)
    months = closed_months(start, today())
    assert months[0] == (start + timedelta(days=20)).replace(day=1)
    assert months[-1] == (this - timedelta(days=1)).replace(day=1)
    assert closed_months(date(2024, 1, 1), date(2024, 3, 30)) == [
        date(2024, 1, 1),
        date(2024, 2, 1),
    ]
    assert closed_months(date(2024, 1, 1), date(2024, 3, 31))[-1] == date(2024, 3, 1)
    assert closed_months(date(2024, 1, 2), date(2024, 1, 31)) == []


def month_sums_of_days(workspace) -> dict:
    sums: dict = defaultdict(lambda: [0] * 11)
    for row in Rollup.objects.filter(workspace=workspace):
        key = (row.survey_id, row.day.replace(day=1), row.channel, row.dimension, row.value)
        for score, count in enumerate(row.counts):
            sums[key][score] += count
    return sums


def month_cells(workspace) -> dict:
    return {
        (r.survey_id, r.month, r.channel, r.dimension, r.value): [
            getattr(r, f"s{s}") for s in range(11)
        ]
        for r in RollupMonth.objects.filter(workspace=workspace)
    }


@pytest.fixture
def shop():
    team = make_team()
    SegmentDimension.objects.create(workspace=team.workspace, key="region")
    surveys = [make_survey(team.workspace, "A"), make_survey(team.workspace, "B")]
    answers = add_answers(surveys, 300, days=400, attributes={"region": ["North", "South", 7]})
    return team, surveys, answers


def expected_by_region(workspace, start, end) -> dict:
    groups: dict = defaultdict(list)
    for response in raw(workspace, in_range(start, end)):
        groups[str(response.attributes["region"])].append(response)
    return {key: histogram_of(members) for key, members in groups.items()}


def test_a_year_of_segments_reads_month_cells_that_equal_their_days(shop):
    team, _surveys, _answers = shop
    start, end = today() - timedelta(days=364), today()
    filters = Filters(team.workspace.pk, date_from=start, date_to=end)
    assert dict(segments(filters, "region")) == expected_by_region(team.workspace, start, end)
    built = month_cells(team.workspace)
    assert {key[1] for key in built} == set(closed_months(start, end))
    sums = month_sums_of_days(team.workspace)
    assert all(built[key] == sums[key] for key in built)


def test_a_write_to_a_closed_month_forgets_it_and_the_next_read_is_right_again(shop):
    team, surveys, answers = shop
    start, end = today() - timedelta(days=364), today()
    filters = Filters(team.workspace.pk, date_from=start, date_to=end)
    segments(filters, "region")
    old = next(r for r in answers if r.created_at.date() < current_month() - timedelta(days=40))
    old_month = old.created_at.date().replace(day=1)
    assert RollupMonth.objects.filter(month=old_month).exists()

    update_score(old, (old.score + 5) % 11)
    assert not RollupMonth.objects.filter(month=old_month).exists()
    assert RollupMonth.objects.exclude(month=old_month).exists()  # other months are kept
    assert dict(segments(filters, "region")) == expected_by_region(team.workspace, start, end)

    randomness = random.Random(4)
    for response in randomness.sample([r for r in answers if r.pk != old.pk], 20):
        delete_response(response)
    create_response(
        surveys[0],
        Answer(score=0, channel="web", attributes={"region": "North"}),
        created_at=timezone.now() - timedelta(days=200),
    )
    assert dict(segments(filters, "region")) == expected_by_region(team.workspace, start, end)
    sums = month_sums_of_days(team.workspace)
    assert all(cells == sums[key] for key, cells in month_cells(team.workspace).items())


@pytest.mark.parametrize("group", ["channel", "survey"])
def test_column_groups_and_filters_read_months_too(shop, group):
    team, surveys, _answers = shop
    start, end = today() - timedelta(days=300), today() - timedelta(days=10)
    filters = Filters(
        team.workspace.pk, survey_ids=(surveys[0].pk,), date_from=start, date_to=end,
        channels=("web", "email"), attributes=(("region", "South"),),
    )  # fmt: skip
    keep = lambda r: (  # noqa: E731
        in_range(start, end)(r) and r.survey_id == surveys[0].pk and r.channel in ("web", "email")
        and r.attributes["region"] == "South"
    )  # fmt: skip
    groups: dict = defaultdict(list)
    for response in raw(team.workspace, keep):
        groups[str(response.channel if group == "channel" else response.survey_id)].append(response)
    expected = {key: histogram_of(members) for key, members in groups.items()}
    assert dict(segments(filters, group)) == expected


@pytest.mark.parametrize("rebuilder", [rebuild, rebuild_in_sql])
def test_a_rebuild_sums_every_closed_month_again(shop, rebuilder):
    team, _surveys, answers = shop
    segments(Filters(team.workspace.pk, date_from=today() - timedelta(days=200)), "region")
    RollupMonth.objects.update(s0=999)  # stale on purpose: a rebuild must not keep any of it
    rebuilder([team.workspace.pk])
    built = month_cells(team.workspace)
    sums = month_sums_of_days(team.workspace)
    closed = {key: counts for key, counts in sums.items() if key[1] < current_month()}
    assert built == closed
    assert {key[1] for key in built} == {
        r.created_at.date().replace(day=1) for r in answers if r.created_at.date() < current_month()
    }


def test_without_dates_every_closed_month_is_read(shop):
    team, _surveys, _answers = shop
    everything = {}
    for response in raw(team.workspace):
        key = str(response.attributes["region"])
        everything[key] = everything.get(key, histogram_of([])) + histogram_of([response])
    assert dict(segments(Filters(team.workspace.pk), "region")) == everything
