"""With JavaScript off the survey works the same through plain form posts."""

from __future__ import annotations

import pytest

from opennps.responses.models import Response

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def test_answering_with_javascript_disabled(live_survey, open_page, screenshot):
    price = {"en": {"label": "Price"}}
    survey = live_survey(
        questions=[{"key": "price", "kind": "rating", "required": True, "texts": price}],
        promoter_cta_url="https://reviews.example/shop",
    )
    page = open_page(java_script_enabled=False, locale="en-GB", **PHONE)
    page.goto(f"{survey.url}?utm=mail")
    page.locator('button.score[value="10"]').click()
    page.wait_for_url(f"{survey.url}/more")
    assert Response.objects.get().score == 10

    # A required question left empty: the server says which, and keeps what was typed.
    page.locator("textarea[name=comment]").fill("Great staff")
    page.locator("button.send").click()
    assert page.locator(".error-summary").inner_text().count("Please answer this question.") == 1
    assert page.locator("textarea[name=comment]").input_value() == "Great staff"
    screenshot(page, "no-js-required-question-error")

    page.locator("label.option", has_text="5").click()
    page.locator("button.send").click()
    page.wait_for_url(f"{survey.url}/thanks")
    link = page.get_by_role("link", name="Leave us a review")
    # The link goes through /go/<token>, which counts the click and redirects (opennps.cases).
    go = page.request.get(
        survey.url.rsplit("/s/", 1)[0] + link.get_attribute("href"), max_redirects=0
    )
    assert go.status == 302 and go.headers["location"] == "https://reviews.example/shop"
    screenshot(page, "no-js-thanks-promoter")
    response = Response.objects.get()
    assert (response.comment, response.answers) == ("Great staff", {"price": 5})


def test_an_over_long_comment_comes_back_with_an_error_without_javascript(live_survey, open_page):
    survey = live_survey()
    page = open_page(java_script_enabled=False, locale="en-GB")
    page.goto(survey.url)
    page.locator('button.score[value="2"]').click()
    page.wait_for_url(f"{survey.url}/more")
    text = "word " * 1100
    page.locator("textarea[name=comment]").fill(text)
    page.locator("button.send").click()
    assert "please shorten it to 5000 characters" in page.locator("#id_comment-error").inner_text()
    assert page.locator("textarea[name=comment]").input_value() == text  # exactly as typed
    assert Response.objects.get().comment == ""
