"""Extra questions: add, edit, remove and reorder; each change publishes a version."""

from __future__ import annotations

from opennps.surveys.actions import create_survey
from opennps.surveys.models import ExtraQuestion
from opennps.surveys.versions import latest_version


def questions_url(team, survey) -> str:
    return f"/w/{team.workspace.id}/surveys/{survey.id}/questions/"


def bilingual_survey(team):
    return create_survey(
        team.workspace, name="NPS", brand="Shop", fields={"languages": ["en", "ru"]}
    )


def add(client, team, survey, **data: str):
    return client.post(questions_url(team, survey), data)


def test_an_aspect_rating_is_added_with_labels_per_language(team):
    survey = bilingual_survey(team)
    client = team.client_for(team.dana)
    response = add(
        client, team, survey, kind="rating", key="price", required="on",
        label_en="How do you rate our prices?", label_ru="Как вы оцениваете цены?",
    )  # fmt: skip
    assert response.status_code == 302
    question = ExtraQuestion.objects.get()
    assert (question.key, question.kind, question.required) == ("price", "rating", True)
    assert question.texts == {
        "en": {"label": "How do you rate our prices?"},
        "ru": {"label": "Как вы оцениваете цены?"},
    }
    assert latest_version(survey).content["questions"][0]["key"] == "price"


def test_a_single_choice_keeps_its_choices_per_language(team):
    survey = bilingual_survey(team)
    add(
        team.client_for(team.alice), team, survey, kind="choice", key="channel",
        label_en="Where did you buy?", choices_en="Online\nIn a store\n",
        label_ru="Где вы купили?", choices_ru="Онлайн\nВ магазине",
    )  # fmt: skip
    assert ExtraQuestion.objects.get().texts == {
        "en": {"label": "Where did you buy?", "choices": ["Online", "In a store"]},
        "ru": {"label": "Где вы купили?", "choices": ["Онлайн", "В магазине"]},
    }


def test_choices_must_match_the_default_language_in_number(team):
    survey = bilingual_survey(team)
    response = add(
        team.client_for(team.alice), team, survey, kind="choice", key="channel",
        label_en="Where?", choices_en="Online\nStore", label_ru="Где?", choices_ru="Онлайн",
    )  # fmt: skip
    assert response.status_code == 400
    assert (
        "Give 2 choices, as many as in the default language, or none." in response.content.decode()
    )
    assert not ExtraQuestion.objects.exists()


def test_a_single_choice_needs_two_choices_and_every_question_a_default_label(team):
    survey = bilingual_survey(team)
    response = add(
        team.client_for(team.alice), team, survey, kind="choice", key="channel",
        label_ru="Где?", choices_en="Online",
    )  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 400
    assert "Give the label in the default language." in html
    assert "Give at least two choices, one per line." in html


def test_a_key_is_unique_within_the_survey_and_safe(team):
    survey = bilingual_survey(team)
    client = team.client_for(team.alice)
    add(client, team, survey, kind="text", key="wish", label_en="Any wish?")
    duplicate = add(client, team, survey, kind="text", key="wish", label_en="Again?")
    unsafe = add(client, team, survey, kind="text", key="Wish me", label_en="Again?")
    assert "Another question of this survey uses this key." in duplicate.content.decode()
    assert "Use 1–40 lower-case letters, digits or _." in unsafe.content.decode()
    assert ExtraQuestion.objects.count() == 1


def test_editing_changes_labels_and_required_but_never_kind_or_key(team):
    survey = bilingual_survey(team)
    client = team.client_for(team.alice)
    add(client, team, survey, kind="text", key="wish", label_en="Any wish?")
    question = ExtraQuestion.objects.get()
    response = client.post(
        f"{questions_url(team, survey)}{question.id}/",
        {"kind": "rating", "key": "other", "required": "on", "label_en": "Your wish?"},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.kind, question.key, question.required) == ("text", "wish", True)
    assert question.texts == {"en": {"label": "Your wish?"}}
    assert latest_version(survey).content["questions"][0]["texts"]["en"]["label"] == "Your wish?"


def test_questions_are_reordered_and_removed(team):
    survey = bilingual_survey(team)
    client = team.client_for(team.alice)
    for key in ("first", "second", "third"):
        add(client, team, survey, kind="text", key=key, label_en=key.title())
    third = ExtraQuestion.objects.get(key="third")
    client.post(f"{questions_url(team, survey)}{third.id}/move/", {"direction": "up"})
    assert list(survey.extra_questions.values_list("key", flat=True)) == [
        "first",
        "third",
        "second",
    ]
    first = ExtraQuestion.objects.get(key="first")
    client.post(f"{questions_url(team, survey)}{first.id}/move/", {"direction": "up"})
    assert list(survey.extra_questions.values_list("key", flat=True)) == [
        "first",
        "third",
        "second",
    ]
    client.post(f"{questions_url(team, survey)}{first.id}/remove/")
    keys = [question["key"] for question in latest_version(survey).content["questions"]]
    assert keys == ["third", "second"]


def test_a_question_of_another_survey_is_not_found(team):
    survey = bilingual_survey(team)
    other = create_survey(team.other_workspace, name="Theirs", brand="Other")
    foreign = ExtraQuestion.objects.create(survey=other, key="x", kind="text", texts={})
    response = team.client_for(team.alice).post(
        f"{questions_url(team, survey)}{foreign.id}/remove/"
    )
    assert response.status_code == 404
    assert ExtraQuestion.objects.filter(pk=foreign.pk).exists()
