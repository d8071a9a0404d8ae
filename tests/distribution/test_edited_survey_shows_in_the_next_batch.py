"""A worker keeps its renderings of a survey from batch to batch, but a survey edited between two
batches goes out as edited: the next batch looks up the survey's current version."""

from __future__ import annotations

import pytest

from opennps.distribution.campaigns import queue_campaign
from opennps.distribution.models import Invitation
from opennps.surveys.editing import save_texts
from tests.distribution.conftest import run_worker
from tests.distribution.helpers import parts

pytestmark = pytest.mark.django_db


def test_a_question_edited_between_campaigns_is_asked_in_the_next_one(
    smtp_server, survey, make_contacts
):
    make_contacts(2, language="en")
    queue_campaign(survey, "email")
    run_worker()
    first = smtp_server.inbox.wait_for(2)
    assert "How likely" in parts(first[0])[0]

    save_texts(survey, "en", {"question": "Would you tell a friend about our bakery?"})
    Invitation.objects.update(asked_at=None)  # let the same people be asked again
    queue_campaign(survey, "email")
    run_worker()

    second = smtp_server.inbox.wait_for(4)[2:]
    assert len(second) == 2
    for message in second:
        text = parts(message)[0]
        assert "Would you tell a friend about our bakery?" in text
        assert "How likely" not in text
