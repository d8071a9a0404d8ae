"""`?driver=` is one filter for the verbatim browser, the CSV/XLSX exports, the segment export and
the HTML report: each keeps only the responses whose comment is about the driver, and the filter
chip names the driver in the reader's language."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.http import QueryDict
from django.utils import translation

from opennps.analytics.dashboard_queries import headline
from opennps.reports.filters import parse_filters
from opennps.reports.presenting import filter_chips, scope_lines
from tests.comments.helpers import answer, make_survey, run_worker
from tests.reports.helpers import csv_rows, downloaded

PRICE = "Слишком дорого, цены выросли вдвое"
DELIVERY = "Курьер опоздал на два дня"


@pytest.fixture
def analysed(team):
    survey = make_survey(team.workspace)
    answer(survey, 2, PRICE)
    answer(survey, 9, "Great value for money, the price is fair")
    answer(survey, 1, DELIVERY)
    answer(survey, 7, "")
    run_worker()
    return survey


def test_the_csv_export_keeps_only_the_drivers_responses(team, analysed):
    client = team.client_for(team.bob)
    answer_ = client.get(f"/w/{team.workspace.pk}/responses/export.csv", {"driver": "price"})

    assert answer_.status_code == 200
    rows = csv_rows(downloaded(answer_))
    comments = [row[rows[0].index("comment")] for row in rows[1:]]
    assert sorted(comments) == sorted([PRICE, "Great value for money, the price is fair"])


def test_the_xlsx_export_keeps_only_the_drivers_responses(team, analysed):
    client = team.client_for(team.bob)
    answer_ = client.get(f"/w/{team.workspace.pk}/responses/export.xlsx", {"driver": "delivery"})

    assert answer_.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(downloaded(answer_))).active
    rows = list(sheet.iter_rows(values_only=True))
    comments = [row[rows[0].index("comment")] for row in rows[1:]]
    assert comments == [DELIVERY]


def test_an_unknown_driver_in_an_export_is_a_clear_400(team, analysed):
    answer_ = team.client_for(team.bob).get(
        f"/w/{team.workspace.pk}/responses/export.csv", {"driver": "weather"}
    )
    assert answer_.status_code == 400
    assert "driver: 'weather' is not a driver here" in answer_.content.decode()


def test_the_report_counts_only_the_drivers_responses_and_names_the_driver(team, analysed):
    client = team.client_for(team.bob)
    html = client.get(f"/w/{team.workspace.pk}/report.html", {"driver": "price"}).content.decode()

    # Two answers mention price: one promoter and one detractor, so NPS 0 on n = 2.
    assert "Price" in html
    everything = client.get(f"/w/{team.workspace.pk}/report.html").content.decode()
    assert html != everything
    assert headline(parse_filters(QueryDict("driver=price"), team.workspace.pk).filters).n == 2
    assert headline(parse_filters(QueryDict(""), team.workspace.pk).filters).n == 4


def test_the_segment_export_counts_only_the_drivers_responses(team, analysed):
    client = team.client_for(team.bob)
    answer_ = client.get(
        f"/w/{team.workspace.pk}/segments/export.csv", {"driver": "delivery", "segment": "channel"}
    )

    assert answer_.status_code == 200
    rows = csv_rows(downloaded(answer_))
    header, [web] = rows[0], rows[1:]
    assert web[header.index("n")] == "1"


def test_the_filter_chip_shows_the_drivers_translated_name(team, analysed):
    view = parse_filters(QueryDict("driver=price&driver=delivery"), team.workspace.pk)

    with translation.override("en"):
        assert [label for label, _rest in filter_chips(view)] == [
            "Driver: Price",
            "Driver: Delivery and timing",
        ]
    with translation.override("ru"):
        assert filter_chips(view)[0][0].endswith(": Цена")
        assert scope_lines(view)[-1][1].startswith("Цена")


def test_the_browser_chip_reads_driver_price(team, analysed):
    html = (
        team.client_for(team.bob)
        .get(f"/w/{team.workspace.pk}/responses/", {"driver": "price"})
        .content.decode()
    )
    assert "Driver: Price" in html
