"""A response opens its contact's card: the contact, then invitations, answers and cases, newest first.
Employee (eNPS) answers never lead to a person."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from opennps.contacts.models import Contact
from opennps.distribution.models import Invitation, InvitationStatus, create_invitation
from tests.reports.helpers import answer, make_shop, make_survey, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    shop = make_shop()
    shop.pulse = make_survey(shop.workspace, "Team pulse", kind="employee")
    shop.ann = Contact.objects.create(
        workspace=shop.workspace,
        email="ann@shop.example",
        name="Ann Lee",
        attributes={"plan": "gold"},
    )
    now = timezone.now()
    first, _ = create_invitation(shop.survey, shop.ann, "email")
    Invitation.objects.filter(pk=first.pk).update(
        created_at=now - timedelta(days=30),
        opened_at=now - timedelta(days=29),
        status=InvitationStatus.RESPONDED,
    )
    answer(
        shop.survey, 4, "First time: slow", contact=shop.ann, created_at=now - timedelta(days=29)
    )
    answer(
        shop.survey,
        9,
        "Second time: much better",
        contact=shop.ann,
        created_at=now - timedelta(days=2),
    )
    pulse, _ = create_invitation(shop.pulse, shop.ann, "email")
    Invitation.objects.filter(pk=pulse.pk).update(
        created_at=now - timedelta(days=10), status=InvitationStatus.RESPONDED
    )
    # The employee answer: even handed a contact, the row keeps none.
    answer(
        shop.pulse, 2, "My manager ignores me", contact=shop.ann, created_at=now - timedelta(days=9)
    )
    return shop


def test_a_customer_response_links_to_the_contact_card(shop):
    text = page_text(shop.client_for(shop.bob).get(shop.url("responses/")))

    assert f'href="/w/{shop.workspace.pk}/contacts/{shop.ann.pk}/">Ann Lee</a>' in text


def test_the_card_tells_the_story_newest_first(shop):
    page = shop.client_for(shop.bob).get(shop.url(f"contacts/{shop.ann.pk}/"))

    text = page_text(page)
    assert page.status_code == 200
    assert "ann@shop.example" in text and "gold" in text
    events = re.findall(r"<strong>(Invited|Opened|Answered)</strong>", text)
    assert events == ["Answered", "Invited", "Answered", "Opened", "Invited"]
    assert text.index("Second time: much better") < text.index("First time: slow")


def test_employee_answers_and_their_status_never_appear_on_a_card(shop):
    text = page_text(shop.client_for(shop.alice).get(shop.url(f"contacts/{shop.ann.pk}/")))

    assert "My manager ignores me" not in text
    assert "Team pulse" in text
    assert "employee survey: answers are anonymous" in text
    assert text.count("Responded") == 1  # the customer invitation only


def test_the_employee_answer_in_the_list_names_nobody(shop):
    text = page_text(
        shop.client_for(shop.alice).get(shop.url("responses/"), {"survey": shop.pulse.pk})
    )

    assert "My manager ignores me" in text
    assert "Anonymous (employee survey)" in text
    assert "/contacts/" not in text
