"""Another workspace's responses, contacts, exports and reports do not exist for you (404)."""

from __future__ import annotations

import pytest

from opennps.contacts.models import Contact
from tests.reports.helpers import answer, csv_rows, downloaded, make_shop, page_text

pytestmark = pytest.mark.django_db

PAGES = [
    "responses/",
    "responses/export.csv",
    "responses/export.xlsx",
    "segments/export.csv",
    "segments/export.xlsx",
    "report.html",
    "reports/",
    "reports/new/",
]


@pytest.fixture
def shop():
    shop = make_shop()
    shop.contact = Contact.objects.create(workspace=shop.workspace, email="ann@shop.example")
    shop.stranger = Contact.objects.create(
        workspace=shop.other_workspace, email="zed@other.example"
    )
    answer(shop.survey, 9, "ours", contact=shop.contact)
    answer(shop.other_survey, 1, "theirs, secret", contact=shop.stranger)
    return shop


@pytest.mark.parametrize("path", [*PAGES, "contacts/{contact}/"])
def test_a_member_of_another_workspace_gets_404(shop, path):
    url = shop.url(path.format(contact=shop.contact.pk))

    assert shop.client_for(shop.charlie).get(url).status_code == 404


@pytest.mark.parametrize("path", PAGES)
def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(shop, path):
    response = shop.client_for(None).get(shop.url(path))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_contact_of_another_workspace_is_404_even_through_your_own_workspace(shop):
    url = shop.url(f"contacts/{shop.stranger.pk}/")

    assert shop.client_for(shop.alice).get(url).status_code == 404


def test_the_list_and_the_export_hold_only_this_workspace(shop):
    alice = shop.client_for(shop.alice)

    text = page_text(alice.get(shop.url("responses/")))
    rows = csv_rows(downloaded(alice.get(shop.url("responses/export.csv"))))

    assert "ours" in text and "theirs, secret" not in text
    assert [row[5] for row in rows[1:]] == ["ours"]


def test_a_survey_of_another_workspace_is_not_a_filter_here(shop):
    url = shop.url(f"responses/export.csv?survey={shop.other_survey.pk}")

    response = shop.client_for(shop.alice).get(url)

    assert response.status_code == 400
    assert b"theirs" not in response.content
