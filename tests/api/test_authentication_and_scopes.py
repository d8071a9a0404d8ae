"""Every endpoint wants a live key in X-Api-Key, and the scope the endpoint names."""

from __future__ import annotations

import pytest
from django.test import Client

from opennps.accounts.actions.api_keys import create_api_key, revoke_api_key

pytestmark = pytest.mark.django_db


def test_a_request_without_a_key_is_refused_with_401_json(client, survey_a):
    response = client.get("/api/v1/surveys")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {
        "errors": [{"field": None, "message": "Send your API key in the X-Api-Key header."}]
    }


@pytest.mark.parametrize("secret", ["onps_not-a-real-key", "nonsense", "onps_" + "x" * 300])
def test_an_unknown_key_is_refused_with_401(client, workspace_a, secret):
    response = client.get("/api/v1/surveys", headers={"X-Api-Key": secret})
    assert response.status_code == 401
    assert "not valid" in response.json()["errors"][0]["message"]


def test_a_revoked_key_is_refused(workspace_a):
    key, secret = create_api_key(workspace_a, ["admin"])
    client = Client(headers={"X-Api-Key": secret})
    assert client.get("/api/v1/surveys").status_code == 200
    revoke_api_key(key)
    assert client.get("/api/v1/surveys").status_code == 401


def test_a_read_key_reads_but_cannot_create_a_survey(api_for, workspace_a):
    reader = api_for(workspace_a, "read")
    assert reader.get("/api/v1/surveys").status_code == 200
    response = reader.post("/api/v1/surveys", {"name": "Q3", "brand": "Acme"})
    assert response.status_code == 403
    assert "admin" in response.json()["errors"][0]["message"]


def test_a_read_key_cannot_write_responses(api_for, workspace_a, survey_a):
    reader = api_for(workspace_a, "read")
    response = reader.post(f"/api/v1/surveys/{survey_a.pk}/responses", {"score": 9})
    assert response.status_code == 403
    assert "responses:write" in response.json()["errors"][0]["message"]
    assert survey_a.responses.count() == 0


def test_a_write_key_stores_responses_but_cannot_read_them(api_for, workspace_a, survey_a):
    writer = api_for(workspace_a, "responses:write")
    created = writer.post(f"/api/v1/surveys/{survey_a.pk}/responses", {"score": 9})
    assert created.status_code == 201
    refused = writer.get(f"/api/v1/responses/{created.json()['id']}")
    assert refused.status_code == 403
    assert "read" in refused.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("PATCH", "/api/v1/surveys/{survey}", {"name": "Renamed"}),
        ("DELETE", "/api/v1/responses/{response}", None),
        ("POST", "/api/v1/contacts", {"external_id": "c-1"}),
        ("DELETE", "/api/v1/contacts/{contact}", None),
    ],
)
def test_changes_beyond_responses_need_the_admin_scope(
    api_for, workspace_a, survey_a, response_a, contact_a, method, path, body
):
    path = path.format(survey=survey_a.pk, response=response_a.pk, contact=contact_a.pk)
    limited = api_for(workspace_a, "read", "responses:write")
    refused = limited.call(method, path, body)
    assert refused.status_code == 403
    assert "admin" in refused.json()["errors"][0]["message"]
    assert api_for(workspace_a, "admin").call(method, path, body).status_code in (200, 201, 204)


def test_an_admin_key_may_do_everything(admin_a, survey_a):
    assert admin_a.get("/api/v1/surveys").status_code == 200
    assert admin_a.post(f"/api/v1/surveys/{survey_a.pk}/responses", {"score": 7}).status_code == 201
    assert admin_a.get("/api/v1/responses").status_code == 200


def test_authentication_comes_before_validation(client, survey_a):
    response = client.post(
        f"/api/v1/surveys/{survey_a.pk}/responses", {"score": 99}, content_type="application/json"
    )
    assert response.status_code == 401


def test_api_writes_need_no_csrf_token_because_the_key_is_not_a_cookie(workspace_a, survey_a):
    _key, secret = create_api_key(workspace_a, ["responses:write"])
    strict = Client(enforce_csrf_checks=True, headers={"X-Api-Key": secret})
    response = strict.post(
        f"/api/v1/surveys/{survey_a.pk}/responses", {"score": 9}, content_type="application/json"
    )
    assert response.status_code == 201
