"""The drivers in Chromium: a workspace with comments in several languages, analysed by the real
worker (keyword rules, OPENNPS_TEXT_ENCODER="none": the encoder is too slow for a browser test).
The drivers page ranks the drivers by impact; the taxonomy page takes an example sentence; a
comment's drivers are corrected from the verbatim browser and the change shows at once.

Screenshots go to test-artifacts/drivers-*.png for a person to look at.
"""

from __future__ import annotations

from typing import Any

import pytest

from opennps.comments.models import CommentAnalysis, DriverExample
from opennps.responses.actions import Answer, create_response
from opennps.responses.models import Response
from opennps.surveys.models import Survey
from opennps.surveys.versions import publish_version
from opennps.work.runner import Worker

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
EMAIL, PASSWORD = "alice@shop.example", "long-pass-123"
COMMENTS = [
    (2, "Слишком дорого, цены выросли вдвое", "ru"),
    (3, "Цены кусаются, всё подорожало", "ru"),
    (1, "Курьер опоздал на два дня", "ru"),
    (4, "The price is far too high for what you get", "en"),
    (9, "Fast delivery, arrived the next day", "en"),
    (6, "太贵了，价格太高", "zh-hans"),
    (2, "Доставката закъсня с една седмица", "bg"),
    (10, "Great value for money", "en"),
]
DELIVERY_COMMENT = "Курьер опоздал на два дня"


@pytest.fixture
def workspace(live_server: Any, settings: Any) -> int:
    from django.core.cache import cache

    from opennps.accounts.actions.setup import create_admin

    settings.OPENNPS_TEXT_ENCODER = "none"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()  # sign-in rate limits live in the cache table
    workspace = create_admin(EMAIL, PASSWORD, "Shop").workspace
    survey = Survey.objects.create(workspace=workspace, name="Main", brand="Shop", status="active")
    publish_version(survey)
    for score, comment, language in COMMENTS:
        create_response(
            survey, Answer(score=score, comment=comment, channel="web", language=language)
        )
    Worker().run(until_idle=True)
    assert CommentAnalysis.objects.count() == len(COMMENTS)
    return workspace.pk


def sign_in(page: Any, base: str, next_path: str) -> None:
    page.goto(f"{base}/accounts/login/?next={next_path}")
    page.fill("input[name=username]", EMAIL)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**{next_path}")


def test_the_drivers_page_the_taxonomy_loop_and_a_correction(
    workspace, live_server, open_page, screenshot
):
    page = open_page(locale="en-GB", **DESKTOP)
    sign_in(page, live_server.url, f"/w/{workspace}/dashboard/drivers/")

    # The impact ranking: price (four detractors of eight) comes first.
    ranked = page.locator("#impact-table tbody tr")
    assert ranked.first.get_attribute("data-driver") == "price"
    drivers = {row.get_attribute("data-driver") for row in ranked.all()}
    assert {"price", "delivery"} <= drivers
    screenshot(page, "drivers-impact-ranking")

    # The taxonomy editing loop: an example sentence in Kazakh for "price".
    page.locator("a", has_text="Edit the drivers").click()
    page.wait_for_url(f"**/w/{workspace}/drivers/")
    form = page.locator("form[action$='/drivers/example/']")
    form.locator("select[name=key]").select_option("price")
    form.locator("[name=text]").fill("Бағасы тым қымбат")
    form.locator("select[name=language]").select_option("kk")
    form.locator("button[type=submit]").click()
    page.wait_for_url(f"**/w/{workspace}/drivers/")
    assert "Бағасы тым қымбат" in page.locator("#team-examples").inner_text()
    assert DriverExample.objects.filter(drivers=["price"], language="kk").exists()

    # A correction from the verbatim browser: the delivery comment is also about price.
    page.goto(f"{live_server.url}/w/{workspace}/responses/")
    delivery = Response.objects.get(comment=DELIVERY_COMMENT)
    card = page.locator(".response", has_text=DELIVERY_COMMENT)
    assert card.locator(".driver-chip").all_inner_texts() == ["Delivery and timing"]
    card.locator("details.correct-drivers summary").click()
    card.locator("input[name=drivers][value=price]").check()
    card.locator("details.correct-drivers button[type=submit]").click()
    page.wait_for_load_state()
    card = page.locator(".response", has_text=DELIVERY_COMMENT)
    assert sorted(card.locator(".driver-chip").all_inner_texts()) == [
        "Delivery and timing",
        "Price",
    ]
    assert CommentAnalysis.objects.get(response=delivery).corrected

    # The price filter now keeps the corrected comment, and its chip names the driver.
    page.goto(f"{live_server.url}/w/{workspace}/responses/?driver=price")
    assert "Driver: Price" in page.locator(".chips").inner_text()
    assert page.locator(".response", has_text=DELIVERY_COMMENT).count() == 1
    screenshot(page, "drivers-corrected-in-verbatims")
