"""Every figure on the dashboard equals opennps.stats applied to the raw scores it counts.

Answers are made through responses.actions (so the rollup is kept as in production); the expected
figures come from the responses themselves, filtered in Python. Both the page's context and the
rendered HTML are checked, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

import pytest

from opennps.analytics.models import SegmentDimension
from opennps.analytics.periods import period_label, period_start, previous_range
from opennps.analytics.rollups import local_day
from opennps.stats import Histogram, compare_independent, summarize
from tests.analytics.dashboard_helpers import (
    add_answers,
    dashboard_url,
    histogram_of,
    in_range,
    make_survey,
    make_team,
    raw,
    today,
)

pytestmark = pytest.mark.django_db

REGIONS = ["North", "South", "East"]
AGENTS = ["olga", "ivan", "aigerim", "boris"]


@pytest.fixture
def shop():
    team = make_team()
    # region is a segment (in the rollup); agent is not, so filtering on it needs raw rows.
    SegmentDimension.objects.create(workspace=team.workspace, key="region")
    surveys = [make_survey(team.workspace, "Relationship"), make_survey(team.workspace, "Support")]
    add_answers(surveys, 420, days=200, attributes={"region": REGIONS, "agent": AGENTS}, seed=11)
    other = make_survey(team.other_workspace, "Theirs")
    add_answers([other], 40, attributes={"region": REGIONS}, seed=12)
    return team, surveys


def render(team, query: str = ""):
    response = team.client_for(team.alice).get(dashboard_url(team, query))
    assert response.status_code == 200, response.content[:500]
    return response


def value_of(response, group: str, surveys) -> str:
    if group == "channel":
        return response.channel
    if group == "language":
        return response.language
    if group == "survey":
        return str(response.survey_id)
    return str(response.attributes.get(group, ""))


def test_the_headline_and_the_change_equal_the_statistics_of_the_raw_scores(shop):
    team, _surveys = shop
    page = render(team)
    dashboard = page.context["dashboard"]
    end = today()
    start = end - timedelta(days=89)
    current = histogram_of(raw(team.workspace, in_range(start, end)))
    before_start, before_end = previous_range(start, end)
    before = histogram_of(raw(team.workspace, in_range(before_start, before_end)))

    assert dashboard.headline.histogram == current
    assert dashboard.headline.summary == summarize(current)
    assert dashboard.change.previous == summarize(before)
    assert dashboard.change.comparison == compare_independent(before, current)
    html = page.content.decode()
    assert f">{summarize(current).nps:.1f}<" in html
    assert f"n = {current.n}" in html
    assert f"then NPS {summarize(before).nps:.1f}, n = {before.n}" in html


@pytest.mark.parametrize("by", ["day", "week", "month", "quarter"])
def test_every_trend_point_equals_the_raw_scores_of_its_period(shop, by):
    team, _surveys = shop
    start = today() - timedelta(days=179)
    query = (
        f"from={start.isoformat()}&by={by}"
        if by != "day"
        else f"from={(today() - timedelta(days=59)).isoformat()}&by=day"
    )
    dashboard = render(team, query).context["dashboard"]
    first = dashboard.query.filters.date_from
    expected: dict = defaultdict(Histogram.empty)
    for response in raw(team.workspace, in_range(first, today())):
        expected[period_start(local_day(response.created_at), by)] += histogram_of([response])
    assert [(p.start, p.label, p.summary) for p in dashboard.trend] == [
        (start_day, period_label(start_day, by), summarize(histogram))
        for start_day, histogram in sorted(expected.items())
    ]


@pytest.mark.parametrize("group", ["region", "channel", "language", "survey"])
def test_every_segment_row_and_its_difference_from_the_rest_equal_raw(shop, group):
    team, surveys = shop
    dashboard = render(team, f"segment={group}&sort=value").context["dashboard"]
    start = today() - timedelta(days=89)
    answers = raw(team.workspace, in_range(start, today()))
    everyone = histogram_of(answers)
    groups: dict = defaultdict(list)
    for response in answers:
        groups[value_of(response, group, surveys)].append(response)
    assert {row.key for row in dashboard.segment_rows} == set(groups)
    for row in dashboard.segment_rows:
        mine = histogram_of(groups[row.key])
        rest = Histogram(tuple(a - b for a, b in zip(everyone.counts, mine.counts, strict=True)))
        assert row.summary == summarize(mine), row.key
        assert row.comparison == compare_independent(rest, mine), row.key


VIEWS = [
    # query string, which answers it keeps
    ("survey={first}", lambda r, s: r.survey_id == s[0].pk),
    ("channel=email&channel=sms", lambda r, s: r.channel in ("email", "sms")),
    ("class=detractor", lambda r, s: r.nps_class == "detractor"),
    ("attribute=region:North", lambda r, s: r.attributes["region"] == "North"),
    ("attribute=agent:olga", lambda r, s: r.attributes["agent"] == "olga"),
    ("attribute=language:ru", lambda r, s: r.language == "ru"),
    (
        "attribute=region:South&attribute=agent:ivan&class=promoter&class=passive",
        lambda r, s: (
            r.attributes["region"] == "South"
            and r.attributes["agent"] == "ivan"
            and r.nps_class in ("promoter", "passive")
        ),
    ),
]


@pytest.mark.parametrize(("query", "keep"), VIEWS)
@pytest.mark.parametrize("group", ["region", "channel"])
def test_filtered_views_equal_the_raw_scores_they_choose(shop, query, keep, group):
    team, surveys = shop
    start = today() - timedelta(days=179)
    full_query = query.format(first=surveys[0].pk) + f"&from={start.isoformat()}&by=month"
    dashboard = render(team, full_query + f"&segment={group}").context["dashboard"]
    chosen = raw(team.workspace, lambda r: in_range(start, today())(r) and keep(r, surveys))
    assert dashboard.headline.summary == summarize(histogram_of(chosen))
    months: dict = defaultdict(Histogram.empty)
    for response in chosen:
        months[period_start(local_day(response.created_at), "month")] += histogram_of([response])
    assert [(p.start, p.summary) for p in dashboard.trend] == [
        (month, summarize(histogram)) for month, histogram in sorted(months.items())
    ]
    groups: dict = defaultdict(list)
    for response in chosen:
        groups[value_of(response, group, surveys)].append(response)
    assert {row.key: row.summary for row in dashboard.segment_rows} == {
        key: summarize(histogram_of(members)) for key, members in groups.items()
    }
