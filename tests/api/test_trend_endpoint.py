"""GET /api/v1/surveys/{id}/trend: one row per period, each equal to opennps.stats on raw scores."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, datetime, timedelta

import pytest

from opennps.analytics.periods import period_label, period_start
from opennps.analytics.rollups import local_day
from opennps.responses.models import Response
from opennps.stats import Histogram, summarize

pytestmark = pytest.mark.django_db

SUMMARY_KEYS = {
    "n", "promoters", "passives", "detractors", "nps", "ci_low", "ci_high", "confidence", "method",
}  # fmt: skip
T0 = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def answered(survey_a, enps_a, make_response):
    randomness = random.Random(5)
    for _ in range(260):
        make_response(
            survey_a,
            randomness.randint(0, 10),
            channel=randomness.choice(["web", "email"]),
            attributes={"store": randomness.choice(["12", "14"])},
            created_at=T0
            + timedelta(days=randomness.randint(0, 400), hours=randomness.randint(0, 23)),
        )
    make_response(enps_a, 0, created_at=T0)  # another survey: never counted
    return survey_a


def expected_rows(survey, by, keep=lambda response: True, **summary_options):
    periods = defaultdict(Histogram.empty)
    for response in Response.objects.filter(survey=survey):
        if keep(response):
            start = period_start(local_day(response.created_at), by)
            periods[start] += Histogram.from_scores([response.score])
    return [
        {"period": period_label(start, by), **summarize(h, **summary_options).to_dict()}
        for start, h in sorted(periods.items())
    ]


@pytest.mark.parametrize("by", ["day", "week", "month", "quarter"])
def test_each_period_equals_the_statistics_of_its_raw_scores(admin_a, answered, by):
    body = admin_a.get(f"/api/v1/surveys/{answered.pk}/trend", {"by": by}).json()
    assert body["by"] == by
    assert body["items"] == expected_rows(answered, by)
    assert set(body["items"][0]) == SUMMARY_KEYS | {"period"}


def test_month_is_the_default_period(admin_a, answered):
    body = admin_a.get(f"/api/v1/surveys/{answered.pk}/trend").json()
    assert body["by"] == "month"
    assert body["items"][0]["period"] == "2024-01"


def test_the_summary_filters_apply(admin_a, answered):
    first, last = T0.date() + timedelta(days=30), T0.date() + timedelta(days=200)
    params = {"by": "quarter", "from": first.isoformat(), "to": last.isoformat(),
              "channel": "email", "attribute": "store:12", "class": "promoter"}  # fmt: skip
    body = admin_a.get(f"/api/v1/surveys/{answered.pk}/trend", params).json()
    assert body["items"] == expected_rows(
        answered,
        "quarter",
        lambda r: (
            first <= local_day(r.created_at) <= last
            and r.channel == "email"
            and r.attributes["store"] == "12"
            and r.nps_class == "promoter"
        ),
    )


def test_confidence_and_method_apply_to_every_row(admin_a, answered):
    body = admin_a.get(
        f"/api/v1/surveys/{answered.pk}/trend",
        {"by": "quarter", "confidence": 0.9, "method": "wald"},
    ).json()
    assert body["items"] == expected_rows(answered, "quarter", confidence=0.9, method="wald")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"by": "year"}, "query.by"),
        ({"from": "soon"}, "query.from"),
        ({"channel": "fax"}, "query.channel"),
    ],
)
def test_bad_parameters_are_422_naming_the_field(admin_a, answered, params, field):
    response = admin_a.get(f"/api/v1/surveys/{answered.pk}/trend", params)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field


def test_an_enps_period_of_fewer_than_five_answers_is_omitted(admin_a, enps_a, make_response):
    for day, count in ((0, 6), (40, 2), (80, 7)):
        for index in range(count):
            make_response(enps_a, index % 11, created_at=T0 + timedelta(days=day))
    body = admin_a.get(f"/api/v1/surveys/{enps_a.pk}/trend", {"by": "month"}).json()
    # February's 2 answers are hidden; that leaves 2 hidden, so the smallest shown month goes too.
    assert [row["period"] for row in body["items"]] == ["2024-03"]
    assert body["periods_omitted"] == 2
