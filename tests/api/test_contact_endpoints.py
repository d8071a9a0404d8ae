"""POST /api/v1/contacts upserts by external id, else e-mail; GET reads; DELETE forgets."""

from __future__ import annotations

import pytest

from opennps.contacts.models import Contact
from opennps.distribution.models import Invitation, create_invitation
from opennps.responses.models import Response

pytestmark = pytest.mark.django_db


def test_a_new_external_id_creates_a_contact_with_201(admin_a, workspace_a):
    response = admin_a.post(
        "/api/v1/contacts",
        {
            "external_id": "crm-1",
            "email": "Ivan@Example.COM",
            "name": "Ivan",
            "phone": "+359 888 123 456",
            "language": "bg",
            "time_zone": "Europe/Sofia",
            "attributes": {"plan": "pro", "seats": 12},
        },
    )
    assert response.status_code == 201
    body = response.json()
    contact = Contact.objects.get(pk=body["id"])
    assert contact.workspace == workspace_a
    assert body["email"] == "ivan@example.com"
    assert body["attributes"] == {"plan": "pro", "seats": 12}
    assert body["language"] == "bg"


def test_the_same_external_id_updates_the_contact_with_200(admin_a, contact_a):
    response = admin_a.post(
        "/api/v1/contacts", {"external_id": "c-42", "name": "Olga P.", "attributes": {"vip": True}}
    )
    assert response.status_code == 200
    assert response.json()["id"] == contact_a.pk
    contact_a.refresh_from_db()
    assert contact_a.name == "Olga P."
    assert contact_a.email == "olga@example.com"  # not sent, so kept
    assert contact_a.attributes == {"vip": True}
    assert Contact.objects.count() == 1


def test_an_email_alone_finds_the_contact_whatever_its_case(admin_a, contact_a):
    response = admin_a.post("/api/v1/contacts", {"email": "OLGA@example.com", "phone": "+7 701"})
    assert response.status_code == 200
    assert response.json()["id"] == contact_a.pk
    assert response.json()["external_id"] == "c-42"


def test_an_external_id_can_be_added_to_a_contact_known_by_email(admin_a, workspace_a):
    known = Contact.objects.create(workspace=workspace_a, email="kim@example.com")
    response = admin_a.post(
        "/api/v1/contacts", {"external_id": "crm-9", "email": "kim@example.com"}
    )
    assert response.status_code == 200
    assert response.json()["id"] == known.pk
    assert response.json()["external_id"] == "crm-9"


def test_identifiers_of_two_different_contacts_are_a_409(admin_a, workspace_a, contact_a):
    Contact.objects.create(workspace=workspace_a, external_id="c-43", email="other@example.com")
    response = admin_a.post("/api/v1/contacts", {"external_id": "c-43", "email": contact_a.email})
    assert response.status_code == 409
    assert response.json()["errors"][0]["field"] == "body.email"
    clash = admin_a.post("/api/v1/contacts", {"external_id": "c-99", "email": contact_a.email})
    assert clash.status_code == 409
    assert Contact.objects.count() == 2


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "Nobody"}, "body"),
        ({"external_id": "", "email": None}, "body.external_id"),
        ({"email": "not-an-address"}, "body.email"),
        ({"external_id": "x", "language": "fr"}, "body.language"),
        ({"external_id": "x", "time_zone": "Mars/Olympus"}, "body.time_zone"),
        ({"external_id": "x", "attributes": {"a b": 1}}, "body.attributes"),
        ({"external_id": "x", "name": None}, "body.name"),
        ({"external_id": "x", "colour": "red"}, "body.colour"),
    ],
)
def test_bad_contact_input_is_422_naming_the_field(admin_a, body, field):
    response = admin_a.post("/api/v1/contacts", body)
    assert response.status_code == 422, response.json()
    assert response.json()["errors"][0]["field"] == field
    assert not Contact.objects.exists()


def test_a_contact_needs_an_external_id_or_an_email(admin_a):
    response = admin_a.post("/api/v1/contacts", {"name": "Nobody"})
    assert "external_id or an email" in response.json()["errors"][0]["message"]


def test_reading_a_contact_returns_it(admin_a, contact_a):
    body = admin_a.get(f"/api/v1/contacts/{contact_a.pk}").json()
    assert body["id"] == contact_a.pk
    assert body["external_id"] == "c-42"
    assert body["name"] == "Olga"


def test_deleting_a_contact_erases_its_responses_personal_data_but_keeps_scores(
    admin_a, survey_a, contact_a, make_response
):
    invitation, _token = create_invitation(survey_a, contact_a, "email")
    own = make_response(
        survey_a,
        2,
        contact=contact_a,
        comment="My order 5512 never came",
        third_answer="Call me on +7 701",
        answers={"why": "late"},
        attributes={"store": "12"},
    )
    Response.objects.filter(pk=own.pk).update(invitation=invitation)
    other = make_response(survey_a, 10, comment="Lovely", attributes={"store": "12"})

    deleted = admin_a.delete(f"/api/v1/contacts/{contact_a.pk}")
    assert deleted.status_code == 200
    assert deleted.json() == {"deleted": True, "responses_anonymised": 1}
    assert not Contact.objects.filter(pk=contact_a.pk).exists()
    assert not Invitation.objects.filter(pk=invitation.pk).exists()
    own.refresh_from_db()
    assert (own.score, own.nps_class, own.channel, own.survey_id) == (
        2,
        "detractor",
        "api",
        survey_a.pk,
    )
    assert (own.comment, own.third_answer, own.answers, own.attributes) == ("", "", {}, {})
    assert own.contact_id is None
    assert own.invitation_id is None
    other.refresh_from_db()
    assert other.comment == "Lovely"
    assert admin_a.get(f"/api/v1/surveys/{survey_a.pk}/summary").json()["n"] == 2
    assert admin_a.get(f"/api/v1/contacts/{contact_a.pk}").status_code == 404
