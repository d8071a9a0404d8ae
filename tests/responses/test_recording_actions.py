"""The write path shared by the page, the API and the demo: one response per respondent."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from opennps.accounts.actions.setup import create_admin
from opennps.contacts.models import Contact
from opennps.distribution.models import create_invitation
from opennps.responses.actions import (
    AlreadyAnswered,
    Answer,
    create_response,
    record_score_from_browser,
    record_score_from_invitation,
    update_followup,
)
from opennps.responses.models import Response
from opennps.stats import InvalidScoreError
from opennps.surveys.models import Survey
from opennps.surveys.versions import publish_version


@pytest.fixture
def workspace(db):
    return create_admin("alice@shop.example", "long-pass-123", "Shop").workspace


def make_survey(workspace, kind="customer"):
    survey = Survey.objects.create(workspace=workspace, name="Main", brand="Shop", kind=kind)
    publish_version(survey)
    return survey


def web(score):
    return Answer(score=score, channel="web", language="en")


def test_a_second_submission_from_the_same_browser_updates_the_same_response(workspace):
    survey = make_survey(workspace)
    first = record_score_from_browser(survey, web(3), "browser-1", None)
    second = record_score_from_browser(survey, web(9), "browser-1", None)
    assert first.pk == second.pk
    assert Response.objects.get().score == 9
    assert Response.objects.get().nps_class == "promoter"


def test_another_browser_gets_its_own_response(workspace):
    survey = make_survey(workspace)
    record_score_from_browser(survey, web(3), "browser-1", None)
    record_score_from_browser(survey, web(9), "browser-2", None)
    assert Response.objects.count() == 2


def test_after_24_hours_the_same_browser_is_told_it_already_answered(workspace):
    survey = make_survey(workspace)
    first = record_score_from_browser(survey, web(3), "browser-1", None)
    Response.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(days=2))
    with pytest.raises(AlreadyAnswered):
        record_score_from_browser(survey, web(9), "browser-1", None)
    assert Response.objects.get().score == 3


def test_after_the_repeat_limit_the_same_browser_may_answer_again(workspace):
    survey = make_survey(workspace)
    first = record_score_from_browser(survey, web(3), "browser-1", None)
    Response.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(days=31))
    record_score_from_browser(survey, web(9), "browser-1", None)
    assert Response.objects.count() == 2


def test_a_personal_link_answered_twice_keeps_one_response_tied_to_the_contact(workspace):
    survey = make_survey(workspace)
    contact = Contact.objects.create(workspace=workspace, email="c@x.example", language="ru")
    invitation, _ = create_invitation(survey, contact, "email")
    record_score_from_invitation(invitation, Answer(score=2, channel="email"))
    record_score_from_invitation(invitation, Answer(score=6, channel="email"))
    response = Response.objects.get()
    assert (response.score, response.contact, response.invitation) == (6, contact, invitation)
    assert response.language == "ru"
    invitation.refresh_from_db()
    assert invitation.responded and invitation.status == "responded"


def test_an_employee_response_carries_no_contact_and_no_invitation(workspace):
    survey = make_survey(workspace, kind="employee")
    employee = Contact.objects.create(workspace=workspace, email="e@x.example")
    invitation, _ = create_invitation(survey, employee, "email")
    response = record_score_from_invitation(invitation, Answer(score=8, channel="email"))
    response.refresh_from_db()
    assert response.contact is None and response.invitation is None
    invitation.refresh_from_db()
    assert invitation.responded


def test_an_employee_answering_again_without_their_cookie_is_refused_not_duplicated(workspace):
    survey = make_survey(workspace, kind="employee")
    employee = Contact.objects.create(workspace=workspace, email="e@x.example")
    invitation, _ = create_invitation(survey, employee, "email")
    first = record_score_from_invitation(invitation, Answer(score=8, channel="email"))
    with pytest.raises(AlreadyAnswered):
        record_score_from_invitation(invitation, Answer(score=2, channel="email"))
    revised = record_score_from_invitation(invitation, Answer(score=2, channel="email"), first.pk)
    assert revised.pk == first.pk
    assert Response.objects.get().score == 2


@pytest.mark.parametrize("score", [11, -1, 7.5, "seven", None, True])
def test_an_invalid_score_is_refused_and_nothing_is_stored(workspace, score):
    survey = make_survey(workspace)
    with pytest.raises(InvalidScoreError):
        create_response(survey, Answer(score=score, channel="api"))
    assert not Response.objects.exists()


def test_a_comment_over_5000_characters_is_refused_with_its_length(workspace):
    survey = make_survey(workspace)
    response = create_response(survey, Answer(score=9, channel="api"))
    with pytest.raises(ValueError, match="comment has 5001 characters; at most 5000"):
        update_followup(response, comment="x" * 5001)
    response.refresh_from_db()
    assert response.comment == ""


def test_a_response_keeps_the_version_it_answered_after_the_survey_is_edited(workspace):
    survey = make_survey(workspace)
    before = create_response(survey, Answer(score=9, channel="api"))
    survey.brand = "Shop & Co"
    survey.save()
    publish_version(survey)
    after = create_response(survey, Answer(score=9, channel="api"))
    assert before.version.number == 1
    assert after.version.number == 2
    assert "Shop & Co" in after.version.content["texts"]["en"]["question"]
    before.refresh_from_db()
    assert "Shop & Co" not in before.version.content["texts"]["en"]["question"]


def test_publishing_an_unchanged_survey_reuses_its_version(workspace):
    survey = make_survey(workspace)
    assert publish_version(survey).number == 1
    assert publish_version(survey).number == 1
