"""GET /api/v1/surveys/{id}/summary: the headline, equal to opennps.stats on the raw scores."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from opennps.stats import Histogram, summarize

pytestmark = pytest.mark.django_db

HEADLINE_KEYS = {
    "n", "promoters", "passives", "detractors", "nps", "ci_low", "ci_high", "confidence", "method",
}  # fmt: skip
T0 = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)


def test_the_summary_equals_the_statistics_of_the_raw_scores(admin_a, survey_a, make_response):
    generator = random.Random(7)
    scores = [generator.choice([0, 3, 5, 6, 7, 8, 8, 9, 9, 10, 10, 10]) for _ in range(157)]
    for score in scores:
        make_response(survey_a, score)
    body = admin_a.get(f"/api/v1/surveys/{survey_a.pk}/summary").json()
    assert set(body) == HEADLINE_KEYS
    assert body == summarize(Histogram.from_scores(scores)).to_dict()
    assert body["n"] == 157


@pytest.mark.parametrize("method", ["adjusted-wald", "wald", "bayesian"])
def test_the_confidence_and_method_can_be_chosen(admin_a, survey_a, make_response, method):
    scores = [10, 9, 9, 8, 7, 6, 2, 10, 10, 0, 9]
    for score in scores:
        make_response(survey_a, score)
    body = admin_a.get(
        f"/api/v1/surveys/{survey_a.pk}/summary", {"confidence": 0.9, "method": method}
    ).json()
    assert body == summarize(Histogram.from_scores(scores), 0.9, method).to_dict()


def test_the_summary_takes_the_list_filters(admin_a, survey_a, enps_a, make_response):
    make_response(survey_a, 10, created_at=T0, channel="email")
    make_response(survey_a, 0, created_at=T0 + timedelta(days=5), attributes={"store": "12"})
    make_response(survey_a, 9, created_at=T0 + timedelta(days=5), attributes={"store": "12"})
    make_response(enps_a, 0, created_at=T0)
    url = f"/api/v1/surveys/{survey_a.pk}/summary"
    assert admin_a.get(url).json()["n"] == 3
    window = admin_a.get(url, {"from": "2024-01-03", "to": "2024-01-31"}).json()
    assert window == summarize(Histogram.from_scores([0, 9])).to_dict()
    assert admin_a.get(url, {"attribute": "store:12"}).json()["n"] == 2
    assert admin_a.get(url, {"channel": "email"}).json()["promoters"] == 1


def test_a_survey_without_responses_has_n_zero_and_no_figures(admin_a, survey_a):
    body = admin_a.get(f"/api/v1/surveys/{survey_a.pk}/summary").json()
    assert body["n"] == 0
    assert body["nps"] is None
    assert body["ci_low"] is None
    assert body["ci_high"] is None


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"confidence": 1}, "query.confidence"),
        ({"confidence": 0}, "query.confidence"),
        ({"confidence": "high"}, "query.confidence"),
        ({"method": "exact"}, "query.method"),
    ],
)
def test_bad_summary_options_are_422(admin_a, survey_a, params, field):
    response = admin_a.get(f"/api/v1/surveys/{survey_a.pk}/summary", params)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field
