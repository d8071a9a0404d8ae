"""A kiosk on a tablet: answer, thank-you, and back to the question for the next visitor."""

from __future__ import annotations

import pytest

from opennps.channels_web.models import Kiosk
from opennps.responses.models import Response

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_kiosk_takes_an_answer_and_starts_again(
    live_survey, live_server, open_page, screenshot
):
    survey = live_survey()
    kiosk = Kiosk.objects.create(
        workspace=survey.workspace, survey=survey, location="Store 12", reset_seconds=2
    )
    start = f"{live_server.url}/k/{kiosk.token}"
    page = open_page(locale="en-GB", viewport={"width": 1024, "height": 768}, has_touch=True)
    cookies_set: list[str] = []
    page.on(
        "response",
        lambda answer: (
            cookies_set.append(answer.url)
            if "/k/" in answer.url and answer.header_value("set-cookie")
            else None
        ),
    )
    page.goto(start)
    button = page.locator('button.score[value="9"]')
    assert button.bounding_box()["height"] >= 64  # a finger, not a mouse
    screenshot(page, "kiosk-question")
    button.click()
    page.locator("textarea").fill("Friendly staff")
    page.get_by_role("button", name="Send").click()
    assert page.locator(".thanks-message").inner_text() == "Thank you! We are glad you are with us."
    page.wait_for_url(start)  # the meta refresh after two seconds
    assert page.locator("h1.question").is_visible()
    response = Response.objects.get()
    assert (response.channel, response.score, response.comment) == ("kiosk", 9, "Friendly staff")
    assert response.attributes == {"location": "Store 12"}
    assert response.contact is None
    assert cookies_set == []  # nothing stored on the shared tablet
