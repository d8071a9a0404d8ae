"""A key of workspace B never reads, changes or learns of anything in workspace A.

The matrix lists every endpoint; `test_the_matrix_covers_every_route` fails when a route is added
without a line here, so the matrix cannot fall behind the API.
"""

from __future__ import annotations

import pytest

from opennps.alerts.models import AlertRule
from opennps.api.v1 import api
from opennps.cases.models import Case, CaseStatus
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
    ("GET", "/api/v1/surveys/{survey_id}/trend", None),
    ("GET", "/api/v1/surveys/{survey_id}/segments?by=store", None),
    ("POST", "/api/v1/surveys/{survey_id}/responses", {"score": 0, "comment": "from B"}),
    ("GET", "/api/v1/responses/{response_id}", None),
    ("DELETE", "/api/v1/responses/{response_id}", None),
    ("GET", "/api/v1/contacts/{contact_id}", None),
    ("DELETE", "/api/v1/contacts/{contact_id}", None),
    ("GET", "/api/v1/alert-rules/{rule_id}", None),
    ("DELETE", "/api/v1/alert-rules/{rule_id}", None),
    ("GET", "/api/v1/cases/{case_id}", None),
    ("PATCH", "/api/v1/cases/{case_id}", {"status": "resolved", "note": "from B"}),
]
# Endpoints that list or create in the key's own workspace: checked one by one below.
WORKSPACE_ENDPOINTS = [
    ("GET", "/api/v1/surveys"),
    ("POST", "/api/v1/surveys"),
    ("GET", "/api/v1/responses"),
    ("POST", "/api/v1/contacts"),
    ("POST", "/api/v1/events"),  # a foreign contact is unknown: tests/distribution/test_event_*
    ("GET", "/api/v1/alert-rules"),
    (
        "POST",
        "/api/v1/alert-rules",
    ),  # a foreign survey is refused: tests/alerts/test_alert_rules_api
    ("GET", "/api/v1/cases"),
    ("GET", "/api/v1/watched-themes"),  # tests/alerts/test_theme_conditions.py
]
MISSING_ID = 987_654


def test_the_matrix_covers_every_route():
    routes = {
        (method.upper(), path)
        for path, operations in api.get_openapi_schema()["paths"].items()
        for method in operations
    }
    listed = {(m, p.split("?")[0]) for m, p, _ in OBJECT_ENDPOINTS} | set(WORKSPACE_ENDPOINTS)
    assert routes == listed


@pytest.fixture
def rule_a(workspace_a) -> AlertRule:
    return AlertRule.objects.create(
        workspace=workspace_a, name="Detractors", conditions={"class": ["detractor"]}
    )


@pytest.fixture
def case_a(response_a) -> Case:
    return Case.objects.get(response=response_a)  # a detractor's case opens with the answer


@pytest.mark.parametrize(("method", "path", "body"), OBJECT_ENDPOINTS)
def test_another_workspace_gets_404_for_every_object_endpoint(
    admin_b, survey_a, response_a, contact_a, rule_a, case_a, method, path, body
):
    ids = {
        "survey_id": survey_a.pk,
        "response_id": response_a.pk,
        "contact_id": contact_a.pk,
        "rule_id": rule_a.pk,
        "case_id": case_a.pk,
    }
    foreign = admin_b.call(method, path.format(**ids), body)
    missing = admin_b.call(method, path.format(**dict.fromkeys(ids, MISSING_ID)), body)
    assert foreign.status_code == 404
    # Same answer as for nothing at all: the response cannot tell "elsewhere" from "nowhere".
    assert foreign.json() == missing.json()
    survey_a.refresh_from_db()
    assert survey_a.name == "Relationship NPS"
    assert Response.objects.filter(pk=response_a.pk).exists()
    assert Response.objects.get(pk=response_a.pk).comment == "Slow delivery"
    assert Contact.objects.filter(pk=contact_a.pk).exists()
    assert Response.objects.filter(survey=survey_a).count() == 1
    assert AlertRule.objects.filter(pk=rule_a.pk).exists()
    case_a.refresh_from_db()
    assert case_a.status == CaseStatus.NEW
    assert not case_a.activities.filter(kind="note").exists()


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
