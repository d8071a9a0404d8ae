"""Employee (eNPS) responses never carry a contact: the API refuses one instead of dropping it."""

from __future__ import annotations

import pytest

from opennps.responses.models import Response

pytestmark = pytest.mark.django_db


def test_an_enps_response_with_a_contact_is_refused(admin_a, enps_a, contact_a):
    refused = admin_a.post(
        f"/api/v1/surveys/{enps_a.pk}/responses",
        {"score": 3, "contact": {"external_id": contact_a.external_id}},
    )
    assert refused.status_code == 422
    error = refused.json()["errors"][0]
    assert error["field"] == "body.contact"
    assert "anonymous" in error["message"]
    assert not Response.objects.exists()


def test_an_enps_response_without_a_contact_is_stored_without_one(admin_a, enps_a):
    created = admin_a.post(
        f"/api/v1/surveys/{enps_a.pk}/responses",
        {"score": 3, "attributes": {"department": "Logistics"}},
    )
    assert created.status_code == 201
    assert created.json()["contact"] is None
    stored = Response.objects.get(pk=created.json()["id"])
    assert stored.contact_id is None
    assert stored.invitation_id is None
    assert admin_a.get(f"/api/v1/responses/{stored.pk}").json()["contact"] is None
    listed = admin_a.get("/api/v1/responses", {"survey": enps_a.pk}).json()["items"]
    assert [item["contact"] for item in listed] == [None]
