"""Browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live server.

Loaded once for the whole suite from tests/conftest.py (pytest_plugins): Playwright's sync API
allows one instance per process, so every folder's browser tests must share this one.

One browser for the whole session (fast); a fresh context (cookies, locale, viewport) per test.
Screenshots go to test-artifacts/ (gitignored) for a human to look at.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop in the test thread; Django then refuses ORM calls from
# that thread unless told that this is deliberate. The ORM calls here are plain synchronous ones.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

RUSSIAN = {
    "question": "Насколько вероятно, что вы порекомендуете {brand} другу или коллеге?",
    "label_low": "Совсем маловероятно",
    "label_high": "Очень вероятно",
    "followup_detractor": "Нам жаль это слышать. Что мы могли бы улучшить?",
    "followup_passive": "Нам жаль это слышать. Что мы могли бы улучшить?",
    "followup_promoter": "Отлично! Какова главная причина вашей оценки?",
    "thanks_detractor": "Спасибо за честность. Мы станем лучше.",
    "thanks_passive": "Спасибо за ответ!",
    "thanks_promoter": "Спасибо! Мы рады, что вы с нами.",
}
CHINESE = {
    "question": "您有多大可能向朋友或同事推荐{brand}？",
    "label_low": "完全不可能",
    "label_high": "极有可能",
    "followup_detractor": "很抱歉听到这个消息。我们可以做些什么来改善您的体验？",
    "followup_passive": "很抱歉听到这个消息。我们可以做些什么来改善您的体验？",
    "followup_promoter": "太好了！您给出这个分数的主要原因是什么？",
    "thanks_detractor": "感谢您的坦诚，我们会做得更好。",
    "thanks_passive": "感谢您的回答！",
    "thanks_promoter": "谢谢！很高兴有您的支持。",
}


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(
            f"Chromium is missing at {CHROMIUM}: run `python scripts/ensure_browser.py` as root "
            "(or apt-get install chromium fonts-noto-cjk) to run the browser tests."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """A new page in a fresh browser context; keyword arguments go to new_context()."""
    contexts: list[Any] = []

    def open_(**options: Any) -> Any:
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot() -> Callable[[Any, str], Path]:
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page: Any, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def live_survey(transactional_db: None, live_server: Any, settings: Any) -> Callable[..., Any]:
    """Make an active survey (English, Russian, Chinese) and return it with its URL."""
    from django.core.cache import cache

    from opennps.accounts.actions.setup import create_admin
    from opennps.surveys.models import ExtraQuestion, Survey, SurveyText
    from opennps.surveys.versions import publish_version

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Rate-limit counters live in the cache table, which flushing between tests does not empty.
    cache.clear()
    workspace = create_admin("alice@shop.example", "long-pass-123", "Shop").workspace

    def make(questions: tuple[dict[str, Any], ...] = (), **fields: Any) -> Any:
        defaults = {"name": "Main", "brand": "Shop", "status": "active"}
        defaults["languages"] = ["en", "ru", "zh-hans"]
        survey = Survey.objects.create(workspace=workspace, **{**defaults, **fields})
        for position, question in enumerate(questions):
            ExtraQuestion.objects.create(survey=survey, position=position, **question)
        SurveyText.objects.create(survey=survey, language="ru", **RUSSIAN)
        SurveyText.objects.create(survey=survey, language="zh-hans", **CHINESE)
        publish_version(survey)
        survey.url = f"{live_server.url}/s/{survey.public_id}"
        return survey

    return make
