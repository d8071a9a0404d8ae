"""GET /api/v1/surveys/{id}/segments?by=…: one row per group, each equal to stats on raw scores."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opennps.analytics.models import SegmentDimension
from opennps.analytics.rollups import rebuild
from opennps.responses.models import Response
from opennps.stats import Histogram, summarize

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(survey_a, enps_a, make_response):
    SegmentDimension.objects.create(workspace=survey_a.workspace, key="region")
    randomness = random.Random(9)
    for _ in range(200):
        make_response(
            survey_a,
            randomness.randint(0, 10),
            channel=randomness.choice(["web", "email", "sms"]),
            language=randomness.choice(["en", "ru", ""]),
            attributes={
                "region": randomness.choice(["North", "South"]),
                # Stored as a number or as text: both are the group "12".
                "store": randomness.choice(["12", 12, "14", None]),
            },
        )
    make_response(enps_a, 0, attributes={"region": "North"})
    return survey_a


def expected(survey, value_of, keep=lambda r: True):
    groups = defaultdict(Histogram.empty)
    for response in Response.objects.filter(survey=survey):
        value = value_of(response)
        if keep(response) and value not in (None, ""):
            groups[str(value)] += Histogram.from_scores([response.score])
    return [{"value": value, **summarize(h).to_dict()} for value, h in sorted(groups.items())]


GROUPINGS = {
    "region": lambda r: r.attributes.get("region"),  # a segment: read from the rollup
    "store": lambda r: r.attributes.get("store"),  # not a segment: counted from responses
    "language": lambda r: r.language,
    "channel": lambda r: r.channel,
    "survey": lambda r: r.survey_id,
}


@pytest.mark.parametrize("by", list(GROUPINGS))
def test_each_group_equals_the_statistics_of_its_raw_scores(admin_a, answered, by):
    body = admin_a.get(f"/api/v1/surveys/{answered.pk}/segments", {"by": by}).json()
    assert body["by"] == by
    assert body["items"] == expected(answered, GROUPINGS[by])
    assert body["groups_omitted"] == 0


@pytest.mark.parametrize("by", ["region", "store", "channel"])
def test_the_summary_filters_apply(admin_a, answered, by):
    params = {"by": by, "attribute": "region:South", "channel": "web"}
    body = admin_a.get(f"/api/v1/surveys/{answered.pk}/segments", params).json()
    assert body["items"] == expected(
        answered, GROUPINGS[by], lambda r: r.attributes["region"] == "South" and r.channel == "web"
    )


def test_an_attribute_nobody_has_gives_no_rows(admin_a, answered):
    body = admin_a.get(f"/api/v1/surveys/{answered.pk}/segments", {"by": "shoe_size"}).json()
    assert body == {"by": "shoe_size", "items": [], "groups_omitted": 0}


@pytest.mark.parametrize("by", ["", "two words", "a" * 51, "region:North"])
def test_a_bad_grouping_is_422(admin_a, answered, by):
    response = admin_a.get(f"/api/v1/surveys/{answered.pk}/segments", {"by": by})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "query.by"


def test_by_is_required(admin_a, answered):
    response = admin_a.get(f"/api/v1/surveys/{answered.pk}/segments")
    assert response.status_code == 422
    assert response.json()["errors"][0] == {
        "field": "query.by",
        "message": "This field is required.",
    }


def test_enps_groups_under_five_are_omitted(admin_a, enps_a, make_response):
    for department, size in (("Sales", 9), ("Legal", 2), ("Finance", 3), ("Logistics", 6)):
        for index in range(size):
            make_response(enps_a, index % 11, attributes={"department": department})
    body = admin_a.get(f"/api/v1/surveys/{enps_a.pk}/segments", {"by": "department"}).json()
    # Legal and Finance together hold 5: hidden, they cannot be told apart by subtraction.
    assert [row["value"] for row in body["items"]] == ["Logistics", "Sales"]
    assert body["groups_omitted"] == 2


def test_a_lone_small_enps_group_takes_the_next_smallest_with_it(admin_a, enps_a, make_response):
    for department, size in (("Sales", 9), ("Legal", 2), ("Logistics", 6)):
        for index in range(size):
            make_response(enps_a, index % 11, attributes={"department": department})
    body = admin_a.get(f"/api/v1/surveys/{enps_a.pk}/segments", {"by": "department"}).json()
    # Omitting Legal alone would let summary minus Sales minus Logistics reveal its 2 answers.
    assert [row["value"] for row in body["items"]] == ["Sales"]
    assert body["groups_omitted"] == 2


def test_the_summary_trend_and_segments_read_the_rollup_when_it_holds_the_answer(admin_a, answered):
    base = f"/api/v1/surveys/{answered.pk}"
    for path, params in (
        ("/summary", {"attribute": "region:North"}),
        ("/trend", {"channel": "email"}),
        ("/segments", {"by": "region"}),
    ):
        with CaptureQueriesContext(connection) as captured:
            assert admin_a.get(base + path, params).status_code == 200
        sql = " ".join(query["sql"] for query in captured.captured_queries)
        assert "analytics_rollup" in sql, path
        assert "responses_response" not in sql, path
    # A rebuild from raw rows changes nothing the endpoints answer.
    before = admin_a.get(base + "/segments", {"by": "region"}).json()
    rebuild([answered.workspace_id])
    assert admin_a.get(base + "/segments", {"by": "region"}).json() == before
