"""Edits from the web pages publish new versions; earlier responses keep the one they answered."""

from __future__ import annotations

from opennps.responses.actions import Answer, create_response
from opennps.surveys.actions import create_survey
from opennps.surveys.models import ExtraQuestion


def test_responses_before_and_after_an_edit_point_to_their_own_versions(team):
    survey = create_survey(team.workspace, name="NPS", brand="Shop")
    client = team.client_for(team.alice)
    base = f"/w/{team.workspace.id}/surveys/{survey.id}"
    client.post(f"{base}/status/", {"action": "activate"})
    before = create_response(survey, Answer(score=9, channel="web", language="en"))

    client.post(f"{base}/texts/", {"language": "en", "en-question": "Would you recommend {brand}?"})
    after_texts = create_response(survey, Answer(score=3, channel="web", language="en"))

    client.post(f"{base}/questions/", {"kind": "text", "key": "wish", "label_en": "Any wish?"})
    after_question = create_response(survey, Answer(score=7, channel="web", language="en"))

    before.refresh_from_db()
    assert before.version.number == 1
    assert before.version.content["texts"]["en"]["question"].startswith("How likely")
    assert after_texts.version.number == 2
    assert after_texts.version.content["texts"]["en"]["question"] == "Would you recommend Shop?"
    assert after_texts.version.content["questions"] == []
    assert after_question.version.number == 3
    assert [q["key"] for q in after_question.version.content["questions"]] == ["wish"]


def test_saving_without_changes_publishes_no_new_version(team):
    survey = create_survey(team.workspace, name="NPS", brand="Shop")
    client = team.client_for(team.alice)
    base = f"/w/{team.workspace.id}/surveys/{survey.id}"
    client.post(f"{base}/texts/", {"language": "en"})
    question = ExtraQuestion.objects.create(
        survey=survey, key="x", kind="text", texts={"en": {"label": "X"}}
    )
    assert survey.versions.count() == 1
    client.post(f"{base}/questions/{question.id}/", {"label_en": "X"})
    assert survey.versions.count() == 2  # the question created outside the editor is now published
    client.post(f"{base}/questions/{question.id}/", {"label_en": "X"})
    assert survey.versions.count() == 2
