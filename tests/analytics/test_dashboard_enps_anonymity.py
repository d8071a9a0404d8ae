"""eNPS: no figure on fewer than 5 people is shown, and none can be worked out from what is shown.

Hiding the small groups is not enough when the total stands beside them: total minus the
visible groups would be the hidden group. So the smallest visible groups are hidden too until
what is hidden holds nobody or at least 5 people.
"""

from __future__ import annotations

import random
from datetime import timedelta
from itertools import combinations

import pytest
from django.utils import timezone

from opennps.analytics.dashboard_anonymity import shown_groups
from opennps.analytics.models import SegmentDimension
from opennps.responses.actions import Answer, create_response
from opennps.stats import Histogram
from tests.analytics.dashboard_helpers import dashboard_url, make_survey, make_team

pytestmark = pytest.mark.django_db


def group(n: int) -> Histogram:
    return Histogram.from_counts({9: n})


def test_groups_under_five_are_hidden():
    shown, hidden = shown_groups([("a", group(12)), ("b", group(3)), ("c", group(2))], 17)
    assert [key for key, _ in shown] == ["a"]
    assert hidden == 2


def test_a_lone_small_group_takes_the_next_smallest_with_it():
    # Hiding only "c" (3) would leave 22 - 12 - 7 = 3: c's answers, by subtraction.
    shown, hidden = shown_groups([("a", group(12)), ("b", group(7)), ("c", group(3))], 22)
    assert [key for key, _ in shown] == ["a"]
    assert hidden == 2


def test_answers_in_no_group_count_as_hidden():
    # 3 people gave no department: the total minus the one group would show their answers.
    shown, _ = shown_groups([("a", group(12))], 15)
    assert shown == []


def test_a_total_under_five_shows_no_group():
    assert shown_groups([("a", group(2)), ("b", group(2))], 4) == ([], 2)


@pytest.mark.parametrize("seed", range(40))
def test_no_hidden_remainder_ever_holds_one_to_four_people(seed):
    randomness = random.Random(seed)
    sizes = [
        randomness.choice([1, 2, 3, 4, 5, 6, 8, 13, 30]) for _ in range(randomness.randint(1, 7))
    ]
    missing = randomness.choice([0, 0, 1, 3, 6])
    groups = [(f"g{index}", group(size)) for index, size in enumerate(sizes)]
    total = sum(sizes) + missing
    shown, hidden = shown_groups(groups, total)
    assert all(histogram.n >= 5 for _, histogram in shown)
    if total < 5:
        # The page hides the total itself then (test_a_filter_down_to_fewer_than_five_people…).
        assert shown == []
        return
    remainder = total - sum(histogram.n for _, histogram in shown)
    assert remainder == 0 or remainder >= 5
    # Nor can any subset of the visible groups together with the total isolate fewer than 5.
    for size in range(1, len(shown) + 1):
        for subset in combinations(shown, size):
            rest = total - sum(histogram.n for _, histogram in subset)
            assert rest == 0 or rest >= 5
    assert hidden == len(groups) - len(shown)


@pytest.fixture
def people():
    team = make_team()
    SegmentDimension.objects.create(workspace=team.workspace, key="department")
    survey = make_survey(team.workspace, "Pulse", kind="employee")
    now = timezone.now()
    sizes = {"Sales": 12, "Logistics": 7, "Legal": 3}
    for department, size in sizes.items():
        for index in range(size):
            create_response(
                survey,
                Answer(score=index % 11, channel="web", attributes={"department": department}),
                created_at=now - timedelta(days=2, hours=index),
            )
    return team, survey


def test_the_page_never_shows_a_small_group_nor_one_that_would_reveal_it(people):
    team, _survey = people
    response = team.client_for(team.alice).get(dashboard_url(team, "segment=department"))
    dashboard = response.context["dashboard"]
    assert [row.key for row in dashboard.segment_rows] == ["Sales"]
    assert dashboard.segments_hidden == 2
    html = response.content.decode()
    assert "Legal" not in html
    assert "Logistics" not in html
    assert "Some groups are not shown" in html


def test_a_filter_down_to_fewer_than_five_people_shows_nothing(people):
    team, _survey = people
    response = team.client_for(team.alice).get(
        dashboard_url(team, "attribute=department:Legal&segment=channel")
    )
    dashboard = response.context["dashboard"]
    assert dashboard.headline.hidden
    assert dashboard.trend == []
    assert dashboard.segment_rows == []
    html = response.content.decode()
    assert "Fewer than 5 people answered in this view" in html
    assert "n = 3" not in html
    assert 'data-figure="n"' not in html


def test_the_api_omits_the_same_groups(people, client):
    from opennps.accounts.actions.api_keys import create_api_key

    team, survey = people
    _key, secret = create_api_key(team.workspace, ["read"])
    body = client.get(
        f"/api/v1/surveys/{survey.pk}/segments", {"by": "department"}, headers={"X-Api-Key": secret}
    ).json()
    assert [row["value"] for row in body["items"]] == ["Sales"]
    assert body["groups_omitted"] == 2


def test_customer_surveys_show_small_groups_flagged_instead(people):
    team, _survey = people
    customers = make_survey(team.workspace, "Customers")
    for score in (9, 10, 3):
        create_response(
            customers, Answer(score=score, channel="web", attributes={"department": "Tiny"})
        )
    response = team.client_for(team.alice).get(
        dashboard_url(team, f"survey={customers.pk}&segment=department")
    )
    [row] = response.context["dashboard"].segment_rows
    assert (row.key, row.summary.n, row.low_sample) == ("Tiny", 3, True)
    assert "small sample" in response.content.decode()
