"""The contact card lists every invitation (channel, status), answer (score, comment) and case
(status, assignee, link) of one contact in one timeline, newest first; eNPS answers never show."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from opennps.cases.models import Case, CaseStatus
from opennps.contacts.models import Contact
from opennps.distribution.models import Invitation, InvitationStatus, create_invitation
from tests.reports.helpers import answer, make_shop, make_survey, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    shop = make_shop()
    shop.pulse = make_survey(shop.workspace, "Team pulse", kind="employee")
    shop.ann = Contact.objects.create(
        workspace=shop.workspace, email="ann@shop.example", phone="+15550100", name="Ann Lee"
    )
    now = timezone.now()
    sms, _ = create_invitation(shop.survey, shop.ann, "sms")
    Invitation.objects.filter(pk=sms.pk).update(
        created_at=now - timedelta(days=5), status=InvitationStatus.RESPONDED
    )
    critic = answer(
        shop.survey,
        2,
        "The parcel arrived broken",
        channel="sms",
        contact=shop.ann,
        created_at=now - timedelta(days=4),
    )
    case = Case.objects.get(response=critic)
    Case.objects.filter(pk=case.pk).update(
        opened_at=now - timedelta(days=4) + timedelta(minutes=1),
        assignee=shop.dana,
        status=CaseStatus.IN_PROGRESS,
    )
    shop.case = Case.objects.get(pk=case.pk)
    later, _ = create_invitation(shop.survey, shop.ann, "email")
    Invitation.objects.filter(pk=later.pk).update(
        created_at=now - timedelta(days=1), status=InvitationStatus.SENT
    )
    answer(
        shop.pulse, 1, "Nobody listens here", contact=shop.ann, created_at=now - timedelta(hours=2)
    )
    return shop


def test_invitations_answers_and_cases_appear_newest_first(shop):
    page = shop.client_for(shop.bob).get(shop.url(f"contacts/{shop.ann.pk}/"))

    text = page_text(page)
    assert page.status_code == 200
    titles = re.findall(r"<strong>(Invited|Opened|Answered|Case opened)</strong>", text)
    assert titles == ["Invited", "Case opened", "Answered", "Invited"]
    assert text.index("Sent") < text.index("Responded")  # the e-mail one is the newer
    assert "SMS" in text and "E-mail" in text


def test_a_case_shows_its_status_assignee_and_a_link(shop):
    text = page_text(shop.client_for(shop.alice).get(shop.url(f"contacts/{shop.ann.pk}/")))

    assert f'href="/w/{shop.workspace.pk}/cases/{shop.case.pk}/"' in text
    assert shop.case.get_status_display() in text
    assert (shop.dana.name or shop.dana.email) in text
    assert "The parcel arrived broken" in text
    assert '<span class="score-number">2</span>' in text


def test_employee_answers_never_reach_the_card(shop):
    text = page_text(shop.client_for(shop.alice).get(shop.url(f"contacts/{shop.ann.pk}/")))

    assert "Nobody listens here" not in text
    assert "Team pulse" not in text  # no eNPS invitation was made for Ann here


def test_another_workspace_cannot_open_the_card(shop):
    page = shop.client_for(shop.charlie).get(shop.url(f"contacts/{shop.ann.pk}/"))

    assert page.status_code == 404
