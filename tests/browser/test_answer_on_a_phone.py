"""Answering on a 390×844 phone in Russian and in Chinese, the language picked from the browser."""

from __future__ import annotations

import pytest

from opennps.responses.models import Response

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

# Draws two different characters in the page's own font: if the fonts lack them, both become the
# same "tofu" box and the pixels match.
GLYPHS_DIFFER = """([first, second]) => {
  const font = getComputedStyle(document.querySelector("h1")).font;
  const draw = (text) => {
    const canvas = document.createElement("canvas");
    canvas.width = 64; canvas.height = 64;
    const context = canvas.getContext("2d");
    context.font = font.replace(/\\d+(\\.\\d+)?px/, "40px");
    context.fillText(text, 4, 48);
    return Array.from(context.getImageData(0, 0, 64, 64).data).join(",");
  };
  return draw(first) !== draw(second);
}"""


def assert_fits_the_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for button in page.locator("button.score").all():
        box = button.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390


def test_answering_in_russian_on_a_phone(live_survey, open_page, screenshot):
    survey = live_survey()
    page = open_page(locale="ru-RU", **PHONE)
    page.goto(survey.url)
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("legend h1").inner_text() == (
        "Насколько вероятно, что вы порекомендуете Shop другу или коллеге?"
    )
    assert_fits_the_phone(page)
    screenshot(page, "phone-ru-1-question")

    page.locator('button.score[value="9"]').tap()
    page.wait_for_url(f"{survey.url}/more")
    assert page.locator("h1").inner_text() == "Отлично! Какова главная причина вашей оценки?"
    assert Response.objects.get().score == 9  # saved before any follow-up
    page.locator("textarea[name=comment]").fill("Быстрая доставка и вежливый курьер")
    screenshot(page, "phone-ru-2-followup")

    page.locator("button.send").tap()
    page.wait_for_url(f"{survey.url}/thanks")
    assert page.locator("h1").inner_text() == "Спасибо! Мы рады, что вы с нами."
    screenshot(page, "phone-ru-3-thanks")
    response = Response.objects.get()
    assert (response.score, response.language, response.comment) == (
        9,
        "ru",
        "Быстрая доставка и вежливый курьер",
    )


def test_answering_in_chinese_on_a_phone(live_survey, open_page, screenshot):
    survey = live_survey()
    page = open_page(locale="zh-CN", **PHONE)
    page.goto(survey.url)
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert page.locator("legend h1").inner_text() == "您有多大可能向朋友或同事推荐Shop？"
    assert page.evaluate(GLYPHS_DIFFER, ["推", "荐"]), (
        "Chinese renders as boxes: install fonts-noto-cjk"
    )
    assert_fits_the_phone(page)
    screenshot(page, "phone-zh-1-question")

    page.locator('button.score[value="6"]').tap()
    page.wait_for_url(f"{survey.url}/more")
    assert page.locator("h1").inner_text() == "很抱歉听到这个消息。我们可以做些什么来改善您的体验？"
    page.locator("textarea[name=comment]").fill("客服回复太慢了")
    screenshot(page, "phone-zh-2-followup")

    page.locator("button.send").tap()
    page.wait_for_url(f"{survey.url}/thanks")
    assert page.locator("h1").inner_text() == "感谢您的坦诚，我们会做得更好。"
    screenshot(page, "phone-zh-3-thanks")
    response = Response.objects.get()
    assert (response.score, response.nps_class, response.language, response.comment) == (
        6,
        "detractor",
        "zh-hans",
        "客服回复太慢了",
    )


def test_the_switcher_changes_the_language_on_a_phone(live_survey, open_page):
    survey = live_survey()
    page = open_page(locale="en-GB", **PHONE)
    page.goto(survey.url)
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Русский").tap()
    assert page.locator("html").get_attribute("lang") == "ru"
    page.locator('button.score[value="10"]').tap()
    page.wait_for_url(f"{survey.url}/more?lang=ru")
    assert Response.objects.get().language == "ru"
