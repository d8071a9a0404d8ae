"""The XLSX export holds the same rows as the CSV export, with the browser's filters, newest first;
openpyxl reads it back, dates as dates and scores as numbers."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

import openpyxl
import pytest
from django.utils import timezone

from opennps.contacts.models import Contact
from tests.reports.helpers import answer, csv_rows, downloaded, make_shop

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    shop = make_shop()
    ann = Contact.objects.create(
        workspace=shop.workspace, email="ann@shop.example", external_id="C-1"
    )
    start = timezone.now() - timedelta(days=5)
    for number in range(30):
        answer(
            shop.survey,
            number % 11,
            f'comment {number}, with a comma and "quotes"\nand a new line',
            answers={"speed": number % 5 + 1} if number % 2 else {"choice": ["a", "b"]},
            attributes={"region": ["North", "South"][number % 2], "visits": number},
            channel=["web", "email"][number % 3 == 0],
            contact=ann if number == 7 else None,
            created_at=start + timedelta(hours=number),
        )
    return shop


def test_xlsx_rows_equal_csv_rows(shop):
    client = shop.client_for(shop.bob)
    query = "?channel=web&attribute=region:North"

    csv_table = csv_rows(downloaded(client.get(shop.url("responses/export.csv" + query))))
    sheet = openpyxl.load_workbook(
        io.BytesIO(downloaded(client.get(shop.url("responses/export.xlsx" + query))))
    ).active
    xlsx_table = [list(row) for row in sheet.iter_rows(values_only=True)]

    assert xlsx_table[0] == csv_table[0]
    assert len(xlsx_table) == len(csv_table) > 5
    for from_csv, from_xlsx in zip(csv_table[1:], xlsx_table[1:], strict=True):
        as_text = [
            value.isoformat()
            if isinstance(value, datetime)
            else ""
            if value is None
            else str(value)
            for value in from_xlsx
        ]
        assert as_text == from_csv


def test_the_export_has_the_filtered_rows_newest_first_with_contacts_and_answers(shop):
    client = shop.client_for(shop.bob)

    rows = csv_rows(downloaded(client.get(shop.url("responses/export.csv?attribute=region:South"))))

    header = rows[0]
    assert header[:11] == [
        "response_id",
        "created_at",
        "survey",
        "score",
        "nps_class",
        "comment",
        "third_answer",
        "channel",
        "language",
        "contact_external_id",
        "contact_email",
    ]
    assert header[11:] == [
        "answer:speed",
        "attribute:region",
        "attribute:visits",
    ]
    records = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    assert len(records) == 15
    assert [int(r["attribute:visits"]) for r in records] == list(range(29, 0, -2))
    seven = next(r for r in records if r["attribute:visits"] == "7")
    assert (seven["contact_external_id"], seven["contact_email"]) == ("C-1", "ann@shop.example")
    assert seven["comment"] == 'comment 7, with a comma and "quotes"\nand a new line'
    assert seven["answer:speed"] == "3"
