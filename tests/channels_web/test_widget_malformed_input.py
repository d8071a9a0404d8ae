"""The widget endpoints answer 400 naming the field for bad input, never 500."""

from __future__ import annotations

import pytest

from opennps.responses.models import Response
from tests.channels_web.helpers import call

BROWSER = "b" * 20


@pytest.mark.parametrize(
    ("endpoint", "body", "field"),
    [
        ("answer", "{not json", "body"),
        ("answer", b"\xff\xfe", "body"),
        ("answer", "[1, 2]", "body"),
        ("answer", {"score": "nine", "browserId": BROWSER}, "score"),
        ("answer", {"score": 11, "browserId": BROWSER}, "score"),
        ("answer", {"score": True, "browserId": BROWSER}, "score"),
        ("answer", {"score": 9}, "browserId"),
        ("answer", {"score": 9, "browserId": "short"}, "browserId"),
        ("answer", {"score": 9, "browserId": BROWSER, "attributes": [1]}, "attributes"),
        (
            "answer",
            {"score": 9, "browserId": BROWSER, "attributes": {"plan": {"a": 1}}},
            "attributes.plan",
        ),
        ("answer", {"score": 9, "ticket": "nope"}, "ticket"),
        ("eligibility", {"userId": {"id": 1}}, "userId"),
        ("eligibility", {"userId": "x" * 201}, "userId"),
        ("comment", {"comment": "hi"}, "followup"),
        ("comment", {"followup": "forged", "comment": "hi"}, "followup"),
        ("comment", {"followup": "x", "comment": ["a"]}, "comment"),
    ],
)
def test_bad_input_is_refused_with_400_naming_the_field(
    client, survey, widget, endpoint, body, field
):
    response = call(client, survey, endpoint, body)
    assert response.status_code == 400
    assert response.json()["field"] == field
    assert not Response.objects.exists()


def test_an_unknown_survey_answers_404_in_json(client, survey, widget):
    response = client.post("/w/nosuchsurvey/answer", "{}", content_type="application/json")
    assert response.status_code == 404
    assert response.json()["field"] == "survey"
