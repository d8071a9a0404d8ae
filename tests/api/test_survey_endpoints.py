"""Listing, creating, reading and updating surveys."""

from __future__ import annotations

import pytest

from opennps.surveys.models import Survey, SurveyText

pytestmark = pytest.mark.django_db


def test_creating_a_survey_returns_201_with_its_id_public_id_and_link(admin_a, settings):
    settings.BASE_URL = "https://nps.example.com"
    response = admin_a.post(
        "/api/v1/surveys",
        {"name": "Post-purchase", "kind": "customer", "brand": "Acme", "languages": ["en", "kk"]},
    )
    assert response.status_code == 201
    body = response.json()
    survey = Survey.objects.get(pk=body["id"])
    assert body["public_id"] == survey.public_id
    assert body["url"] == f"https://nps.example.com/s/{survey.public_id}"
    assert body["languages"] == ["en", "kk"]
    assert body["status"] == "draft"
    assert body["version"] == 1
    assert survey.versions.count() == 1


def test_creating_a_survey_takes_every_documented_field(admin_a):
    response = admin_a.post(
        "/api/v1/surveys",
        {
            "name": "Staff pulse",
            "kind": "employee",
            "brand": "Acme",
            "languages": ["ru", "en"],
            "default_language": "ru",
            "texts": {"ru": {"question": "Порекомендуете ли вы {brand}?", "cta_label": ""}},
            "hidden_attributes": ["department", "site"],
            "ask_third_question": True,
            "promoter_cta_url": "https://example.com/review",
            "status": "active",
            "accent_colour": "#112233",
        },
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["kind"] == "employee"
    assert body["default_language"] == "ru"
    assert body["languages"] == ["ru", "en"]
    assert body["texts"] == {"ru": {"question": "Порекомендуете ли вы {brand}?"}}
    assert body["hidden_attributes"] == ["department", "site"]
    assert body["ask_third_question"] is True
    assert body["promoter_cta_url"] == "https://example.com/review"
    assert body["status"] == "active"
    survey = Survey.objects.get(pk=body["id"])
    content = survey.versions.get().content
    assert content["texts"]["ru"]["question"] == "Порекомендуете ли вы Acme?"


def test_the_default_language_is_always_one_of_the_languages(admin_a):
    body = admin_a.post(
        "/api/v1/surveys",
        {"name": "NPS", "brand": "Acme", "languages": ["en"], "default_language": "bg"},
    ).json()
    assert body["languages"] == ["bg", "en"]


@pytest.mark.parametrize(
    ("body", "field", "named"),
    [
        ({"languages": ["en", "fr"]}, "body.languages.1", "'fr'"),
        ({"default_language": "de"}, "body.default_language", "'de'"),
        ({"texts": {"es": {"question": "¿?"}}}, "body.texts.es", "'es'"),
    ],
)
def test_an_unsupported_language_is_422_naming_it(admin_a, body, field, named):
    response = admin_a.post("/api/v1/surveys", {"name": "NPS", "brand": "Acme", **body})
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["field"] == field
    assert named in error["message"]
    assert not Survey.objects.exists()


def test_texts_for_a_language_the_survey_does_not_use_are_refused(admin_a):
    response = admin_a.post(
        "/api/v1/surveys",
        {"name": "NPS", "brand": "Acme", "languages": ["en"], "texts": {"ru": {"question": "?"}}},
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.texts.ru"
    assert not Survey.objects.exists()
    assert not SurveyText.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"brand": "Acme"}, "body.name"),
        ({"name": "NPS"}, "body.brand"),
        ({"name": "NPS", "brand": "Acme", "kind": "partner"}, "body.kind"),
        ({"name": "NPS", "brand": "Acme", "status": "live"}, "body.status"),
        ({"name": "NPS", "brand": "Acme", "accent_colour": "blue"}, "body.accent_colour"),
        ({"name": "NPS", "brand": "Acme", "promoter_cta_url": "review"}, "body.promoter_cta_url"),
        ({"name": "NPS", "brand": "Acme", "hidden_attributes": ["a b"]}, "body.hidden_attributes"),
        ({"name": "NPS", "brand": "Acme", "texts": {"en": {"title": "x"}}}, "body.texts.en.title"),
        ({"name": "NPS", "brand": "Acme", "ask_third_question": "yes"}, "body.ask_third_question"),
    ],
)
def test_a_bad_survey_field_is_422_with_its_path(admin_a, body, field):
    response = admin_a.post("/api/v1/surveys", body)
    assert response.status_code == 422
    assert field in [error["field"] for error in response.json()["errors"]]
    assert not Survey.objects.exists()


def test_listing_surveys_shows_the_workspaces_surveys_newest_first(admin_a, survey_a, enps_a):
    items = admin_a.get("/api/v1/surveys").json()["items"]
    assert [item["id"] for item in items] == [enps_a.pk, survey_a.pk]
    assert items[1]["hidden_attributes"] == ["store"]
    employee = admin_a.get("/api/v1/surveys", {"kind": "employee"}).json()["items"]
    assert [item["id"] for item in employee] == [enps_a.pk]


def test_reading_a_survey_returns_it(admin_a, survey_a):
    body = admin_a.get(f"/api/v1/surveys/{survey_a.pk}").json()
    assert body["id"] == survey_a.pk
    assert body["name"] == "Relationship NPS"
    assert body["languages"] == ["en", "ru"]
    assert body["version"] == 1


def test_updating_a_survey_changes_only_the_fields_sent(admin_a, survey_a):
    response = admin_a.patch(
        f"/api/v1/surveys/{survey_a.pk}", {"status": "paused", "texts": {"ru": {"question": "?"}}}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "paused"
    assert body["name"] == "Relationship NPS"
    assert body["texts"] == {"ru": {"question": "?"}}
    survey_a.refresh_from_db()
    assert survey_a.status == "paused"
    assert survey_a.hidden_attributes == ["store"]


def test_an_empty_text_puts_the_default_back(admin_a, survey_a):
    admin_a.patch(f"/api/v1/surveys/{survey_a.pk}", {"texts": {"en": {"question": "Own?"}}})
    body = admin_a.patch(f"/api/v1/surveys/{survey_a.pk}", {"texts": {"en": {"question": ""}}})
    assert body.json()["texts"] == {}


def test_the_kind_of_a_survey_cannot_change(admin_a, survey_a):
    response = admin_a.patch(f"/api/v1/surveys/{survey_a.pk}", {"kind": "employee"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.kind"
    survey_a.refresh_from_db()
    assert survey_a.kind == "customer"
    same = admin_a.patch(f"/api/v1/surveys/{survey_a.pk}", {"kind": "customer", "name": "R"})
    assert same.status_code == 200


def test_null_is_not_a_way_to_keep_a_field(admin_a, survey_a):
    response = admin_a.patch(f"/api/v1/surveys/{survey_a.pk}", {"brand": None})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.brand"


def test_every_bad_field_the_survey_rules_find_is_listed(admin_a):
    response = admin_a.post(
        "/api/v1/surveys",
        {"name": "NPS", "brand": "Acme", "accent_colour": "blue", "promoter_cta_url": "review"},
    )
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"body.accent_colour", "body.promoter_cta_url"}
