"""Forms are protected against cross-site requests."""

from __future__ import annotations

import re

from django.test import Client

from opennps.surveys.models import Survey


def test_a_form_post_without_the_csrf_token_is_refused_and_with_it_accepted(team):
    client = Client(enforce_csrf_checks=True)
    client.force_login(team.alice)
    url = f"/w/{team.workspace.id}/surveys/new/"
    data = {
        "name": "NPS",
        "kind": "customer",
        "brand": "Shop",
        "default_language": "en",
        "accent_colour": "#0b5cad",
        "repeat_days_per_browser": "30",
        "daily_answers_per_ip": "50",
    }
    assert client.post(url, data).status_code == 403
    assert not Survey.objects.exists()

    page = client.get(url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert client.post(url, {**data, "csrfmiddlewaretoken": token}).status_code == 302
    assert Survey.objects.count() == 1


def test_signing_out_needs_the_csrf_token_too(team):
    client = Client(enforce_csrf_checks=True)
    client.force_login(team.alice)
    assert client.post("/accounts/logout/").status_code == 403
    assert "_auth_user_id" in client.session
