"""The lean write path loads the survey's version, segment keys and whether the workspace has
alert rules or webhook endpoints with the survey, and keeps version snapshots per process: what
changed a moment ago still reaches the very next answer."""

from __future__ import annotations

from django.test import Client

from opennps.alerts.actions import create_endpoint
from opennps.alerts.models import AlertCheck, AlertRule, WebhookDelivery
from opennps.analytics.models import Rollup, SegmentDimension
from opennps.analytics.rollups import rebuild
from opennps.responses.models import Response
from opennps.surveys.actions import update_survey
from tests.responses.helpers import html_of


def _store_cell_total(value: str) -> int:
    cell = Rollup.objects.get(dimension="store", value=value)
    return sum(getattr(cell, f"s{score}") for score in range(11))


def test_a_segment_dimension_added_between_two_answers_counts_the_next_one(make_survey):
    survey = make_survey(hidden_attributes=["store"])
    Client().post(f"/s/{survey.public_id}?store=12", {"score": "9"})
    assert not Rollup.objects.filter(dimension="store").exists()

    SegmentDimension.objects.create(workspace=survey.workspace, key="store")
    Client().post(f"/s/{survey.public_id}?store=12", {"score": "3"})

    assert _store_cell_total("12") == 1


def test_a_removed_segment_dimension_is_no_longer_counted(make_survey):
    survey = make_survey(hidden_attributes=["store"])
    dimension = SegmentDimension.objects.create(workspace=survey.workspace, key="store")
    Client().post(f"/s/{survey.public_id}?store=12", {"score": "9"})
    dimension.delete()
    Client().post(f"/s/{survey.public_id}?store=12", {"score": "3"})

    assert _store_cell_total("12") == 1


def test_the_rollup_written_by_page_answers_matches_a_rebuild(make_survey):
    survey = make_survey(hidden_attributes=["store"])
    SegmentDimension.objects.create(workspace=survey.workspace, key="store")
    for score, store in ((9, "1"), (6, "2"), (0, "1")):
        Client().post(f"/s/{survey.public_id}?store={store}", {"score": str(score)})
    written = set(Rollup.objects.values_list("dimension", "value", "s0", "s6", "s9"))
    rebuild()
    assert set(Rollup.objects.values_list("dimension", "value", "s0", "s6", "s9")) == written


def test_an_answer_after_an_edit_is_tied_to_the_new_version_and_sees_its_wording(survey):
    browser = Client()
    browser.post(f"/s/{survey.public_id}", {"score": "9"})
    first = Response.objects.get()

    update_survey(survey, texts={"en": {"question": "How glad are you with Shop?"}})
    page = Client().get(f"/s/{survey.public_id}")
    Client().post(f"/s/{survey.public_id}", {"score": "7"})
    second = Response.objects.exclude(pk=first.pk).get()

    assert "How glad are you with Shop?" in html_of(page)
    assert second.version.number == first.version.number + 1
    assert second.version.content["texts"]["en"]["question"] == "How glad are you with Shop?"


def test_an_alert_rule_enabled_between_two_answers_checks_the_next_one(survey):
    Client().post(f"/s/{survey.public_id}", {"score": "2"})
    assert not AlertCheck.objects.exists()

    AlertRule.objects.create(workspace=survey.workspace, name="Detractors", conditions={})
    Client().post(f"/s/{survey.public_id}", {"score": "2"})

    assert AlertCheck.objects.count() == 1


def test_a_disabled_alert_rule_no_longer_checks_the_next_answer(survey):
    rule = AlertRule.objects.create(workspace=survey.workspace, name="Detractors", conditions={})
    Client().post(f"/s/{survey.public_id}", {"score": "2"})
    AlertRule.objects.filter(pk=rule.pk).update(enabled=False)
    Client().post(f"/s/{survey.public_id}", {"score": "2"})

    assert AlertCheck.objects.count() == 1


def test_a_webhook_endpoint_added_between_two_answers_hears_the_next_one(survey):
    Client().post(f"/s/{survey.public_id}", {"score": "9"})
    create_endpoint(
        survey.workspace,
        url="https://hooks.example.com/opennps",
        secret="s3cret-for-tests-0123456789",
        events=["response.created"],
    )
    Client().post(f"/s/{survey.public_id}", {"score": "9"})

    assert WebhookDelivery.objects.count() == 1
