"""Editing a survey publishes a new version; earlier responses keep the one they answered."""

from __future__ import annotations

import pytest

from opennps.responses.models import Response

pytestmark = pytest.mark.django_db


def _answer(api, survey_id: int) -> dict:
    response = api.post(f"/api/v1/surveys/{survey_id}/responses", {"score": 8})
    assert response.status_code == 201
    return response.json()


def test_responses_after_an_edit_get_the_new_version_and_earlier_ones_keep_theirs(
    admin_a, survey_a
):
    before = _answer(admin_a, survey_a.pk)
    edited = admin_a.patch(
        f"/api/v1/surveys/{survey_a.pk}", {"brand": "Acme Stores", "ask_third_question": True}
    )
    assert edited.json()["version"] == 2
    after = _answer(admin_a, survey_a.pk)

    assert before["version"] == 1
    assert after["version"] == 2
    assert admin_a.get(f"/api/v1/responses/{before['id']}").json()["version"] == 1
    first = Response.objects.get(pk=before["id"]).version
    second = Response.objects.get(pk=after["id"]).version
    assert "Acme Stores" not in first.content["texts"]["en"]["question"]
    assert "Acme Stores" in second.content["texts"]["en"]["question"]


def test_an_edit_respondents_cannot_see_publishes_no_version(admin_a, survey_a):
    # The name and status are for the team; the wording respondents answered did not change.
    body = admin_a.patch(f"/api/v1/surveys/{survey_a.pk}", {"name": "Q3", "status": "paused"})
    assert body.json()["version"] == 1
    assert survey_a.versions.count() == 1


def test_changing_a_text_publishes_a_version(admin_a, survey_a):
    body = admin_a.patch(
        f"/api/v1/surveys/{survey_a.pk}", {"texts": {"ru": {"thanks_promoter": "Спасибо!"}}}
    )
    assert body.json()["version"] == 2
    assert survey_a.versions.get(number=2).content["texts"]["ru"]["thanks_promoter"] == "Спасибо!"
