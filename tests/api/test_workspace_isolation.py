"""A key of workspace B never reads, changes or learns of anything in workspace A.

The matrix lists every endpoint; `test_the_matrix_covers_every_route` fails when a route is added
without a line here, so the matrix cannot fall behind the API.
"""

from __future__ import annotations

import pytest

from opennps.api.v1 import api
from opennps.contacts.models import Contact
from opennps.responses.models import Response
from opennps.surveys.actions import create_survey
from opennps.surveys.models import Survey

pytestmark = pytest.mark.django_db

# Endpoints that address one object of workspace A by id: B must get 404, exactly as for an id
# that does not exist at all.
OBJECT_ENDPOINTS = [
    ("GET", "/api/v1/surveys/{survey_id}", None),
    ("PATCH", "/api/v1/surveys/{survey_id}", {"name": "Taken over"}),
    ("GET", "/api/v1/surveys/{survey_id}/summary", None),
    ("POST", "/api/v1/surveys/{survey_id}/responses", {"score": 0, "comment": "from B"}),
    ("GET", "/api/v1/responses/{response_id}", None),
    ("DELETE", "/api/v1/responses/{response_id}", None),
    ("GET", "/api/v1/contacts/{contact_id}", None),
    ("DELETE", "/api/v1/contacts/{contact_id}", None),
]
# Endpoints that list or create in the key's own workspace: checked one by one below.
WORKSPACE_ENDPOINTS = [
    ("GET", "/api/v1/surveys"),
    ("POST", "/api/v1/surveys"),
    ("GET", "/api/v1/responses"),
    ("POST", "/api/v1/contacts"),
]
MISSING_ID = 987_654


def test_the_matrix_covers_every_route():
    routes = {
        (method.upper(), path)
        for path, operations in api.get_openapi_schema()["paths"].items()
        for method in operations
    }
    listed = {(m, p) for m, p, _ in OBJECT_ENDPOINTS} | set(WORKSPACE_ENDPOINTS)
    assert routes == listed


def _fill(path: str, survey_id: int, response_id: int, contact_id: int) -> str:
    return path.format(survey_id=survey_id, response_id=response_id, contact_id=contact_id)


@pytest.mark.parametrize(("method", "path", "body"), OBJECT_ENDPOINTS)
def test_another_workspace_gets_404_for_every_object_endpoint(
    admin_b, survey_a, response_a, contact_a, method, path, body
):
    foreign = admin_b.call(method, _fill(path, survey_a.pk, response_a.pk, contact_a.pk), body)
    missing = admin_b.call(method, _fill(path, MISSING_ID, MISSING_ID, MISSING_ID), body)
    assert foreign.status_code == 404
    # Same answer as for nothing at all: the response cannot tell "elsewhere" from "nowhere".
    assert foreign.json() == missing.json()
    survey_a.refresh_from_db()
    assert survey_a.name == "Relationship NPS"
    assert Response.objects.filter(pk=response_a.pk).exists()
    assert Response.objects.get(pk=response_a.pk).comment == "Slow delivery"
    assert Contact.objects.filter(pk=contact_a.pk).exists()
    assert Response.objects.filter(survey=survey_a).count() == 1


def test_listing_surveys_shows_only_the_keys_workspace(admin_b, survey_a, enps_a):
    assert admin_b.get("/api/v1/surveys").json() == {"items": []}


def test_listing_responses_shows_only_the_keys_workspace(admin_b, survey_a, response_a):
    assert admin_b.get("/api/v1/responses").json() == {"items": [], "next": None}
    filtered = admin_b.get("/api/v1/responses", {"survey": survey_a.pk})
    assert filtered.json() == {"items": [], "next": None}


def test_creating_a_survey_lands_in_the_keys_workspace(admin_b, workspace_b):
    created = admin_b.post("/api/v1/surveys", {"name": "Globex NPS", "brand": "Globex"})
    assert created.status_code == 201
    assert Survey.objects.get(pk=created.json()["id"]).workspace == workspace_b


def test_upserting_a_contact_never_touches_another_workspaces_contact(
    admin_b, workspace_b, contact_a
):
    upserted = admin_b.post(
        "/api/v1/contacts", {"external_id": contact_a.external_id, "name": "Mallory"}
    )
    assert upserted.status_code == 201
    assert upserted.json()["id"] != contact_a.pk
    assert Contact.objects.get(pk=upserted.json()["id"]).workspace == workspace_b
    contact_a.refresh_from_db()
    assert contact_a.name == "Olga"


def test_a_response_cannot_name_another_workspaces_contact(admin_b, workspace_b, contact_a):
    survey_b = create_survey(workspace_b, name="Globex NPS", brand="Globex")
    refused = admin_b.post(
        f"/api/v1/surveys/{survey_b.pk}/responses",
        {"score": 9, "contact": {"external_id": contact_a.external_id}},
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "body.contact.external_id"
    assert not contact_a.responses.exists()
