"""The case inbox in a browser: open a detractor's case, assign it, note, reply, resolve."""

from __future__ import annotations

from typing import Any

import pytest

from opennps.accounts.actions.setup import create_admin
from opennps.accounts.models import Membership, Role, User
from opennps.cases.models import Case
from opennps.contacts.models import Contact
from opennps.responses.actions import Answer, create_response
from opennps.surveys.models import Survey
from opennps.surveys.versions import publish_version
from opennps.work.runner import Worker

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "long-pass-123"


@pytest.fixture
def detractor_case(live_server: Any, settings: Any) -> Case:
    from django.core.cache import cache

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()  # sign-in rate limits live in the cache table
    workspace = create_admin("alice@shop.example", PASSWORD, "Shop").workspace
    dana = User.objects.create_user("dana@shop.example", name="Dana")
    Membership.objects.create(user=dana, workspace=workspace, role=Role.ANALYST)
    survey = Survey.objects.create(workspace=workspace, name="Main", brand="Shop", status="active")
    publish_version(survey)
    contact = Contact.objects.create(
        workspace=workspace, email="ivan@client.example", name="Ivan Petrov", language="en"
    )
    answer = Answer(score=2, channel="email", comment="The parcel arrived broken, twice.")
    return create_response(survey, answer, contact=contact).case


def test_an_owner_works_a_case_from_inbox_to_resolved(
    detractor_case, live_server, open_page, screenshot, smtp_server
):
    case = detractor_case
    page = open_page(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page.goto(f"{live_server.url}/accounts/login/?next=/w/{case.workspace_id}/cases/")
    page.fill("input[name=username]", "alice@shop.example")
    page.fill("input[name=password]", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**/w/{case.workspace_id}/cases/")
    assert page.get_by_role("link", name="Cases").first.get_attribute("aria-current") == "page"
    screenshot(page, "cases-inbox")

    page.get_by_role("link", name=f"#{case.pk}").click()
    page.wait_for_url(f"**/cases/{case.pk}/")
    assert "The parcel arrived broken" in page.locator("main").inner_text()
    assert page.locator(".playbook-steps li").count() == 4

    page.select_option("#id_assignee", label="Dana")
    page.get_by_role("button", name="Assign", exact=True).click()
    page.wait_for_load_state()
    assert page.locator("#case-assignee").inner_text() == "Dana"

    page.fill("#id_note", "Called Ivan; he wants a replacement.")
    page.get_by_role("button", name="Add note").click()
    page.wait_for_load_state()
    assert "he wants a replacement" in page.locator("main").inner_text()

    assert page.input_value("#id_subject") == "We are sorry, and we would like to put it right"
    assert page.input_value("#id_body").startswith("Dear Ivan Petrov,")
    page.get_by_role("button", name="Send reply").click()
    page.wait_for_load_state()
    assert page.locator("#case-status").inner_text() == "Contacted"
    Worker(poll_seconds=0).run(until_idle=True)
    (mail,) = smtp_server.inbox.wait_for(1)
    assert mail["To"] == "ivan@client.example"

    page.select_option("#id_status", "resolved")
    page.get_by_role("button", name="Save status").click()
    page.wait_for_load_state()
    assert page.locator("#case-status").inner_text() == "Resolved"
    activity = page.locator("#activity").inner_text()
    assert "Assigned to dana@shop.example" in activity and "Reply" in activity
    screenshot(page, "cases-detail-resolved")
    case.refresh_from_db()
    assert (case.status, case.assignee.email) == ("resolved", "dana@shop.example")
    assert case.first_contacted_at is not None and case.resolved_at is not None
