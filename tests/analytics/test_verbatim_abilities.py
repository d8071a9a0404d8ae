"""Whoever may read the responses may export them: viewers included (docs/reports.md).
Scheduling reports for others needs the edit ability (analysts and up)."""

from __future__ import annotations

import pytest

from tests.reports.helpers import answer, downloaded, make_shop, page_text

pytestmark = pytest.mark.django_db

READ_PAGES = [
    "responses/",
    "responses/export.csv",
    "responses/export.xlsx",
    "segments/export.csv?segment=channel",
    "segments/export.xlsx?segment=survey",
    "report.html",
]


@pytest.fixture
def shop():
    shop = make_shop()
    answer(shop.survey, 9, "Good")
    return shop


@pytest.mark.parametrize("persona", ["alice", "dana", "bob"])
@pytest.mark.parametrize("path", READ_PAGES)
def test_every_member_may_browse_and_export(shop, persona, path):
    response = shop.client_for(getattr(shop, persona)).get(shop.url(path))

    assert response.status_code == 200
    assert downloaded(response)


def test_the_menu_offers_responses_to_everyone_and_reports_to_editors(shop):
    viewer = page_text(shop.client_for(shop.bob).get(shop.url("responses/")))
    analyst = page_text(shop.client_for(shop.dana).get(shop.url("responses/")))

    responses_link = f'href="/w/{shop.workspace.pk}/responses/" aria-current="page"'
    reports_link = f'href="/w/{shop.workspace.pk}/reports/"'
    assert responses_link in viewer and responses_link in analyst
    assert reports_link not in viewer
    assert reports_link in analyst


def test_a_viewer_cannot_open_the_scheduled_reports(shop):
    bob = shop.client_for(shop.bob)

    assert bob.get(shop.url("reports/")).status_code == 404
    assert bob.get(shop.url("reports/new/")).status_code == 404
