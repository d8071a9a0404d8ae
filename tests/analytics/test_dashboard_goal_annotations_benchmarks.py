"""The team's goal line, annotations on the timeline, and benchmarks with their sources."""

from __future__ import annotations

from datetime import timedelta

import pytest

from opennps.analytics.models import Annotation, CustomBenchmark, DashboardGoal
from opennps.stats import benchmarks_for
from tests.analytics.dashboard_helpers import (
    add_answers,
    dashboard_url,
    make_survey,
    make_team,
    today,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    team = make_team()
    surveys = [make_survey(team.workspace, "Relationship"), make_survey(team.workspace, "Support")]
    add_answers(surveys, 120, days=80)
    return team, surveys


def test_a_goal_is_drawn_on_the_trend_and_compared_with_the_headline(shop):
    team, _ = shop
    dana = team.client_for(team.dana)
    view = "segment=channel&by=week"
    response = dana.post(
        f"/w/{team.workspace.pk}/dashboard/goal/", {"nps": "40", "survey": "", "view": view}
    )
    assert response.status_code == 302
    assert (
        response["Location"]
        == f"/w/{team.workspace.pk}/dashboard/?segment=channel&by=week#headline"
    )
    page = dana.get(dashboard_url(team, view))
    dashboard = page.context["dashboard"]
    assert dashboard.goal.nps == 40
    assert dashboard.goal_gap == pytest.approx(dashboard.headline.summary.nps - 40)
    html = page.content.decode()
    assert "Goal: NPS 40" in html
    assert 'stroke="#009E73"' in html  # the dashed goal line on the trend
    assert "Goal 40" in html


def test_a_surveys_own_goal_wins_when_that_survey_is_chosen(shop):
    team, surveys = shop
    DashboardGoal.objects.create(workspace=team.workspace, nps=30)
    DashboardGoal.objects.create(workspace=team.workspace, survey=surveys[1], nps=55)
    alice = team.client_for(team.alice)
    assert (
        alice.get(
            dashboard_url(
                team,
            )
        )
        .context["dashboard"]
        .goal.nps
        == 30
    )
    chosen = alice.get(dashboard_url(team, f"survey={surveys[1].pk}")).context["dashboard"]
    assert chosen.goal.nps == 55


def test_an_empty_goal_removes_it_and_an_impossible_one_is_refused(shop):
    team, _ = shop
    DashboardGoal.objects.create(workspace=team.workspace, nps=30)
    alice = team.client_for(team.alice)
    url = f"/w/{team.workspace.pk}/dashboard/goal/"
    follow = alice.post(url, {"nps": "140"}, follow=True)
    assert "Goal NPS: Ensure this value is less than or equal to 100." in follow.content.decode()
    assert DashboardGoal.objects.get().nps == 30
    alice.post(url, {"nps": ""})
    assert not DashboardGoal.objects.exists()


def test_annotations_appear_numbered_on_the_chart_and_in_the_list(shop):
    team, _surveys = shop
    dana = team.client_for(team.dana)
    day = today() - timedelta(days=20)
    dana.post(
        f"/w/{team.workspace.pk}/dashboard/annotations/",
        {"day": day.isoformat(), "label": "Price <change>", "survey": ""},
    )
    Annotation.objects.create(workspace=team.workspace, day=day - timedelta(days=200), label="Old")
    html = dana.get(
        dashboard_url(
            team,
        )
    ).content.decode()
    assert "Price &lt;change&gt;" in html
    assert "Price <change>" not in html
    assert f"<title>{day.isoformat()}: Price &lt;change&gt;</title>" in html
    assert "Old" not in html  # outside the range shown
    annotation = Annotation.objects.get(label="Price <change>")
    dana.post(f"/w/{team.workspace.pk}/dashboard/annotations/{annotation.pk}/remove/")
    assert not Annotation.objects.filter(pk=annotation.pk).exists()


def test_an_annotation_for_one_survey_shows_only_with_that_survey(shop):
    team, surveys = shop
    Annotation.objects.create(
        workspace=team.workspace, survey=surveys[0], day=today(), label="Only relationship"
    )
    alice = team.client_for(team.alice)
    assert (
        "Only relationship"
        in alice.get(
            dashboard_url(
                team,
            )
        ).content.decode()
    )
    assert (
        "Only relationship"
        in alice.get(dashboard_url(team, f"survey={surveys[0].pk}")).content.decode()
    )
    assert (
        "Only relationship"
        not in alice.get(dashboard_url(team, f"survey={surveys[1].pk}")).content.decode()
    )


def test_industry_benchmarks_show_their_source_and_year_beside_your_nps(shop):
    team, _ = shop
    page = team.client_for(team.bob).get(
        dashboard_url(
            team,
        )
    )  # Shop's industry is "banks"
    html = page.content.decode()
    assert page.context["query"].industry == "banks"
    for benchmark in benchmarks_for("banks"):
        assert benchmark.source in html
        if benchmark.year:
            assert f'<td class="number">{benchmark.year}</td>' in html
    assert "Your NPS (this view)" in html
    other = team.client_for(team.bob).get(dashboard_url(team, "industry=telecom")).content.decode()
    assert "Industry norms cited by a Kazakh NPS guide" in other
    assert "NAFI, 2016" not in other


def test_custom_benchmarks_can_be_added_and_removed(shop):
    team, _ = shop
    dana = team.client_for(team.dana)
    dana.post(
        f"/w/{team.workspace.pk}/dashboard/benchmarks/",
        {"label": "Rival Bank", "nps": "21.5", "source": "Rival's annual report", "year": "2024"},
    )
    html = dana.get(
        dashboard_url(
            team,
        )
    ).content.decode()
    assert "Rival Bank" in html
    assert "Rival&#x27;s annual report" in html
    benchmark = CustomBenchmark.objects.get()
    assert (benchmark.nps, benchmark.year, benchmark.created_by) == (21.5, 2024, team.dana)
    dana.post(f"/w/{team.workspace.pk}/dashboard/benchmarks/{benchmark.pk}/remove/")
    assert not CustomBenchmark.objects.exists()


def test_a_form_cannot_send_the_reader_to_another_site(shop):
    team, _ = shop
    response = team.client_for(team.alice).post(
        f"/w/{team.workspace.pk}/dashboard/goal/",
        {"nps": "10", "view": "//evil.example/x?y=1"},
    )
    assert response["Location"].startswith(f"/w/{team.workspace.pk}/dashboard/?")
