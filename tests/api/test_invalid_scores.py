"""Anything but a whole number from 0 to 10 is 422 on body.score, never a 500, never a row."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("raw_score", "words"),
    [
        ("11", "outside the 0-10 scale"),
        ("-1", "outside the 0-10 scale"),
        ("7.5", "not a whole number"),
        ("9.0", "send the integer 9"),
        ('"seven"', "not a number"),
        ('"7"', "not a number"),
        ("null", "missing"),
        ("true", "bool"),
        ("false", "bool"),
        ("[9]", "not a number"),
        ('{"value": 9}', "not a number"),
        ("1e400", "not a finite number"),
        ("100000000000000000000000", "outside the 0-10 scale"),
    ],
)
def test_an_invalid_score_is_422_naming_the_field(admin_a, survey_a, raw_score, words):
    body = '{"score": ' + raw_score + ', "comment": "ok"}'
    response = admin_a.post(f"/api/v1/surveys/{survey_a.pk}/responses", body)
    assert response.status_code == 422, response.content
    errors = response.json()["errors"]
    assert [error["field"] for error in errors] == ["body.score"]
    assert words in errors[0]["message"]
    assert survey_a.responses.count() == 0


def test_a_missing_score_is_422(admin_a, survey_a):
    response = admin_a.post(f"/api/v1/surveys/{survey_a.pk}/responses", {"comment": "no score"})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "body.score", "message": "This field is required."}
    ]


@pytest.mark.parametrize("score", range(11))
def test_every_score_on_the_scale_is_stored(admin_a, survey_a, score):
    response = admin_a.post(
        f"/api/v1/surveys/{survey_a.pk}/responses", json.dumps({"score": score})
    )
    assert response.status_code == 201
    assert response.json()["score"] == score
