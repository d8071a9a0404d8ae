"""Employee (eNPS) answers: the words are shown, the person is not. Only coarse attributes (a
marked segment shared by at least five answers) appear, times become dates, and filters that
would narrow a survey below five people leave its answers out, on the page and in exports."""

from __future__ import annotations

import pytest

from opennps.analytics.models import SegmentDimension
from tests.reports.helpers import answer, csv_rows, downloaded, make_shop, make_survey, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    shop = make_shop()
    SegmentDimension.objects.create(workspace=shop.workspace, key="department")
    shop.pulse = make_survey(shop.workspace, "Team pulse", kind="employee")
    for number in range(6):
        answer(
            shop.pulse,
            number + 4,
            f"sales voice {number}",
            attributes={"department": "Sales", "employee_no": 100 + number},
        )
    for number in range(5):
        answer(shop.pulse, 8, f"support voice {number}", attributes={"department": "Support"})
    answer(shop.pulse, 1, "legal voice A", attributes={"department": "Legal", "employee_no": 7})
    answer(
        shop.pulse,
        2,
        "legal voice B",
        language="kk",
        attributes={"department": "Legal", "employee_no": 8},
    )
    answer(shop.survey, 9, "customer voice", attributes={"employee_no": 55})
    return shop


def browse(shop, **params):
    return shop.client_for(shop.alice).get(shop.url("responses/"), params)


def test_comments_show_with_coarse_attributes_only(shop):
    text = page_text(browse(shop, survey=shop.pulse.pk))

    assert "legal voice A" in text and "sales voice 3" in text
    assert "department: Sales" in text
    assert "department: Legal" not in text
    assert "employee_no" not in text
    assert "1 attribute hidden to keep the answer anonymous" in text
    assert "2 attributes hidden to keep the answer anonymous" in text
    assert "· kk" not in text  # one Kazakh speaker among thirteen is a person, not a group
    assert "<time" not in text  # employee answers carry a date, not a time


def test_customer_answers_keep_every_attribute(shop):
    text = page_text(browse(shop, survey=shop.survey.pk))

    assert "employee_no: 55" in text


def test_a_filter_narrowing_below_five_people_withholds_employee_answers(shop):
    legal = page_text(browse(shop, attribute="department:Legal"))
    by_number = page_text(browse(shop, attribute="employee_no:7"))
    sales = page_text(browse(shop, attribute="department:Sales"))

    assert "legal voice" not in legal
    assert "Some employee (eNPS) answers are not shown" in legal
    assert "legal voice A" not in by_number
    assert "sales voice 1" in sales
    assert "Some employee (eNPS) answers are not shown" not in sales


def test_the_export_follows_the_same_rules(shop):
    client = shop.client_for(shop.alice)
    rows = csv_rows(
        downloaded(client.get(shop.url(f"responses/export.csv?survey={shop.pulse.pk}")))
    )
    header, body = rows[0], rows[1:]

    assert "attribute:employee_no" not in header
    department = header.index("attribute:department")
    by_comment = {row[header.index("comment")]: row for row in body}
    assert by_comment["sales voice 0"][department] == "Sales"
    assert by_comment["legal voice A"][department] == ""
    assert by_comment["legal voice B"][header.index("language")] == ""
    assert len(by_comment["legal voice A"][header.index("created_at")]) == len("2025-01-31")
    assert by_comment["legal voice A"][header.index("contact_email")] == ""

    withheld = client.get(shop.url("responses/export.csv?attribute=department:Legal"))
    assert "legal voice" not in downloaded(withheld).decode()


def test_the_segment_export_hides_groups_under_five_and_what_would_reveal_them(shop):
    url = shop.url(f"segments/export.csv?segment=department&survey={shop.pulse.pk}")

    rows = csv_rows(downloaded(shop.client_for(shop.alice).get(url)))

    # Legal (2) is under five; Support (5) goes too, or total minus the rest would give Legal.
    assert [row[1] for row in rows[1:]] == ["Sales"]
