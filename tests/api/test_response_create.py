"""POST /api/v1/surveys/{id}/responses stores one answer and returns it."""

from __future__ import annotations

import pytest

from opennps.responses.models import Response
from opennps.surveys.models import ExtraQuestion
from opennps.surveys.versions import publish_version

pytestmark = pytest.mark.django_db


def _post(api, survey, body):
    return api.post(f"/api/v1/surveys/{survey.pk}/responses", body)


def test_a_response_is_stored_and_returned_with_201(api_for, workspace_a, survey_a):
    writer = api_for(workspace_a, "responses:write")
    created = _post(
        writer,
        survey_a,
        {
            "score": 6,
            "comment": "Долгая доставка",
            "third_answer": "Faster couriers",
            "attributes": {"store": "12", "agent": "olga", "visits": 3},
            "language": "ru",
        },
    )
    assert created.status_code == 201
    body = created.json()
    stored = Response.objects.get(pk=body["id"])
    assert body == {
        "id": stored.pk,
        "survey_id": survey_a.pk,
        "score": 6,
        "class": "detractor",
        "comment": "Долгая доставка",
        "third_answer": "Faster couriers",
        "answers": {},
        "channel": "api",
        "language": "ru",
        "attributes": {"store": "12", "agent": "olga", "visits": 3},
        "contact": None,
        "version": 1,
        "created_at": body["created_at"],
        "updated_at": body["updated_at"],
    }
    assert stored.nps_class == "detractor"
    assert stored.workspace_id == workspace_a.pk


def test_the_language_defaults_to_the_surveys_and_the_channel_to_api(admin_a, survey_a):
    body = _post(admin_a, survey_a, {"score": 10}).json()
    assert body["language"] == "en"
    assert body["channel"] == "api"
    assert _post(admin_a, survey_a, {"score": 10, "channel": "phone"}).json()["channel"] == "phone"


@pytest.mark.parametrize("identifier", [{"external_id": "c-42"}, {"email": "olga@example.com"}])
def test_a_contact_is_found_by_external_id_or_email(admin_a, survey_a, contact_a, identifier):
    body = _post(admin_a, survey_a, {"score": 9, "contact": identifier}).json()
    assert body["contact"] == {
        "id": contact_a.pk,
        "external_id": "c-42",
        "email": "olga@example.com",
    }
    assert Response.objects.get(pk=body["id"]).contact == contact_a


def test_an_unknown_contact_is_422_and_is_not_created(admin_a, survey_a):
    response = _post(admin_a, survey_a, {"score": 9, "contact": {"email": "new@example.com"}})
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["field"] == "body.contact.email"
    assert "POST /api/v1/contacts" in error["message"]
    assert not Response.objects.exists()


def test_a_contact_needs_an_identifier(admin_a, survey_a):
    response = _post(admin_a, survey_a, {"score": 9, "contact": {}})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.contact"


def test_history_can_be_imported_with_its_own_date(admin_a, survey_a):
    body = _post(admin_a, survey_a, {"score": 8, "created_at": "2023-03-01T09:30:00+03:00"}).json()
    stored = Response.objects.get(pk=body["id"])
    assert stored.created_at.isoformat() == "2023-03-01T06:30:00+00:00"
    assert body["created_at"].startswith("2023-03-01T06:30:00")


@pytest.mark.parametrize(
    ("created_at", "words"),
    [
        ("2999-01-01T00:00:00Z", "future"),
        ("2023-03-01T09:30:00", "time zone"),
        ("yesterday", "date and time"),
    ],
)
def test_a_bad_created_at_is_refused(admin_a, survey_a, created_at, words):
    response = _post(admin_a, survey_a, {"score": 8, "created_at": created_at})
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["field"] == "body.created_at"
    assert words in error["message"]


def test_a_closed_survey_refuses_responses_with_409(admin_a, survey_a):
    admin_a.patch(f"/api/v1/surveys/{survey_a.pk}", {"status": "closed"})
    response = _post(admin_a, survey_a, {"score": 9})
    assert response.status_code == 409
    assert "closed" in response.json()["errors"][0]["message"]
    assert not Response.objects.exists()


def test_a_paused_or_draft_survey_still_takes_api_responses(admin_a, survey_a):
    for status in ("paused", "draft"):
        admin_a.patch(f"/api/v1/surveys/{survey_a.pk}", {"status": status})
        assert _post(admin_a, survey_a, {"score": 9}).status_code == 201


def test_answers_to_extra_questions_are_checked_against_the_survey(admin_a, survey_a):
    ExtraQuestion.objects.create(survey=survey_a, key="price", kind="rating", position=1)
    ExtraQuestion.objects.create(survey=survey_a, key="why", kind="text", position=2)
    publish_version(survey_a)
    good = _post(admin_a, survey_a, {"score": 7, "answers": {"price": 4, "why": "Cheap"}})
    assert good.status_code == 201
    assert good.json()["answers"] == {"price": 4, "why": "Cheap"}
    for answers, field in [
        ({"price": 6}, "body.answers.price"),
        ({"price": "4"}, "body.answers.price"),
        ({"why": 3}, "body.answers.why"),
        ({"colour": "red"}, "body.answers.colour"),
    ]:
        refused = _post(admin_a, survey_a, {"score": 7, "answers": answers})
        assert refused.status_code == 422, answers
        assert refused.json()["errors"][0]["field"] == field
    assert Response.objects.count() == 1
