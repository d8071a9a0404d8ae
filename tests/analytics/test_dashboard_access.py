"""Who sees the dashboard and who may change its goal, annotations, benchmarks and segments.

alice owns Shop, dana is its analyst, bob its viewer, charlie owns Other only; another
workspace's dashboard does not exist for anyone outside it (404), and visitors sign in first.
"""

from __future__ import annotations

from datetime import date

import pytest

from opennps.analytics.models import Annotation, CustomBenchmark, DashboardGoal, SegmentDimension
from tests.analytics.dashboard_helpers import dashboard_url, make_survey, make_team

pytestmark = pytest.mark.django_db

PERSONAS = ("alice", "dana", "bob", "charlie", "anonymous")


@pytest.fixture
def team():
    team = make_team()
    make_survey(team.workspace)
    return team


def client_as(team, persona: str):
    return team.client_for(None if persona == "anonymous" else getattr(team, persona))


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("dashboard/", (200, 200, 200, 404, 302)),
        ("dashboard/segments/", (200, 404, 404, 404, 302)),
    ],
)
@pytest.mark.parametrize("persona_index", range(5))
def test_each_persona_gets_what_their_role_allows(team, page, expected, persona_index):
    persona = PERSONAS[persona_index]
    response = client_as(team, persona).get(f"/w/{team.workspace.pk}/{page}")
    assert response.status_code == expected[persona_index]
    if persona == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=")


def test_dashboard_after_sign_in_opens_the_first_workspaces_dashboard(team):
    response = team.client_for(team.bob).get("/dashboard/")
    assert response.status_code == 302
    assert response["Location"] == f"/w/{team.workspace.pk}/dashboard/"
    assert client_as(team, "anonymous").get("/dashboard/")["Location"].startswith("/accounts/login")


def test_the_menu_links_to_the_dashboard_and_marks_it_current(team):
    html = (
        team.client_for(team.bob)
        .get(
            dashboard_url(
                team,
            )
        )
        .content.decode()
    )
    assert f'href="/w/{team.workspace.pk}/dashboard/" aria-current="page"' in html


def test_a_viewer_sees_no_forms_that_change_anything(team):
    viewer = (
        team.client_for(team.bob)
        .get(
            dashboard_url(
                team,
            )
        )
        .content.decode()
    )
    editor = (
        team.client_for(team.dana)
        .get(
            dashboard_url(
                team,
            )
        )
        .content.decode()
    )
    for action in ("/dashboard/goal/", "/dashboard/annotations/", "/dashboard/benchmarks/"):
        assert action not in viewer
        assert action in editor


def _state() -> tuple:
    return (
        list(DashboardGoal.objects.values_list("nps", flat=True)),
        list(Annotation.objects.values_list("label", flat=True)),
        list(CustomBenchmark.objects.values_list("label", flat=True)),
        list(SegmentDimension.objects.values_list("key", flat=True)),
    )


WRITES = [
    ("goal/", {"nps": "40"}, {"alice", "dana"}),
    ("annotations/", {"day": "2025-03-01", "label": "Price change"}, {"alice", "dana"}),
    ("benchmarks/", {"label": "Rival", "nps": "12", "source": "Their report"}, {"alice", "dana"}),
    ("segments/", {"key": "region"}, {"alice"}),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("path", "data", "allowed"), WRITES)
def test_each_write_changes_data_only_for_the_roles_allowed(team, path, data, allowed, persona):
    before = _state()
    response = client_as(team, persona).post(f"/w/{team.workspace.pk}/dashboard/{path}", data)
    if persona in allowed:
        assert response.status_code == 302
        assert _state() != before
    else:
        assert response.status_code == (302 if persona == "anonymous" else 404)
        assert _state() == before


def test_another_workspaces_annotation_and_benchmark_cannot_be_removed(team):
    theirs = Annotation.objects.create(
        workspace=team.other_workspace, day=date(2025, 1, 1), label="Theirs"
    )
    rival = CustomBenchmark.objects.create(
        workspace=team.other_workspace, label="Theirs", nps=1, source="x"
    )
    alice = team.client_for(team.alice)
    base = f"/w/{team.workspace.pk}/dashboard"
    alice.post(f"{base}/annotations/{theirs.pk}/remove/")
    alice.post(f"{base}/benchmarks/{rival.pk}/remove/")
    assert Annotation.objects.filter(pk=theirs.pk).exists()
    assert CustomBenchmark.objects.filter(pk=rival.pk).exists()
    charlie_base = f"/w/{team.workspace.pk}/dashboard"
    assert (
        team.client_for(team.charlie).post(f"{charlie_base}/goal/", {"nps": 5}).status_code == 404
    )


def test_a_survey_of_another_workspace_is_an_unknown_survey_on_the_dashboard(team):
    theirs = make_survey(team.other_workspace, "Theirs")
    response = team.client_for(team.alice).get(dashboard_url(team, f"survey={theirs.pk}"))
    missing = team.client_for(team.alice).get(dashboard_url(team, "survey=987654"))
    assert response.status_code == missing.status_code == 400
    assert "Theirs" not in response.content.decode()
    assert f"There is no survey “{theirs.pk}” in this workspace." in response.content.decode()
