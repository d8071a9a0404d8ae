"""The OpenAPI document lists every route, and /api/docs works offline (no CDN)."""

from __future__ import annotations

import re

import pytest

from opennps.api.v1 import api

pytestmark = pytest.mark.django_db

EXPECTED_OPERATIONS = {
    ("GET", "/api/v1/surveys"),
    ("POST", "/api/v1/surveys"),
    ("GET", "/api/v1/surveys/{survey_id}"),
    ("PATCH", "/api/v1/surveys/{survey_id}"),
    ("GET", "/api/v1/surveys/{survey_id}/summary"),
    ("POST", "/api/v1/surveys/{survey_id}/responses"),
    ("GET", "/api/v1/responses"),
    ("GET", "/api/v1/responses/{response_id}"),
    ("DELETE", "/api/v1/responses/{response_id}"),
    ("POST", "/api/v1/contacts"),
    ("GET", "/api/v1/contacts/{contact_id}"),
    ("DELETE", "/api/v1/contacts/{contact_id}"),
}


def _registered_operations() -> set[tuple[str, str]]:
    """Every (method, path) the routers registered, read from the routers, not the document."""
    found = set()
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            full = "/api/v1/" + "/".join(
                part.strip("/") for part in (prefix, path) if part.strip("/")
            )
            full = re.sub(r"\{\w+:(\w+)\}", r"{\1}", full)
            for operation in path_view.operations:
                found.update((method, full) for method in operation.methods)
    return found


def test_the_openapi_document_lists_every_registered_route(client):
    document = client.get("/api/v1/openapi.json")
    assert document.status_code == 200
    paths = document.json()["paths"]
    listed = {(method.upper(), path) for path, ops in paths.items() for method in ops}
    assert listed == _registered_operations()
    assert listed >= EXPECTED_OPERATIONS


def test_the_document_declares_the_api_key_header(client):
    document = client.get("/api/v1/openapi.json").json()
    schemes = document["components"]["securitySchemes"]
    assert {"type": "apiKey", "in": "header", "name": "X-Api-Key"} in schemes.values()
    score = document["components"]["schemas"]["ResponseCreateIn"]["properties"]["score"]
    assert (score["type"], score["minimum"], score["maximum"]) == ("integer", 0, 10)


def test_api_docs_serves_swagger_without_any_external_address(client):
    page = client.get("/api/docs", follow=True)
    assert page.status_code == 200
    assert page["Content-Type"].startswith("text/html")
    html = page.content.decode()
    assert "swagger-ui" in html
    sources = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", html)
    assert sources, "the page should load its scripts and styles"
    assert not [source for source in sources if re.match(r"(?i)(https?:)?//", source)]
    assert not re.search(r"(?i)https?://", html.replace("/api/v1/openapi.json", ""))
    for source in sources:
        assert client.get(source).status_code == 200, source


def test_the_api_root_points_at_the_docs(client):
    body = client.get("/api/v1/").json()
    assert body == {"version": "1", "docs": "/api/v1/docs", "openapi": "/api/v1/openapi.json"}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/v1/surveys"),
        ("post", "/api/v1/surveys/1/responses"),
        ("get", "/api/v1/surveys/1/summary"),
        ("post", "/api/v1/contacts"),
    ],
)
def test_the_addresses_other_tools_rely_on_exist_and_ask_for_a_key(client, method, path):
    response = getattr(client, method)(path, {}, content_type="application/json")
    assert response.status_code == 401
