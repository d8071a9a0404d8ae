"""The widget on a page of another website: it asks, stores, and respects CORS and throttling.

The host page is served by a second local HTTP server on another port (another origin); its script
tag points at the live OpenNPS server, exactly as a customer's website would.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from opennps.channels_web.models import WidgetSettings
from opennps.responses.models import Response

pytestmark = pytest.mark.django_db(transaction=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


@pytest.fixture
def other_site(tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """Serve HTML pages from another origin; returns a function that publishes one page."""
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"

    def publish(body: str, name: str = "page.html") -> str:
        (tmp_path / name).write_text(
            f"<!doctype html><html lang='en'><body><h1>Shop</h1>{body}</body></html>"
        )
        return f"{origin}/{name}"

    publish.origin = origin  # type: ignore[attr-defined]
    yield publish
    server.shutdown()
    server.server_close()


@pytest.fixture
def widget_survey(
    live_survey: Callable[..., Any], live_server: Any, settings: Any
) -> Callable[..., Any]:
    settings.BASE_URL = live_server.url

    def make(origins: list[str], **widget_fields: Any) -> Any:
        survey = live_survey(hidden_attributes=["plan"])
        WidgetSettings.objects.create(survey=survey, allowed_origins=origins, **widget_fields)
        survey.script_tag = (
            f'<script async src="{live_server.url}/w/{survey.public_id}.js"></script>'
        )
        return survey

    return make


def test_the_widget_asks_on_another_origin_and_stores_the_score(
    other_site, widget_survey, open_page, screenshot
):
    survey = widget_survey([other_site.origin], trigger="delay", delay_seconds=0)
    page = open_page(locale="en-GB")
    # The host page's own CSS must not reach into the widget (shadow root).
    page.goto(other_site("<style>button{background:rgb(255,0,0)}</style>" + survey.script_tag))
    question = page.locator("[data-opennps] h2")
    question.wait_for()
    assert question.inner_text().startswith("How likely is it that you would recommend Shop")
    page.locator("[data-opennps] .box").evaluate(
        "box => Promise.all(box.getAnimations().map((animation) => animation.finished))"
    )
    screenshot(page, "widget-question")
    nine = page.locator('[data-opennps] button[value="9"]')
    assert nine.evaluate("button => getComputedStyle(button).backgroundColor") != "rgb(255, 0, 0)"
    page.locator('[data-opennps] button[value="9"]').click()
    page.locator("[data-opennps] textarea").fill("Fast delivery")
    page.locator("[data-opennps] button.go").click()
    page.locator("[data-opennps] [role=status]").wait_for()
    response = Response.objects.get()
    assert (response.channel, response.score, response.comment) == ("widget", 9, "Fast delivery")
    assert page.evaluate("document.cookie") == ""


def test_opennps_show_from_code_records_the_user_and_attributes(
    other_site, widget_survey, open_page
):
    survey = widget_survey([other_site.origin], trigger="manual")
    page = open_page(locale="en-GB")
    page.goto(other_site(survey.script_tag))
    page.wait_for_function("window.OpenNPS && window.OpenNPS.loaded")
    assert page.evaluate('OpenNPS.show({userId: "u-1", attributes: {plan: "pro"}})') is True
    page.locator('[data-opennps] button[value="3"]').click()
    page.locator("[data-opennps] textarea").wait_for()
    response = Response.objects.get()
    assert (response.contact.external_id, response.attributes) == ("u-1", {"plan": "pro"})


def test_a_throttled_user_is_not_shown_the_widget(other_site, widget_survey, open_page):
    survey = widget_survey([other_site.origin], trigger="manual")
    url = other_site(survey.script_tag)
    first = open_page(locale="en-GB")
    first.goto(url)
    first.wait_for_function("window.OpenNPS && window.OpenNPS.loaded")
    assert first.evaluate('OpenNPS.show({userId: "u-2"})') is True
    # A fresh browser (no localStorage hint): the server's ledger alone says no.
    second = open_page(locale="en-GB")
    second.goto(url)
    second.wait_for_function("window.OpenNPS && window.OpenNPS.loaded")
    assert second.evaluate('OpenNPS.show({userId: "u-2"})') is False
    assert second.locator("[data-opennps]").count() == 0


def test_a_website_the_survey_does_not_allow_cannot_use_the_widget(
    other_site, widget_survey, open_page
):
    survey = widget_survey(["https://shop.example"], trigger="manual")
    page = open_page(locale="en-GB")
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.goto(other_site(survey.script_tag))
    page.wait_for_function("window.OpenNPS && window.OpenNPS.loaded")
    assert page.evaluate("OpenNPS.show({})") is False
    assert page.locator("[data-opennps]").count() == 0
    assert any("CORS" in error or "Access-Control-Allow-Origin" in error for error in errors)
    assert not Response.objects.exists()


def test_the_widget_asks_only_on_pages_matching_its_addresses(other_site, widget_survey, open_page):
    survey = widget_survey(
        [other_site.origin], trigger="delay", delay_seconds=0, url_patterns="/thank-you"
    )
    other = open_page(locale="en-GB")
    other.goto(other_site(survey.script_tag, "catalogue.html"))
    other.wait_for_function("window.OpenNPS && window.OpenNPS.loaded")
    thanks = open_page(locale="en-GB")
    thanks.goto(other_site(survey.script_tag, "thank-you.html"))
    thanks.locator("[data-opennps] h2").wait_for()
    assert other.locator("[data-opennps]").count() == 0


def test_on_exit_intent_the_widget_asks_when_the_pointer_leaves_the_top(
    other_site, widget_survey, open_page
):
    survey = widget_survey([other_site.origin], trigger="exit")
    page = open_page(locale="en-GB")
    page.goto(other_site(survey.script_tag))
    page.wait_for_function("window.OpenNPS && window.OpenNPS.loaded")
    page.mouse.move(300, 300)
    assert page.locator("[data-opennps]").count() == 0
    page.mouse.move(300, -5)  # towards the tabs and the address bar
    page.locator("[data-opennps] h2").wait_for()
