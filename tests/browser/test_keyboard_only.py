"""The whole survey can be answered with the keyboard alone, with a visible focus ring."""

from __future__ import annotations

import pytest

from opennps.responses.models import Response

pytestmark = pytest.mark.django_db(transaction=True)

FOCUSED = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return {tag: element.tagName, name: element.name || "", value: element.value || "",
          outline: style.outlineStyle, width: parseFloat(style.outlineWidth)};
}"""


def tab_until(page, wanted, limit=40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if wanted(focused):
            return focused
    raise AssertionError("the element was never reached with Tab")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_answering_with_the_keyboard_only(live_survey, open_page, screenshot, javascript):
    service = {"en": {"label": "Service"}}
    survey = live_survey(
        questions=[{"key": "service", "kind": "rating", "required": True, "texts": service}],
        ask_third_question=True,
    )
    page = open_page(locale="en-GB", java_script_enabled=javascript)
    page.goto(survey.url)

    focused = tab_until(page, lambda f: f["name"] == "score" and f["value"] == "8")
    assert focused["tag"] == "BUTTON"
    assert focused["outline"] == "solid" and focused["width"] >= 2, "focus ring must be visible"
    if javascript:
        screenshot(page, "keyboard-focus-on-score")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{survey.url}/more")
    assert Response.objects.get().score == 8

    tab_until(page, lambda f: f["name"] == "comment")
    page.keyboard.type("Typed without a mouse")
    tab_until(page, lambda f: f["name"] == "third_answer")
    page.keyboard.type("Nothing else")
    tab_until(page, lambda f: f["name"] == "q_service")
    page.keyboard.press("Space")  # checks the first rating (1) ...
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # ... and the arrows move the choice to 4
    focused = tab_until(page, lambda f: f["tag"] == "BUTTON")
    assert focused["outline"] == "solid"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{survey.url}/thanks")

    response = Response.objects.get()
    assert (response.comment, response.third_answer) == ("Typed without a mouse", "Nothing else")
    assert response.answers == {"service": 4}


def test_after_a_score_the_follow_up_question_gets_the_focus(live_survey, open_page):
    # With JS the page is swapped in place; moving the focus tells screen readers about it.
    survey = live_survey()
    page = open_page(locale="en-GB")
    page.goto(survey.url)
    tab_until(page, lambda f: f["value"] == "10")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{survey.url}/more")
    assert page.evaluate("document.activeElement.tagName") == "H1"
