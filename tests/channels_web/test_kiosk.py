"""A kiosk tablet: answers tagged with its location, no personal data, no cookies."""

from __future__ import annotations

import pytest

from opennps.channels_web.models import Kiosk
from opennps.responses.models import Response


@pytest.fixture
def kiosk(survey, team):
    return Kiosk.objects.create(workspace=team.workspace, survey=survey, location="Store 12")


def test_a_score_is_stored_with_the_location_and_nothing_personal(client, kiosk):
    page = client.post(f"/k/{kiosk.token}", {"score": "9"})
    assert page.status_code == 303
    response = Response.objects.get()
    assert (response.channel, response.score) == ("kiosk", 9)
    assert response.attributes == {"location": "Store 12"}
    assert (response.contact, response.invitation, response.respondent_key) == (None, None, "")
    assert not page.cookies


def test_the_comment_then_the_thanks_page_that_starts_again(client, kiosk):
    more = client.post(f"/k/{kiosk.token}", {"score": "4"})["Location"]
    page = client.get(more)
    assert "What could we do to improve your experience?" in page.content.decode()
    thanks = client.post(more, {"comment": "Queue too long", "t": more.split("t=")[1]})
    assert Response.objects.get().comment == "Queue too long"
    page = client.get(thanks["Location"]).content.decode()
    assert f'content="5;url=/k/{kiosk.token}"' in page
    assert "Thank you for your honesty." in page


def test_two_visitors_leave_two_responses(client, kiosk):
    client.post(f"/k/{kiosk.token}", {"score": "9"})
    client.post(f"/k/{kiosk.token}", {"score": "2"})
    assert sorted(Response.objects.values_list("score", flat=True)) == [2, 9]


def test_a_forged_follow_up_ticket_goes_back_to_the_question(client, kiosk):
    page = client.post(f"/k/{kiosk.token}/more", {"t": "1:forged", "comment": "x"})
    assert page.status_code == 303
    assert page["Location"] == f"/k/{kiosk.token}"


@pytest.mark.parametrize("score", ["", "11", "nine", "-1"])
def test_a_malformed_score_is_refused_with_400(client, kiosk, score):
    page = client.post(f"/k/{kiosk.token}", {"score": score})
    assert page.status_code == 400
    assert not Response.objects.exists()


def test_an_unknown_or_switched_off_kiosk_is_not_found(client, kiosk):
    assert client.get("/k/not-a-kiosk").status_code == 404
    kiosk.active = False
    kiosk.save()
    assert client.get(f"/k/{kiosk.token}").status_code == 404


def test_the_token_is_not_stored_in_the_database(kiosk):
    assert kiosk.token not in (kiosk.seed, kiosk.token_hash)
    assert len(kiosk.token) == 32


def test_analysts_create_kiosks_and_viewers_cannot_see_the_page(team, survey):
    url = f"/w/{team.workspace.pk}/kiosks/"
    created = team.client_for(team.dana).post(
        url, {"survey": survey.pk, "location": "Front desk", "reset_seconds": 5}
    )
    assert created.status_code == 302
    kiosk = Kiosk.objects.get()
    assert kiosk.location == "Front desk"
    listing = team.client_for(team.dana).get(url).content.decode()
    assert f"/k/{kiosk.token}" in listing
    assert team.client_for(team.bob).get(url).status_code == 404
    assert team.client_for(team.charlie).get(url).status_code == 404


def test_a_kiosk_cannot_be_created_for_another_workspaces_survey(team):
    from opennps.surveys.models import Survey

    foreign = Survey.objects.create(workspace=team.other_workspace, name="X", brand="X")
    page = team.client_for(team.alice).post(
        f"/w/{team.workspace.pk}/kiosks/",
        {"survey": foreign.pk, "location": "A", "reset_seconds": 5},
    )
    assert page.status_code == 400
    assert not Kiosk.objects.exists()
