"""POST/GET/DELETE /api/v1/alert-rules: create with conditions and actions, validation errors that
name the field (422), and one workspace never sees another's rules."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from opennps.accounts.actions.api_keys import create_api_key
from opennps.alerts.models import AlertRule
from tests.alerts.conftest import SECRET


class Api:
    def __init__(self, workspace, *scopes: str) -> None:
        _key, self.secret = create_api_key(workspace, scopes or ("admin",))
        self.client = Client()

    def post(self, path: str, body: object):
        return self.client.post(
            path, json.dumps(body), content_type="application/json", HTTP_X_API_KEY=self.secret
        )

    def get(self, path: str):
        return self.client.get(path, HTTP_X_API_KEY=self.secret)

    def delete(self, path: str):
        return self.client.delete(path, HTTP_X_API_KEY=self.secret)


@pytest.fixture
def shop_api(team):
    return Api(team.workspace)


def rule_body(survey, **overrides):
    body = {
        "name": "Detractors on the relationship survey",
        "conditions": {"class": "detractor", "score_max": 6, "survey": survey.pk},
        "actions": {
            "email": {"to": ["alice@example.com"]},
            "webhook": {"url": "https://crm.example.com/nps", "secret": SECRET},
        },
    }
    return body | overrides


def test_a_rule_is_created_read_listed_and_deleted(shop_api, survey):
    created = shop_api.post("/api/v1/alert-rules", rule_body(survey))

    assert created.status_code == 201, created.content
    rule = created.json()
    assert rule["conditions"] == {"class": ["detractor"], "score_max": 6, "survey": [survey.pk]}
    assert rule["actions"]["email"] == {"to": ["alice@example.com"]}
    assert rule["actions"]["webhook"] == {"url": "https://crm.example.com/nps"}
    assert SECRET not in created.content.decode()
    assert AlertRule.objects.get(pk=rule["id"]).webhook_secret == SECRET

    assert shop_api.get(f"/api/v1/alert-rules/{rule['id']}").json()["name"] == rule["name"]
    assert [r["id"] for r in shop_api.get("/api/v1/alert-rules").json()["items"]] == [rule["id"]]
    assert shop_api.delete(f"/api/v1/alert-rules/{rule['id']}").status_code == 204
    assert not AlertRule.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"conditions": {"class": "angry"}}, "body.conditions.class"),
        ({"conditions": {"score_max": 11}}, "body.conditions.score_max"),
        ({"conditions": {"scor_max": 3}}, "body.conditions.scor_max"),
        (
            {"actions": {"webhook": {"url": "ftp://x.example", "secret": SECRET}}},
            "body.actions.webhook.url",
        ),
        (
            {"actions": {"webhook": {"url": "https://x.example", "secret": "short"}}},
            "body.actions.webhook.secret",
        ),
        ({"actions": {"email": {"to": ["stranger@example.com"]}}}, "body.actions.email.to"),
        ({"actions": {}}, "body.actions"),
        ({"name": ""}, "body.name"),
    ],
)
def test_invalid_rules_are_refused_naming_the_field(shop_api, survey, change, field):
    answer = shop_api.post("/api/v1/alert-rules", rule_body(survey, **change))

    assert answer.status_code == 422, answer.content
    assert field in [error["field"] for error in answer.json()["errors"]]
    assert not AlertRule.objects.exists()


def test_another_workspaces_survey_cannot_be_watched(team, shop_api, survey):
    from tests.alerts.conftest import make_survey

    foreign = make_survey(team.other_workspace, "Theirs")
    body = rule_body(survey, conditions={"survey": foreign.pk})

    answer = shop_api.post("/api/v1/alert-rules", body)

    assert answer.status_code == 422
    assert answer.json()["errors"][0]["field"] == "body.conditions.survey"


def test_another_workspace_cannot_see_or_delete_the_rules(team, shop_api, survey):
    rule_id = shop_api.post("/api/v1/alert-rules", rule_body(survey)).json()["id"]
    other = Api(team.other_workspace)

    assert other.get(f"/api/v1/alert-rules/{rule_id}").status_code == 404
    assert other.delete(f"/api/v1/alert-rules/{rule_id}").status_code == 404
    assert other.get("/api/v1/alert-rules").json()["items"] == []
    assert AlertRule.objects.filter(pk=rule_id).exists()


def test_a_read_key_may_list_but_not_create(team, survey):
    reader = Api(team.workspace, "read")
    assert reader.get("/api/v1/alert-rules").status_code == 200
    assert reader.post("/api/v1/alert-rules", rule_body(survey)).status_code == 403
