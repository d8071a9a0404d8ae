"""eNPS through personal links: the row never points at the employee, and never doubles."""

from __future__ import annotations

from django.test import Client

from opennps.distribution.models import Invitation
from opennps.responses.models import Response
from tests.responses.helpers import html_of


def test_the_response_carries_no_contact_and_no_invitation(client, make_survey, invite):
    survey = make_survey(kind="employee")
    token = invite(survey)
    client.get(f"/r/{token}")
    client.post(f"/r/{token}", {"score": "6"})
    client.post(f"/r/{token}/more", {"comment": "More training"})
    response = Response.objects.get()
    assert response.contact_id is None and response.invitation_id is None
    assert response.comment == "More training"
    assert Invitation.objects.get().responded


def test_the_opening_time_is_kept_only_to_the_day(client, make_survey, invite):
    survey = make_survey(kind="employee")
    client.get(f"/r/{invite(survey)}")
    opened_at = Invitation.objects.get().opened_at
    assert (opened_at.hour, opened_at.minute, opened_at.second) == (0, 0, 0)


def test_the_same_device_may_revise_its_answer(client, make_survey, invite):
    survey = make_survey(kind="employee")
    token = invite(survey)
    client.post(f"/r/{token}", {"score": "6"})
    assert client.post(f"/r/{token}", {"score": "9"}).status_code == 303
    assert Response.objects.get().score == 9


def test_a_second_device_is_told_it_already_answered_and_adds_no_row(client, make_survey, invite):
    survey = make_survey(kind="employee")
    token = invite(survey)
    client.post(f"/r/{token}", {"score": "6"})
    other_device = Client()
    assert "You have already answered" in html_of(other_device.get(f"/r/{token}"))
    refused = other_device.post(f"/r/{token}", {"score": "0"})
    assert refused.status_code == 409
    assert "You have already answered" in html_of(refused)
    assert list(Response.objects.values_list("score", flat=True)) == [6]


def test_a_second_device_cannot_read_or_change_the_follow_up(client, make_survey, invite):
    survey = make_survey(kind="employee")
    token = invite(survey)
    client.post(f"/r/{token}", {"score": "6"})
    client.post(f"/r/{token}/more", {"comment": "Private words"})
    other_device = Client()
    page = other_device.get(f"/r/{token}/more")
    assert "Private words" not in html_of(page)
    other_device.post(f"/r/{token}/more", {"comment": "Overwritten"})
    assert Response.objects.get().comment == "Private words"


def test_a_double_click_before_the_cookie_arrives_updates_the_same_row(make_survey, invite):
    survey = make_survey(kind="employee")
    token = invite(survey)
    browser = Client()
    html = html_of(browser.get(f"/r/{token}"))
    browser_id = html.split('name="browser" value="')[1].split('"')[0]
    # Both clicks leave before either answer (and its cookie) comes back.
    racing = Client()
    racing.cookies["opennps_browser"] = browser_id
    browser.post(f"/r/{token}", {"score": "6"})
    second = racing.post(f"/r/{token}", {"score": "6"})
    assert second.status_code == 303
    assert Response.objects.count() == 1
