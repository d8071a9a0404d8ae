"""Exports are downloads named after the workspace and the day; the CSV streams row by row, and
`opennps analyze` reads it back to the same NPS."""

from __future__ import annotations

import pytest
from django.http import StreamingHttpResponse
from django.utils import timezone

from opennps.analyze import analyze_file
from opennps.responses.models import Response
from opennps.stats import Histogram, summarize
from tests.reports.helpers import answer, downloaded, make_shop

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    shop = make_shop()
    for score in (0, 3, 6, 7, 8, 9, 10, 10, 9, 2):
        answer(shop.survey, score, f"score {score}")
    return shop


def test_the_csv_streams_and_is_named_after_the_workspace_and_day(shop):
    response = shop.client_for(shop.bob).get(shop.url("responses/export.csv"))

    today = timezone.localdate().isoformat()
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="shop-responses-{today}.csv"'


def test_xlsx_and_segment_files_are_named_too(shop):
    client = shop.client_for(shop.bob)
    today = timezone.localdate().isoformat()

    xlsx = client.get(shop.url("responses/export.xlsx"))
    segments = client.get(shop.url("segments/export.xlsx?segment=channel"))

    assert xlsx["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert f'filename="shop-responses-{today}.xlsx"' in xlsx["Content-Disposition"]
    assert f'filename="shop-segments-channel-{today}.xlsx"' in segments["Content-Disposition"]


def test_a_workspace_name_in_another_script_survives_in_the_filename(shop):
    shop.workspace.name = "Магазин Алматы"
    shop.workspace.save()

    response = shop.client_for(shop.bob).get(shop.url("responses/export.csv"))

    assert (
        "filename*=utf-8''%D0%BC%D0%B0%D0%B3%D0%B0%D0%B7%D0%B8%D0%BD"
        in (response["Content-Disposition"])
    )


def test_opennps_analyze_reads_the_export_back_to_the_same_nps(shop, tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(downloaded(shop.client_for(shop.bob).get(shop.url("responses/export.csv"))))

    report = analyze_file(path)

    expected = summarize(Histogram.from_scores(r.score for r in Response.objects.all()))
    assert report.headline == expected
