"""Two workspaces, keys of every scope, and a small JSON client for the API.

Workspace A (Acme) and workspace B (Globex) belong to different organisations. Tests use
B's keys on A's objects to prove that nothing crosses the boundary.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from opennps.accounts.actions.api_keys import create_api_key
from opennps.accounts.models import Organisation, Workspace
from opennps.contacts.models import Contact
from opennps.responses.actions import Answer, create_response
from opennps.responses.models import Response
from opennps.surveys.actions import create_survey
from opennps.surveys.models import Survey


@dataclass
class ApiClient:
    """Sends JSON with an X-Api-Key header; `.json()` on the result reads the body."""

    client: Client
    key: str | None

    def _headers(self, headers: dict[str, str] | None) -> dict[str, str]:
        result = {"X-Api-Key": self.key} if self.key else {}
        result.update(headers or {})
        return result

    def get(self, path: str, params: dict[str, Any] | None = None, **kw: Any):
        return self.client.get(path, params or {}, headers=self._headers(kw.pop("headers", None)))

    def post(self, path: str, body: Any = None, headers: dict[str, str] | None = None):
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        return self.client.post(
            path, data, content_type="application/json", headers=self._headers(headers)
        )

    def patch(self, path: str, body: Any = None, headers: dict[str, str] | None = None):
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        return self.client.patch(
            path, data, content_type="application/json", headers=self._headers(headers)
        )

    def delete(self, path: str, headers: dict[str, str] | None = None):
        return self.client.delete(path, headers=self._headers(headers))

    def call(self, method: str, path: str, body: Any = None):
        if method == "GET":
            return self.get(path)
        if method == "DELETE":
            return self.delete(path)
        return getattr(self, method.lower())(path, body)


def _workspace(name: str) -> Workspace:
    # No people needed: API keys belong to workspaces, and skipping Argon2 keeps tests quick.
    return Workspace.objects.create(organisation=Organisation.objects.create(name=name), name=name)


@pytest.fixture
def workspace_a(db) -> Workspace:
    return _workspace("Acme")


@pytest.fixture
def workspace_b(db) -> Workspace:
    return _workspace("Globex")


@pytest.fixture
def api_for(client) -> Callable[..., ApiClient]:
    """api_for(workspace, "read", "admin") -> a client holding a new key with those scopes."""

    def make(workspace: Workspace, *scopes: str) -> ApiClient:
        _key, secret = create_api_key(workspace, scopes or ("admin",))
        return ApiClient(Client(), secret)

    return make


@pytest.fixture
def admin_a(api_for, workspace_a) -> ApiClient:
    return api_for(workspace_a, "admin")


@pytest.fixture
def admin_b(api_for, workspace_b) -> ApiClient:
    return api_for(workspace_b, "admin")


@pytest.fixture
def survey_a(workspace_a) -> Survey:
    return create_survey(
        workspace_a,
        name="Relationship NPS",
        brand="Acme",
        fields={"status": "active", "languages": ["en", "ru"], "hidden_attributes": ["store"]},
    )


@pytest.fixture
def enps_a(workspace_a) -> Survey:
    return create_survey(
        workspace_a, name="Team pulse", brand="Acme", kind="employee", fields={"status": "active"}
    )


@pytest.fixture
def contact_a(workspace_a) -> Contact:
    return Contact.objects.create(
        workspace=workspace_a, external_id="c-42", email="olga@example.com", name="Olga"
    )


@pytest.fixture
def make_response() -> Callable[..., Response]:
    def make(survey: Survey, score: int = 9, **fields: Any) -> Response:
        contact = fields.pop("contact", None)
        created_at = fields.pop("created_at", None)
        answer = Answer(score=score, channel=fields.pop("channel", "api"), **fields)
        return create_response(survey, answer, contact=contact, created_at=created_at)

    return make


@pytest.fixture
def response_a(survey_a, contact_a, make_response) -> Response:
    return make_response(
        survey_a, 3, comment="Slow delivery", attributes={"store": "12"}, contact=contact_a
    )
