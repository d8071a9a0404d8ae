"""Bad input is JSON naming the field and saying what to do; nothing answers HTML or 500."""

from __future__ import annotations

import pytest

from opennps.responses.models import Response

pytestmark = pytest.mark.django_db


def _post(api, survey, body):
    return api.post(f"/api/v1/surveys/{survey.pk}/responses", body)


def test_a_comment_over_5000_characters_is_422_with_a_clear_message(admin_a, survey_a):
    response = _post(admin_a, survey_a, {"score": 9, "comment": "a" * 5001})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "body.comment", "message": "Too long: at most 5000 characters are allowed."}
    ]
    assert _post(admin_a, survey_a, {"score": 9, "comment": "a" * 5000}).status_code == 201


def test_the_third_answer_has_the_same_limit(admin_a, survey_a):
    response = _post(admin_a, survey_a, {"score": 9, "third_answer": "b" * 5001})
    assert response.json()["errors"][0]["field"] == "body.third_answer"


@pytest.mark.parametrize("body", ['{"score": 9', "score=9", "", "\xff"])
def test_a_body_that_is_not_json_is_400_json(admin_a, survey_a, body):
    response = _post(admin_a, survey_a, body.encode("latin-1"))
    assert response.status_code in (400, 422)
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["errors"][0]["field"].startswith("body")


@pytest.mark.parametrize("body", ["[9]", '"9"', "9", "null"])
def test_a_json_body_that_is_not_an_object_is_422(admin_a, survey_a, body):
    response = _post(admin_a, survey_a, body)
    assert response.status_code in (400, 422)
    assert response.json()["errors"][0]["field"].startswith("body")
    assert not Response.objects.exists()


def test_unknown_fields_are_refused_so_typos_are_not_lost(admin_a, survey_a):
    response = _post(admin_a, survey_a, {"score": 9, "coment": "typo"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.coment"
    assert not Response.objects.exists()


def test_every_problem_is_reported_at_once(admin_a, survey_a):
    response = _post(
        admin_a, survey_a, {"score": 12, "comment": 5, "language": "fr", "channel": "fax"}
    )
    fields = sorted(error["field"] for error in response.json()["errors"])
    assert fields == ["body.channel", "body.comment", "body.language", "body.score"]


@pytest.mark.parametrize(
    ("attributes", "words"),
    [
        ({"bad key": "x"}, "not allowed"),
        ({"store": "x" * 201}, "at most 200"),
        ({"store": {"nested": 1}}, ""),
        ({f"k{i}": i for i in range(51)}, "At most 50"),
    ],
)
def test_attributes_are_flat_short_and_well_named(admin_a, survey_a, attributes, words):
    response = _post(admin_a, survey_a, {"score": 9, "attributes": attributes})
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["field"].startswith("body.attributes")
    assert words in error["message"]


def test_an_unknown_api_path_is_a_json_404(admin_a):
    for path in ("/api/v1/nothing", "/api/v2/surveys", "/api/v1/surveys/abc"):
        response = admin_a.get(path)
        assert response.status_code == 404
        assert response.json()["errors"][0]["field"] is None


def test_an_unexpected_failure_is_a_json_500(admin_a, survey_a, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the database caught fire")

    monkeypatch.setattr("opennps.api.surveys.survey_summary", broken)
    response = admin_a.get(f"/api/v1/surveys/{survey_a.pk}/summary")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert "fire" not in response.content.decode()
    assert response.json()["errors"][0]["field"] is None


def test_a_method_an_endpoint_does_not_take_is_a_json_405(admin_a, survey_a):
    response = admin_a.client.put(
        f"/api/v1/surveys/{survey_a.pk}", "{}", headers={"X-Api-Key": admin_a.key}
    )
    assert response.status_code == 405
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "PATCH"}
    assert "PUT" in response.json()["errors"][0]["message"]
