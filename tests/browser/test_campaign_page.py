"""The campaign pages in a browser: preview in two languages, send a test to yourself, queue a
campaign for a small segment, and watch its progress after the worker ran."""

from __future__ import annotations

from typing import Any

import pytest

from opennps.accounts.actions.setup import create_admin
from opennps.contacts.models import Contact
from opennps.distribution.models import DistributionSettings, Invitation
from opennps.surveys.models import Survey, SurveyText
from opennps.surveys.versions import publish_version
from opennps.work.runner import Worker
from tests.browser_fixtures import RUSSIAN

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "long-pass-123"


@pytest.fixture
def shop(live_server: Any, settings: Any) -> Survey:
    from django.core.cache import cache

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.BASE_URL = live_server.url
    cache.clear()  # sign-in rate limits live in the cache table
    workspace = create_admin("alice@shop.example", PASSWORD, "Shop").workspace
    # Quiet hours off: the test must pass at any hour of the day.
    DistributionSettings.objects.create(workspace=workspace, quiet_hours_start=0, quiet_hours_end=0)
    survey = Survey.objects.create(
        workspace=workspace, name="Main", brand="Shop", status="active", languages=["en", "ru"]
    )
    SurveyText.objects.create(survey=survey, language="ru", **RUSSIAN)
    publish_version(survey)
    for number, plan in enumerate(("pro", "pro", "free", "pro", "free")):
        Contact.objects.create(
            workspace=workspace,
            email=f"client{number}@client.example",
            name=f"Client {number}",
            language="ru" if number == 0 else "en",
            attributes={"plan": plan},
        )
    return survey


def test_an_owner_previews_tests_and_sends_a_campaign_to_a_segment(
    shop, live_server, open_page, screenshot, smtp_server
):
    workspace_id = shop.workspace_id
    page = open_page(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page.goto(f"{live_server.url}/accounts/login/?next=/w/{workspace_id}/campaigns/new/")
    page.fill("input[name=username]", "alice@shop.example")
    page.fill("input[name=password]", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**/w/{workspace_id}/campaigns/new/")

    page.select_option("#id_preview_survey", str(shop.pk))
    page.select_option("#id_preview_channel", "email")
    page.get_by_role("button", name="Preview").click()
    page.wait_for_url("**/campaigns/preview/**")
    sections = page.locator("section.preview")
    assert sections.count() == 2
    assert [sections.nth(i).get_attribute("lang") for i in range(2)] == ["en", "ru"]
    russian = page.locator("section.preview[lang=ru]")
    russian_html = russian.locator("iframe").get_attribute("srcdoc") or ""
    assert "Насколько вероятно" in russian_html
    screenshot(page, "campaign-preview")

    russian.get_by_role("button", name="Send a test to me").click()
    page.wait_for_load_state()
    assert "A test message was sent to alice@shop.example." in page.locator("main").inner_text()
    (test_mail,) = smtp_server.inbox.wait_for(1)
    assert test_mail["To"] == "alice@shop.example"
    subject = str(test_mail["Subject"]).strip()
    assert subject.startswith("[Test]") and "Shop" in subject
    assert subject != "[Test] A quick question from Shop"  # the Russian wording, not English
    assert Invitation.objects.count() == 0  # a test stores nothing

    page.goto(f"{live_server.url}/w/{workspace_id}/campaigns/new/")
    page.select_option("#id_survey", str(shop.pk))
    page.select_option("#id_channel", "email")
    page.fill("#id_segment", "plan=pro")
    page.get_by_role("button", name="Queue campaign").click()
    page.wait_for_url("**/campaigns/*/")
    assert page.locator("tr[data-status=queued] td").nth(1).inner_text() == "3"

    Worker(poll_seconds=0).run(until_idle=True)
    page.reload()
    assert page.locator("tr[data-status=sent] td").nth(1).inner_text() == "3"
    assert page.locator("tr[data-status=queued] td").nth(1).inner_text() == "0"
    screenshot(page, "campaign-progress")
    mails = smtp_server.inbox.wait_for(4)
    recipients = sorted(mail["To"] for mail in mails[1:])
    assert recipients == [
        "client0@client.example",
        "client1@client.example",
        "client3@client.example",
    ]
