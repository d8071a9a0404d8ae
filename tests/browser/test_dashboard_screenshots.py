"""The dashboard on the demo data, in English and Russian, on a desktop (1280×900) and a phone (390×844).

Screenshots go to test-artifacts/dashboard-*.png for a person to look at; the assertions check
what a screenshot cannot prove by itself: the page fits the width, the right chart variant is
shown, figures carry their n, and the reader's language is used.
"""

from __future__ import annotations

from typing import Any

import pytest

from opennps.accounts.models import Workspace
from opennps.demo.company import CUSTOMER_WORKSPACE, DEMO_EMAIL, DEMO_PASSWORD, EMPLOYEE_WORKSPACE
from opennps.demo.loader import load_demo

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
WORDS = {
    "en": {"title": "Dashboard", "trend": "Trend by week"},
    "ru": {"title": "Дашборд", "trend": "Динамика по неделям"},
}


@pytest.fixture
def demo(live_server: Any, settings: Any) -> dict[str, int]:
    from django.core.cache import cache

    cache.clear()  # sign-in rate limits live in the cache table
    load_demo(responses=1500, seed=7)  # dated up to now, so the last 90 days have answers
    return {
        "customers": Workspace.objects.get(name=CUSTOMER_WORKSPACE).pk,
        "people": Workspace.objects.get(name=EMPLOYEE_WORKSPACE).pk,
    }


def sign_in(page: Any, base: str) -> None:
    page.goto(f"{base}/accounts/login/?next=/dashboard/")
    page.fill("input[name=username]", DEMO_EMAIL)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/dashboard/")


def check_the_page(page: Any, language: str, width: int) -> None:
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text().startswith(WORDS[language]["title"])
    assert page.locator("#trend-title").inner_text() == WORDS[language]["trend"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.locator('[data-figure="n"]').first.inner_text().startswith("n = ")
    wide, narrow = page.locator("svg#chart-trend"), page.locator("svg#chart-trend-narrow")
    assert (wide.is_visible(), narrow.is_visible()) == (
        (True, False) if width > 640 else (False, True)
    )
    # Every chart on show has a name a screen reader announces.
    for chart in page.locator("svg.chart").all():
        if chart.is_visible():
            assert chart.get_attribute("role") == "img"
            assert chart.locator("title").count() >= 1


@pytest.mark.parametrize(("device", "width"), [(DESKTOP, 1280), (PHONE, 390)])
def test_the_dashboard_in_english_and_russian(
    demo, live_server, open_page, screenshot, device, width
):
    kind = "desktop" if width > 640 else "phone"
    for language, locale in (("en", "en-GB"), ("ru", "ru-RU")):
        page = open_page(locale=locale, **device)
        sign_in(page, live_server.url)
        page.goto(f"{live_server.url}/w/{demo['customers']}/dashboard/?by=week")
        check_the_page(page, language, width)
        screenshot(page, f"dashboard-{language}-{kind}")

        # The text alternative of the trend opens into a table with n per point.
        page.locator("#trend details.data-table summary").click()
        assert page.locator("#trend details.data-table table tbody tr").count() >= 12
        if width > 640:
            screenshot(page, f"dashboard-{language}-{kind}-trend-table")


def test_the_employee_dashboard_hides_small_groups(demo, live_server, open_page, screenshot):
    page = open_page(locale="en-GB", **DESKTOP)
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/w/{demo['people']}/dashboard/?from=2000-01-01&segment=office")
    assert page.locator(".notice").first.inner_text().startswith("Employee (eNPS) answers")
    sizes = [
        int(cell.inner_text().split()[0].replace(",", ""))
        for cell in page.locator('#segments td[data-figure="n"]').all()
    ]
    assert sizes and min(sizes) >= 5
    screenshot(page, "dashboard-en-desktop-enps")


def test_filters_live_in_the_address_and_a_bad_one_is_explained(demo, live_server, open_page):
    page = open_page(locale="en-GB", **DESKTOP)
    sign_in(page, live_server.url)
    base = f"{live_server.url}/w/{demo['customers']}/dashboard/"
    page.goto(base)
    page.select_option("#f-channel", "email")
    page.select_option("#f-segment", "region")
    page.locator(".filter-form button[type=submit]").click()
    page.wait_for_load_state()
    assert "channel=email" in page.url and "segment=region" in page.url
    assert page.locator("#segments-title").inner_text() == "Segments by region"
    assert "Channel: E-mail" in page.locator(".chips").inner_text()

    page.goto(base + "?from=yesterday")
    assert (
        "“yesterday” is not a date; write it like 2025-03-31."
        in page.locator("#filter-errors").inner_text()
    )
