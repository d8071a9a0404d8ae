"""The browser's filters (dates, survey, channel, class, attributes) match the dashboard's, live in
the URL, and a wrong one is named instead of silently ignored."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from opennps.analytics.dashboard_queries import start_of_local_day as start_of_day
from tests.reports.helpers import answer, make_shop, make_survey, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    shop = make_shop()
    shop.second = make_survey(shop.workspace, "Support")
    now = timezone.now()
    answer(shop.survey, 10, "north web promoter", attributes={"region": "North", "store": 12})
    answer(shop.survey, 3, "south email detractor", channel="email", attributes={"region": "South"})
    answer(
        shop.second, 8, "support passive in russian", language="ru", attributes={"region": "North"}
    )
    answer(shop.survey, 1, "old one", created_at=now - timedelta(days=40))
    return shop


def shown(shop, **params) -> str:
    page = shop.client_for(shop.alice).get(shop.url("responses/"), params)
    assert page.status_code == 200, page.content[:500]
    return page_text(page)


def test_each_filter_narrows_the_list(shop):
    assert "south email detractor" not in shown(shop, channel="web")
    assert "north web promoter" not in shown(shop, **{"class": "detractor"})
    only_support = shown(shop, survey=shop.second.pk)
    assert "support passive in russian" in only_support
    assert "north web promoter" not in only_support


def test_attribute_filters_must_all_match_and_numbers_match_their_text(shop):
    north = shown(shop, attribute="region:North")
    assert "north web promoter" in north and "support passive in russian" in north
    assert "south email detractor" not in north
    both = shop.client_for(shop.alice).get(
        shop.url("responses/"), {"attribute": ["region:North", "store:12"]}
    )
    assert "north web promoter" in page_text(both)
    assert "support passive in russian" not in page_text(both)


def test_the_short_attr_parameter_and_language_work_like_on_the_dashboard(shop):
    russian = shown(shop, attr="language:ru")
    assert "support passive in russian" in russian
    assert "north web promoter" not in russian


def test_dates_are_whole_local_days_both_included(shop):
    today = timezone.localdate()
    recent = shown(shop, **{"from": (today - timedelta(days=7)).isoformat()})
    assert "old one" not in recent and "north web promoter" in recent
    old = shown(shop, to=(today - timedelta(days=30)).isoformat())
    assert "old one" in old and "north web promoter" not in old
    # A response at the very first moment of a day belongs to that day.
    answer(shop.survey, 6, "midnight", created_at=start_of_day(today - timedelta(days=3)))
    day = (today - timedelta(days=3)).isoformat()
    assert "midnight" in shown(shop, **{"from": day, "to": day})


def test_the_filters_stay_in_every_link_of_the_page(shop):
    text = shown(shop, channel="web", attribute="region:North", q="north")

    assert "export.csv?channel=web&amp;attribute=region%3ANorth&amp;q=north" in text
    assert "report.html?channel=web&amp;attribute=region%3ANorth" in text
    # The chip that removes one filter keeps the others.
    assert 'href="?attribute=region%3ANorth&amp;q=north"' in text


def test_clicking_an_attribute_adds_it_to_the_filters(shop):
    text = shown(shop, channel="web")

    assert 'href="?channel=web&amp;attribute=region%3ANorth"' in text


def test_a_wrong_filter_is_named_and_the_rest_still_applies(shop):
    page = shop.client_for(shop.alice).get(
        shop.url("responses/"),
        {"from": "31.12.2024", "channel": ["web", "pigeon"], "survey": shop.other_survey.pk},
    )

    text = page_text(page)
    assert page.status_code == 400
    assert "from: &#x27;31.12.2024&#x27; is not a date; write it as YYYY-MM-DD" in text
    assert "channel: &#x27;pigeon&#x27; is not one of" in text
    assert f"survey: there is no survey &#x27;{shop.other_survey.pk}&#x27; here." in text
    assert "south email detractor" not in text  # channel=web still applies
    assert "north web promoter" in text
