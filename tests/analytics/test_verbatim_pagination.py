"""Pages of 50, newest first; walking older and back never repeats or skips a response, even while
new answers arrive."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone

from opennps.reports.browse import PAGE_SIZE
from tests.reports.helpers import answer, make_shop, page_text

pytestmark = pytest.mark.django_db

COMMENT = re.compile(r"answer number (\d+)\b")


@pytest.fixture
def shop():
    shop = make_shop()
    start = timezone.now() - timedelta(days=10)
    # Pairs share a timestamp, so the order must break ties by id.
    for number in range(120):
        answer(
            shop.survey,
            number % 11,
            f"answer number {number}",
            created_at=start + timedelta(minutes=number // 2),
        )
    return shop


def numbers(text: str) -> list[int]:
    return [int(found) for found in COMMENT.findall(text)]


def link(text: str, rel: str) -> str | None:
    found = re.search(rf'<a rel="{rel}" href="([^"]+)"', text)
    return unescape(found.group(1)) if found else None


def test_walking_older_then_newer_visits_every_response_once(shop):
    client = shop.client_for(shop.bob)
    url = shop.url("responses/")
    first = page_text(client.get(url))
    assert "120 responses match." in first
    assert numbers(first) == list(range(119, 119 - PAGE_SIZE, -1))
    assert link(first, "prev") is None

    seen = numbers(first)
    text = first
    while (older := link(text, "next")) is not None:
        text = page_text(client.get(url + older))
        seen += numbers(text)
    assert seen == list(range(119, -1, -1))

    newer = link(text, "prev")
    back = page_text(client.get(url + newer))
    assert numbers(back) == list(range(69, 69 - PAGE_SIZE, -1))


def test_new_answers_do_not_shift_a_walk_in_progress(shop):
    client = shop.client_for(shop.bob)
    url = shop.url("responses/")
    first = page_text(client.get(url))
    for extra in range(5):
        answer(shop.survey, 9, f"answer number {1000 + extra}")

    second = page_text(client.get(url + link(first, "next")))

    assert numbers(second) == list(range(69, 69 - PAGE_SIZE, -1))


def test_the_pager_keeps_the_filters(shop):
    text = page_text(shop.client_for(shop.bob).get(shop.url("responses/"), {"class": "detractor"}))

    assert link(text, "next").startswith("?class=detractor&after=")


def test_a_tampered_page_link_falls_back_to_the_newest_page(shop):
    page = shop.client_for(shop.bob).get(shop.url("responses/"), {"after": "not-a-cursor"})

    assert page.status_code == 200
    assert "This page link is no longer valid" in page_text(page)
    assert numbers(page_text(page))[0] == 119
