"""Scores and comments from the widget are stored with channel "widget" and kept attributes."""

from __future__ import annotations

from opennps.contacts.models import Contact
from opennps.responses.models import Response
from tests.channels_web.helpers import call


def show_to(client, survey, user_id):
    return call(client, survey, "eligibility", {"userId": user_id}).json()


def test_a_known_user_answer_is_stored_with_their_contact_and_kept_attributes(
    client, survey, widget
):
    ticket = show_to(client, survey, "user-42")["ticket"]
    answer = call(
        client,
        survey,
        "answer",
        {"score": 9, "ticket": ticket, "attributes": {"plan": "pro", "password": "x"}},
    )
    assert answer.status_code == 200
    assert answer.json()["class"] == "promoter"
    response = Response.objects.get()
    assert response.channel == "widget"
    assert response.contact == Contact.objects.get(external_id="user-42")
    assert response.attributes == {"plan": "pro"}
    assert response.invitation.channel == "widget"


def test_the_follow_up_comment_lands_on_the_same_response(client, survey, widget):
    answer = call(client, survey, "answer", {"score": 3, "browserId": "a" * 22}).json()
    saved = call(client, survey, "comment", {"followup": answer["followup"], "comment": "Too slow"})
    assert saved.status_code == 200
    assert Response.objects.get().comment == "Too slow"


def test_a_second_score_from_the_same_browser_updates_its_response(client, survey, widget):
    call(client, survey, "answer", {"score": 3, "browserId": "a" * 22})
    call(client, survey, "answer", {"score": 8, "browserId": "a" * 22})
    assert list(Response.objects.values_list("score", flat=True)) == [8]


def test_a_ticket_of_another_survey_is_refused(client, survey, widget, team):
    from opennps.channels_web.models import WidgetSettings
    from opennps.surveys.models import Survey

    other = Survey.objects.create(workspace=team.workspace, name="B", brand="B", status="active")
    WidgetSettings.objects.create(survey=other, allowed_origins=widget.allowed_origins)
    ticket = show_to(client, other, "user-1")["ticket"]
    response = call(client, survey, "answer", {"score": 9, "ticket": ticket})
    assert response.status_code == 400
    assert response.json()["field"] == "ticket"
    assert not Response.objects.exists()
