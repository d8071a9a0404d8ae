"""Every number in the segment export equals opennps.stats applied to the raw responses: each
group's summary, and its difference from everyone else with the test's p-value."""

from __future__ import annotations

import io
import random
from datetime import timedelta

import openpyxl
import pytest
from django.utils import timezone

from opennps.analytics.models import SegmentDimension
from opennps.responses.models import Response
from opennps.stats import Histogram, compare_independent, summarize
from tests.reports.helpers import answer, csv_rows, downloaded, make_shop, make_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    shop = make_shop()
    SegmentDimension.objects.create(workspace=shop.workspace, key="region")
    shop.second = make_survey(shop.workspace, "Support")
    randomness = random.Random(11)
    now = timezone.now()
    for _ in range(400):
        region = randomness.choice(["North", "South", "East"])
        # Regions differ on purpose, so some differences are significant.
        score = min(10, randomness.randint(0, 10) + {"North": 2, "South": -2, "East": 0}[region])
        answer(
            randomness.choice([shop.survey, shop.second]),
            max(0, score),
            channel=randomness.choice(["web", "email", "sms"]),
            attributes={"region": region} if randomness.random() > 0.1 else {},
            created_at=now - timedelta(days=randomness.randint(0, 60)),
        )
    return shop


def expected_rows(responses, key):
    total = Histogram.from_scores(r.score for r in responses)
    groups = {}
    for response in responses:
        value = key(response)
        if value is not None:
            groups.setdefault(str(value), []).append(response.score)
    result = {}
    for value, scores in groups.items():
        group = Histogram.from_scores(scores)
        rest = Histogram(tuple(a - b for a, b in zip(total.counts, group.counts, strict=True)))
        result[value] = (summarize(group).to_dict(), compare_independent(rest, group))
    return result


def check(rows, expected):
    header, body = rows[0], rows[1:]
    assert len(body) == len(expected)
    for row in body:
        record = dict(zip(header, row, strict=True))
        summary, comparison = expected[record["value"]]
        for name in ("n", "promoters", "passives", "detractors"):
            assert int(record[name]) == summary[name]
        for name in ("nps", "ci_low", "ci_high"):
            assert float(record[name]) == summary[name]
        assert float(record["difference_from_rest"]) == round(comparison.difference, 1)
        assert float(record["p_value"]) == round(comparison.p_value, 4)
        assert record["significant"] == ("true" if comparison.significant else "false")
        assert record["low_sample"] == ("true" if summary["n"] < 30 else "false")


def test_segments_by_attribute_equal_stats_on_raw_rows(shop):
    rows = csv_rows(
        downloaded(shop.client_for(shop.bob).get(shop.url("segments/export.csv?segment=region")))
    )

    responses = list(Response.objects.filter(workspace=shop.workspace))
    check(rows, expected_rows(responses, lambda r: r.attributes.get("region")))
    assert any(row[rows[0].index("significant")] == "true" for row in rows[1:])


def test_filtered_segments_by_survey_equal_stats_on_raw_rows(shop):
    start = timezone.localdate() - timedelta(days=30)
    url = shop.url(f"segments/export.csv?segment=survey&channel=web&channel=sms&from={start}")

    rows = csv_rows(downloaded(shop.client_for(shop.bob).get(url)))

    responses = [
        r
        for r in Response.objects.filter(workspace=shop.workspace, channel__in=["web", "sms"])
        if timezone.localdate(r.created_at) >= start
    ]
    check(rows, expected_rows(responses, lambda r: r.survey_id))
    labels = {row[1]: row[2] for row in rows[1:]}
    assert labels == {str(shop.survey.pk): "Checkout", str(shop.second.pk): "Support"}


def test_the_xlsx_segment_table_holds_the_same_numbers(shop):
    client = shop.client_for(shop.bob)
    from_csv = csv_rows(downloaded(client.get(shop.url("segments/export.csv?segment=channel"))))
    sheet = openpyxl.load_workbook(
        io.BytesIO(downloaded(client.get(shop.url("segments/export.xlsx?segment=channel"))))
    ).active

    from_xlsx = [list(row) for row in sheet.iter_rows(values_only=True)]

    assert from_xlsx[0] == from_csv[0]
    n = from_csv[0].index("n")
    nps = from_csv[0].index("nps")
    assert [(row[n], row[nps]) for row in from_xlsx[1:]] == [
        (int(row[n]), float(row[nps])) for row in from_csv[1:]
    ]


def test_an_unknown_grouping_is_refused_with_the_choices(shop):
    response = shop.client_for(shop.bob).get(shop.url("segments/export.csv?segment=shoe_size"))

    assert response.status_code == 400
    assert "segment: choose one of survey, channel, language, region." in response.content.decode()
