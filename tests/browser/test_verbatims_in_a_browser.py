"""The response browser in Chromium: it fits a desktop and a phone in English and Russian, search
and a click on an attribute filter the list, and a download arrives named after the workspace.

Screenshots go to test-artifacts/verbatims-*.png for a person to look at.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from opennps.accounts.models import Workspace
from opennps.demo.company import CUSTOMER_WORKSPACE, DEMO_EMAIL, DEMO_PASSWORD
from opennps.demo.loader import load_demo

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
TITLES = {"en": "Responses", "ru": "Ответы"}


@pytest.fixture
def demo(live_server: Any) -> int:
    from django.core.cache import cache

    cache.clear()  # sign-in rate limits live in the cache table
    load_demo(responses=600, seed=3)
    return Workspace.objects.get(name=CUSTOMER_WORKSPACE).pk


def sign_in(page: Any, base: str, workspace: int) -> None:
    page.goto(f"{base}/accounts/login/?next=/w/{workspace}/responses/")
    page.fill("input[name=username]", DEMO_EMAIL)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**/w/{workspace}/responses/")


@pytest.mark.parametrize(("device", "width"), [(DESKTOP, 1280), (PHONE, 390)])
def test_the_browser_fits_the_screen_in_english_and_russian(
    demo, live_server, open_page, screenshot, device, width
):
    kind = "desktop" if width > 640 else "phone"
    for language, locale in (("en", "en-GB"), ("ru", "ru-RU")):
        page = open_page(locale=locale, **device)
        sign_in(page, live_server.url, demo)
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("h1").inner_text() == TITLES[language]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        badge = page.locator(".response .score").first
        assert badge.is_visible() and badge.inner_text().split()[0].isdigit()
        screenshot(page, f"verbatims-{language}-{kind}")


def test_search_and_an_attribute_click_narrow_the_list(demo, live_server, open_page, screenshot):
    page = open_page(locale="en-GB", **DESKTOP)
    sign_in(page, live_server.url, demo)

    chip = page.locator(".attributes a").first
    attribute = chip.inner_text()
    chip.click()
    page.wait_for_url("**attribute=*")
    assert page.locator(".chips").inner_text().count("Attribute: ") == 1
    for response in page.locator(".response").all():
        assert attribute in response.locator(".attributes").inner_text()

    page.fill("#q", "zzz-nothing-like-this")
    page.locator(".search-row button").click()
    page.wait_for_url("**q=zzz-nothing-like-this*")
    assert "No responses match these filters." in page.locator("main").inner_text()
    assert "Attribute: " in page.locator(".chips").inner_text()  # the search kept the filter
    screenshot(page, "verbatims-en-desktop-no-match")


def test_the_csv_download_is_named_after_the_workspace(demo, live_server, open_page):
    page = open_page(locale="en-GB", accept_downloads=True, **DESKTOP)
    sign_in(page, live_server.url, demo)

    with page.expect_download() as download:
        page.locator(".downloads a", has_text="CSV").first.click()

    today = timezone.localdate().isoformat()
    assert download.value.suggested_filename == f"aurora-telecom-responses-{today}.csv"
