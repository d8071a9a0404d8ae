"""The page is light and self-contained: < 60 KB with its CSS and JS, nothing from elsewhere."""

from __future__ import annotations

import re

import pytest

from tests.responses.helpers import html_of

PAGE_BUDGET = 60 * 1024


@pytest.fixture
def rich_survey(make_survey):
    return make_survey(
        ask_third_question=True,
        hidden_attributes=["store"],
        questions=[
            {"key": key, "kind": "rating", "required": False, "texts": {"en": {"label": key}}}
            for key in ("price", "quality", "service", "delivery")
        ],
    )


def assets_of(html):
    return re.findall(r'(?:src|href)="(/static/[^"]+)"', html)


def served_size(client, url):
    page = client.get(url)
    assert page.status_code == 200, url
    return len(b"".join(page.streaming_content) if page.streaming else page.content)


def pages_of(client, survey):
    question = client.get(f"/s/{survey.public_id}?store=1")
    client.post(f"/s/{survey.public_id}", {"score": "9"})
    followup = client.get(f"/s/{survey.public_id}/more")
    thanks = client.get(f"/s/{survey.public_id}/thanks")
    return [question, followup, thanks]


def test_each_page_with_its_css_and_js_weighs_under_60_kb(client, rich_survey):
    for page in pages_of(client, rich_survey):
        html = html_of(page)
        assets = assets_of(html)
        assert any(asset.endswith(".css") for asset in assets)
        assert any(asset.endswith(".js") for asset in assets)
        total = len(page.content) + sum(served_size(client, asset) for asset in assets)
        assert total < PAGE_BUDGET, f"{page.request['PATH_INFO']} weighs {total} bytes"


def test_one_stylesheet_and_one_script(client, rich_survey):
    html = html_of(client.get(f"/s/{rich_survey.public_id}"))
    assert assets_of(html) == ["/static/responses/survey.css", "/static/responses/survey.js"]


def test_nothing_is_loaded_from_another_site(client, rich_survey):
    for page in pages_of(client, rich_survey):
        html = html_of(page)
        assert not re.search(r'(?:src|href|action)="(?:https?:)?//', html)
        assert "@import" not in html and "url(" not in html


def test_the_stylesheet_and_script_reach_nowhere_else(client):
    for asset in ("/static/responses/survey.css", "/static/responses/survey.js"):
        text = b"".join(client.get(asset).streaming_content).decode()
        assert "http://" not in text and "https://" not in text and "@import" not in text


def test_no_inline_scripts_or_event_handlers(client, rich_survey):
    for page in pages_of(client, rich_survey):
        html = html_of(page)
        assert re.findall(r"<script[^>]*>", html) == [
            '<script src="/static/responses/survey.js" defer>'
        ]
        assert not re.search(r"\son[a-z]+=", html)
        assert "javascript:" not in html


def test_the_score_buttons_are_big_enough_to_tap(client):
    css = b"".join(client.get("/static/responses/survey.css").streaming_content).decode()
    rule = re.search(r"\.score \{([^}]*)\}", css).group(1)
    assert int(re.search(r"min-height: (\d+)px", rule).group(1)) >= 44
    assert int(re.search(r"min-width: (\d+)px", rule).group(1)) >= 44
    assert ":focus-visible { outline: 3px solid" in css
