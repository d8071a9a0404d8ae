"""In Chromium: a score link from the e-mail sends the score by itself; without JavaScript the
visitor's one press of the confirm button does."""

from __future__ import annotations

import pytest

from opennps.contacts.models import Contact
from opennps.distribution.models import Invitation, create_invitation
from opennps.responses.models import Response

pytestmark = pytest.mark.django_db(transaction=True)


def _link(live_server, survey) -> str:
    contact = Contact.objects.create(workspace=survey.workspace, email="carol@client.example")
    _invitation, token = create_invitation(survey, contact, "email")
    return f"{live_server.url}/r/{token}"


def test_with_javascript_the_chosen_score_is_sent_at_once(live_server, live_survey, open_page):
    link = _link(live_server, live_survey())
    page = open_page(locale="en-GB")
    page.goto(f"{link}?score=9")
    page.wait_for_url(f"{link}/more")
    assert Response.objects.get().score == 9
    assert Invitation.objects.get().responded is True


def test_without_javascript_nothing_is_stored_until_the_confirm_button(
    live_server, live_survey, open_page
):
    link = _link(live_server, live_survey())
    page = open_page(locale="en-GB", java_script_enabled=False)
    page.goto(f"{link}?score=3")
    assert page.locator("button.score.is-chosen").inner_text() == "3"
    assert Response.objects.count() == 0
    page.locator("button[data-confirm]").click()
    page.wait_for_url(f"{link}/more")
    assert Response.objects.get().score == 3
