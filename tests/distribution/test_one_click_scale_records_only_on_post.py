"""One click in the e-mail: the GET shows the chosen score and stores nothing; the POST stores it."""

from __future__ import annotations

from opennps.distribution.campaigns import queue_campaign
from opennps.distribution.models import Invitation
from opennps.responses.models import Response
from tests.distribution.conftest import run_worker
from tests.distribution.helpers import parts, score_links


def _links(smtp_server, survey, make_contacts) -> list[tuple[str, int]]:
    make_contacts(1)
    queue_campaign(survey, "email")
    run_worker()
    (message,) = smtp_server.inbox.wait_for(1)
    return score_links(parts(message)[1])


def test_opening_all_eleven_links_like_a_mail_scanner_records_nothing(
    client, smtp_server, survey, make_contacts
):
    links = _links(smtp_server, survey, make_contacts)
    for token, score in links:
        page = client.get(f"/r/{token}?score={score}")
        assert page.status_code == 200
    assert Response.objects.count() == 0
    invitation = Invitation.objects.get()
    assert invitation.responded is False
    assert invitation.status != "responded"


def test_the_page_shows_the_chosen_score_with_a_confirm_button_that_sends_it(
    client, smtp_server, survey, make_contacts
):
    token, _ = _links(smtp_server, survey, make_contacts)[9]
    html = client.get(f"/r/{token}?score=9").content.decode()
    assert 'data-autosubmit="9"' in html
    assert 'class="score is-chosen" name="score" value="9"' in html
    assert 'name="score" value="9" data-confirm' in html


def test_a_score_outside_the_scale_in_the_link_chooses_nothing(
    client, smtp_server, survey, make_contacts
):
    token, _ = _links(smtp_server, survey, make_contacts)[0]
    for bad in ("11", "-1", "nine", "9.5", "²", "٣", "0" * 400):
        html = client.get(f"/r/{token}", {"score": bad}).content.decode()
        assert "data-autosubmit" not in html
        assert "is-chosen" not in html


def test_the_post_records_one_score_and_marks_the_invitation_responded(
    client, smtp_server, survey, make_contacts
):
    token, _ = _links(smtp_server, survey, make_contacts)[9]
    client.get(f"/r/{token}?score=9")
    page = client.post(f"/r/{token}", {"score": "9"})
    assert page.status_code == 303
    response = Response.objects.get()
    assert response.score == 9
    assert response.channel == "email"
    invitation = Invitation.objects.get()
    assert invitation.responded is True
    assert invitation.status == "responded"
