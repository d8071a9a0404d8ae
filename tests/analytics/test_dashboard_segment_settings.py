"""Marking an attribute as a segment rebuilds the rollup, so its groups are right at once."""

from __future__ import annotations

import pytest

from opennps.analytics.models import Rollup, SegmentDimension
from tests.analytics.dashboard_helpers import (
    add_answers,
    dashboard_url,
    histogram_of,
    make_survey,
    make_team,
    raw,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    team = make_team()
    survey = make_survey(team.workspace)
    add_answers([survey], 80, days=30, attributes={"store": ["12", "14", 15]})
    return team


def test_marking_an_attribute_fills_its_rollup_cells_from_every_answer(shop):
    team = shop
    alice = team.client_for(team.alice)
    page = alice.get(f"/w/{team.workspace.pk}/dashboard/segments/").content.decode()
    assert '<code>store</code> <span class="muted">(80)</span>' in page  # suggested from answers
    response = alice.post(
        f"/w/{team.workspace.pk}/dashboard/segments/", {"key": "store", "label": "Store"}
    )
    assert response.status_code == 302
    cells = {}
    for row in Rollup.objects.filter(workspace=team.workspace, dimension="store"):
        cells.setdefault(row.value, [0] * 11)
        for score, count in enumerate(row.counts):
            cells[row.value][score] += count
    for value in ("12", "14", "15"):
        expected = histogram_of(
            raw(team.workspace, lambda r, v=value: str(r.attributes["store"]) == v)
        )
        assert tuple(cells[value]) == expected.counts
    dashboard = alice.get(dashboard_url(team, "segment=store")).context["dashboard"]
    assert sorted(row.key for row in dashboard.segment_rows) == ["12", "14", "15"]
    assert ("store", "Store") in alice.get(
        dashboard_url(
            team,
        )
    ).context["groups"]


def test_unmarking_removes_the_cells_and_the_choice(shop):
    team = shop
    alice = team.client_for(team.alice)
    alice.post(f"/w/{team.workspace.pk}/dashboard/segments/", {"key": "store"})
    dimension = SegmentDimension.objects.get(key="store")
    alice.post(f"/w/{team.workspace.pk}/dashboard/segments/{dimension.pk}/remove/")
    assert not Rollup.objects.filter(dimension="store").exists()
    assert alice.get(dashboard_url(team, "segment=store")).status_code == 400


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("", "This field is required."),
        ("two words", "Use letters, digits"),
        ("channel", "is always available as a segment"),
        ("language", "is always available as a segment"),
    ],
)
def test_a_bad_attribute_name_is_refused_with_a_reason(shop, key, message):
    team = shop
    response = team.client_for(team.alice).post(
        f"/w/{team.workspace.pk}/dashboard/segments/", {"key": key}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SegmentDimension.objects.exists()


def test_marking_the_same_attribute_twice_is_refused(shop):
    team = shop
    alice = team.client_for(team.alice)
    alice.post(f"/w/{team.workspace.pk}/dashboard/segments/", {"key": "store"})
    again = alice.post(f"/w/{team.workspace.pk}/dashboard/segments/", {"key": "store"})
    assert again.status_code == 400
    assert "This attribute is a segment already." in again.content.decode()
