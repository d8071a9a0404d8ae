"""A post without a valid CSRF token (stale page, blocked cookies) gets a friendly page."""

from __future__ import annotations

from django.test import Client

from opennps.responses.models import Response
from tests.responses.helpers import html_of


def test_a_post_without_the_form_token_is_refused_kindly(survey):
    client = Client(enforce_csrf_checks=True)
    page = client.post(f"/s/{survey.public_id}", {"score": "9"})
    assert page.status_code == 403
    assert "This page has expired" in html_of(page)
    assert not Response.objects.exists()


def test_a_post_with_the_page_token_is_accepted(survey):
    client = Client(enforce_csrf_checks=True)
    html = html_of(client.get(f"/s/{survey.public_id}"))
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    page = client.post(f"/s/{survey.public_id}", {"score": "9", "csrfmiddlewaretoken": token})
    assert page.status_code == 303
    followup = html_of(client.get(page.headers["Location"]))
    token = followup.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    page = client.post(
        f"/s/{survey.public_id}/more", {"comment": "ok", "csrfmiddlewaretoken": token}
    )
    assert page.status_code == 303
    assert Response.objects.get().comment == "ok"


def test_a_follow_up_without_the_form_token_changes_nothing(survey):
    client = Client(enforce_csrf_checks=True)
    html = html_of(client.get(f"/s/{survey.public_id}"))
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    client.post(f"/s/{survey.public_id}", {"score": "9", "csrfmiddlewaretoken": token})
    assert client.post(f"/s/{survey.public_id}/more", {"comment": "x"}).status_code == 403
    assert Response.objects.get().comment == ""
