"""GET /api/v1/cases?status=… and PATCH /api/v1/cases/{id} under the X-Api-Key scheme."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from opennps.accounts.actions.api_keys import create_api_key


@pytest.fixture
def keys(team):
    return {
        "read": create_api_key(team.workspace, ["read"])[1],
        "admin": create_api_key(team.workspace, ["admin"])[1],
        "other": create_api_key(team.other_workspace, ["admin"])[1],
    }


def get(path, key, **params):
    return Client().get(path, params, headers={"X-Api-Key": key})


def patch(path, key, body):
    data = body if isinstance(body, str) else json.dumps(body)
    return Client().patch(path, data, content_type="application/json", headers={"X-Api-Key": key})


@pytest.fixture
def cases(answer, make_contact):
    made = [answer(score, contact=make_contact()).case for score in (0, 1, 2)]
    made[0].status = "resolved"
    made[0].save()
    return made


def test_the_list_filters_by_status_and_pages_with_a_cursor(keys, cases):
    body = get("/api/v1/cases", keys["read"], status="new").json()
    assert [item["id"] for item in body["items"]] == [cases[2].pk, cases[1].pk]
    assert body["items"][0]["contact"]["email"].endswith("@client.example")
    first = get("/api/v1/cases", keys["read"], limit=2).json()
    assert len(first["items"]) == 2 and first["next"]
    second = get("/api/v1/cases", keys["read"], limit=2, cursor=first["next"]).json()
    seen = [i["id"] for i in first["items"] + second["items"]]
    assert sorted(seen) == sorted(c.pk for c in cases) and second["next"] is None


def test_a_bad_status_or_cursor_is_a_422_naming_the_parameter(keys, cases):
    bad = get("/api/v1/cases", keys["read"], status="closed")
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "query.status"
    cursor = get("/api/v1/cases", keys["read"], cursor="nonsense")
    assert cursor.status_code == 422 and cursor.json()["errors"][0]["field"] == "query.cursor"


def test_patch_assigns_moves_and_notes_in_one_request(team, keys, cases):
    case = cases[1]
    response = patch(
        f"/api/v1/cases/{case.pk}",
        keys["admin"],
        {"assignee": "DANA@example.com", "status": "in_progress", "note": "Called from CRM"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["assignee"]["email"] == team.dana.email and body["status"] == "in_progress"
    note = case.activities.get(kind="note")
    assert note.text == "Called from CRM" and note.detail["via"].startswith("api:onps_")
    unassigned = patch(f"/api/v1/cases/{case.pk}", keys["admin"], {"assignee": None})
    assert unassigned.json()["assignee"] is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"status": "closed"}, "body.status"),
        ({"assignee": "bob@example.com"}, "body.assignee"),  # a viewer works no cases
        ({"assignee": "stranger@example.com"}, "body.assignee"),
        ({"assignee": ""}, "body.assignee"),
        ({"note": ""}, "body.note"),
        ({"note": 5}, "body.note"),
        ({"colour": "red"}, "body.colour"),
        ({}, "body"),
        ({"status": None}, "body.status"),
    ],
)
def test_patch_refuses_bad_input_with_a_422_and_changes_nothing(keys, cases, body, field):
    case = cases[1]
    response = patch(f"/api/v1/cases/{case.pk}", keys["admin"], body)
    assert response.status_code == 422
    assert field in [error["field"] for error in response.json()["errors"]]
    case.refresh_from_db()
    assert case.status == "new" and case.activities.count() == 1


def test_patch_needs_the_admin_scope(keys, cases):
    response = patch(f"/api/v1/cases/{cases[1].pk}", keys["read"], {"status": "resolved"})
    assert response.status_code == 403


def test_another_workspace_sees_no_case(keys, cases):
    assert get("/api/v1/cases", keys["other"]).json() == {"items": [], "next": None}
    assert get(f"/api/v1/cases/{cases[1].pk}", keys["other"]).status_code == 404
    refused = patch(f"/api/v1/cases/{cases[1].pk}", keys["other"], {"status": "resolved"})
    assert refused.status_code == 404
    cases[1].refresh_from_db()
    assert cases[1].status == "new"


def test_no_key_is_a_401(cases):
    assert Client().get("/api/v1/cases").status_code == 401
