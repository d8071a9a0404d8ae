"""GET and DELETE /api/v1/responses/{id}."""

from __future__ import annotations

import pytest

from opennps.responses.models import IdempotencyKey, Response

pytestmark = pytest.mark.django_db


def test_reading_a_response_returns_it(admin_a, response_a, contact_a):
    body = admin_a.get(f"/api/v1/responses/{response_a.pk}").json()
    assert body["id"] == response_a.pk
    assert body["score"] == 3
    assert body["class"] == "detractor"
    assert body["comment"] == "Slow delivery"
    assert body["attributes"] == {"store": "12"}
    assert body["contact"] == {"id": contact_a.pk, "external_id": "c-42", "email": contact_a.email}
    assert body["version"] == 1


def test_deleting_a_response_removes_it_and_answers_204(admin_a, response_a):
    deleted = admin_a.delete(f"/api/v1/responses/{response_a.pk}")
    assert deleted.status_code == 204
    assert deleted.content == b""
    assert not Response.objects.filter(pk=response_a.pk).exists()
    assert admin_a.get(f"/api/v1/responses/{response_a.pk}").status_code == 404
    assert admin_a.delete(f"/api/v1/responses/{response_a.pk}").status_code == 404


def test_deleting_a_response_frees_its_idempotency_key(admin_a, survey_a):
    path = f"/api/v1/surveys/{survey_a.pk}/responses"
    first = admin_a.post(path, {"score": 9}, headers={"Idempotency-Key": "k"}).json()
    admin_a.delete(f"/api/v1/responses/{first['id']}")
    assert not IdempotencyKey.objects.exists()
    again = admin_a.post(path, {"score": 9}, headers={"Idempotency-Key": "k"})
    assert again.status_code == 201
    assert again.json()["id"] != first["id"]
