"""Creating a response loads the survey's version and segment keys with the survey and answers
from the object it wrote: the answer must be what a read gives, and changes must show at once."""

from __future__ import annotations

import pytest

from opennps.analytics.models import Rollup, SegmentDimension
from opennps.surveys.actions import update_survey

pytestmark = pytest.mark.django_db


def test_the_created_response_is_the_same_as_reading_it_back(admin_a, survey_a, contact_a):
    created = admin_a.post(
        f"/api/v1/surveys/{survey_a.pk}/responses",
        {
            "score": 4,
            "comment": "Slow delivery",
            "attributes": {"store": "12"},
            "language": "ru",
            "contact": {"external_id": contact_a.external_id},
        },
    )
    assert created.status_code == 201
    read = admin_a.get(f"/api/v1/responses/{created.json()['id']}")
    assert created.json() == read.json()


def test_a_segment_dimension_added_before_an_answer_is_rolled_up(admin_a, survey_a):
    path = f"/api/v1/surveys/{survey_a.pk}/responses"
    admin_a.post(path, {"score": 9, "attributes": {"store": "12"}})
    SegmentDimension.objects.create(workspace=survey_a.workspace, key="store")
    admin_a.post(path, {"score": 9, "attributes": {"store": "12"}})

    assert Rollup.objects.get(dimension="store", value="12").s9 == 1


def test_a_response_after_an_edit_reports_the_new_version(admin_a, survey_a):
    path = f"/api/v1/surveys/{survey_a.pk}/responses"
    before = admin_a.post(path, {"score": 9}).json()
    update_survey(survey_a, fields={"brand": "Acme Corp"})
    after = admin_a.post(path, {"score": 9}).json()

    assert after["version"] == before["version"] + 1
    assert admin_a.get(f"/api/v1/responses/{after['id']}").json()["version"] == after["version"]
