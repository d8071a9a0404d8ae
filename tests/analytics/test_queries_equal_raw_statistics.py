"""Every figure the queries give equals opennps.stats applied to the raw responses."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta

import pytest
from django.utils import timezone

from opennps.accounts.actions.setup import create_admin
from opennps.analytics.dashboard_queries import headline, segments, trend
from opennps.analytics.models import SegmentDimension
from opennps.analytics.periods import period_start, previous_range
from opennps.analytics.queries import Filters
from opennps.analytics.rollups import local_day
from opennps.responses.actions import Answer, create_response
from opennps.responses.models import Response
from opennps.stats import Histogram
from opennps.surveys.models import Survey
from opennps.surveys.versions import publish_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    workspace = create_admin("alice@shop.example", "long-pass-123", "Shop").workspace
    other = create_admin("charlie@other.example", "long-pass-123", "Other").workspace
    SegmentDimension.objects.create(workspace=workspace, key="region")
    SegmentDimension.objects.create(workspace=workspace, key="plan")
    surveys = []
    for target, name in ((workspace, "A"), (workspace, "B"), (other, "C")):
        survey = Survey.objects.create(workspace=target, name=name, brand="Shop")
        publish_version(survey)
        surveys.append(survey)
    randomness = random.Random(7)
    now = timezone.now()
    for _ in range(300):
        create_response(
            randomness.choice(surveys),
            Answer(
                score=randomness.randint(0, 10),
                channel=randomness.choice(["web", "email"]),
                language=randomness.choice(["en", "ru"]),
                attributes={
                    "region": randomness.choice(["North", "South"]),
                    "plan": randomness.choice(["basic", "premium"]),
                },
            ),
            created_at=now
            - timedelta(days=randomness.randint(0, 200), minutes=randomness.randint(0, 1440)),
        )
    return workspace, surveys


def raw(workspace, keep=lambda response: True) -> list[Response]:
    return [r for r in Response.objects.filter(workspace=workspace) if keep(r)]


def histogram_of(responses) -> Histogram:
    return Histogram.from_scores(response.score for response in responses)


def test_the_headline_equals_the_raw_histogram_and_ignores_other_workspaces(data):
    workspace, _ = data
    assert headline(Filters(workspace.pk)) == histogram_of(raw(workspace))


def test_a_date_range_survey_and_channel_filter_match_raw(data):
    workspace, surveys = data
    today = local_day(timezone.now())
    start, end = today - timedelta(days=90), today - timedelta(days=30)
    filters = Filters(workspace.pk, (surveys[0].pk,), start, end, ("email",))
    expected = histogram_of(
        raw(
            workspace,
            lambda r: (
                r.survey_id == surveys[0].pk
                and r.channel == "email"
                and start <= local_day(r.created_at) <= end
            ),
        )
    )
    assert headline(filters) == expected


@pytest.mark.parametrize("by", ["day", "week", "month", "quarter"])
def test_the_trend_equals_raw_histograms_per_period(data, by):
    workspace, _ = data
    expected: dict[date, Histogram] = defaultdict(Histogram.empty)
    for response in raw(workspace):
        expected[period_start(local_day(response.created_at), by)] += Histogram.from_scores(
            [response.score]
        )
    assert trend(Filters(workspace.pk), by) == sorted(expected.items())


@pytest.mark.parametrize("by", ["region", "plan", "language", "channel"])
def test_segments_equal_raw_histograms_per_value(data, by):
    workspace, _ = data
    expected: dict[str, Histogram] = defaultdict(Histogram.empty)
    for response in raw(workspace):
        value = (
            response.language
            if by == "language"
            else response.channel
            if by == "channel"
            else response.attributes[by]
        )
        expected[value] += Histogram.from_scores([response.score])
    assert segments(Filters(workspace.pk), by) == sorted(expected.items())


def test_two_attribute_filters_and_a_class_filter_use_raw_rows_with_the_same_answer(data):
    workspace, _ = data
    filters = Filters(
        workspace.pk, attributes=(("region", "North"), ("plan", "basic")), classes=("detractor",)
    )
    assert filters.needs_raw_rows
    expected = raw(
        workspace,
        lambda r: (
            r.attributes["region"] == "North"
            and r.attributes["plan"] == "basic"
            and r.nps_class == "detractor"
        ),
    )
    assert headline(filters) == histogram_of(expected)
    by_language = dict(segments(filters, "language"))
    for language in ("en", "ru"):
        assert by_language.get(language, Histogram.empty()) == histogram_of(
            [r for r in expected if r.language == language]
        )


def test_one_attribute_filter_with_another_segment_falls_back_to_raw_rows(data):
    workspace, _ = data
    filters = Filters(workspace.pk, attributes=(("region", "South"),))
    result = dict(segments(filters, "plan"))
    for plan in ("basic", "premium"):
        assert result[plan] == histogram_of(
            raw(
                workspace,
                lambda r, p=plan: r.attributes["region"] == "South" and r.attributes["plan"] == p,
            )
        )


def test_the_previous_period_has_the_same_length_and_ends_the_day_before():
    assert previous_range(date(2026, 3, 1), date(2026, 3, 31)) == (
        date(2026, 1, 29),
        date(2026, 2, 28),
    )
