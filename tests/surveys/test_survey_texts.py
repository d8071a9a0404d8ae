"""Editing the survey's texts, one language at a time; blank keeps the shipped default."""

from __future__ import annotations

from opennps.surveys.actions import create_survey
from opennps.surveys.models import SurveyText
from opennps.surveys.versions import latest_version
from opennps.surveys.wording import default_text


def texts_url(team, survey) -> str:
    return f"/w/{team.workspace.id}/surveys/{survey.id}/texts/"


def test_the_page_has_one_form_per_language_with_the_default_as_placeholder(team):
    survey = create_survey(
        team.workspace, name="NPS", brand="Shop", fields={"languages": ["en", "ru"]}
    )
    html = team.client_for(team.alice).get(texts_url(team, survey)).content.decode()
    assert html.count('name="language" value="en"') == 1
    assert html.count('name="language" value="ru"') == 1
    assert (
        'placeholder="How likely is it that you would recommend {brand} to a friend or colleague?"'
        in html
    )
    assert 'name="ru-question"' in html
    assert '<label for="id_ru-question">' in html


def test_saving_one_language_changes_only_that_language_and_publishes_a_version(team):
    survey = create_survey(
        team.workspace, name="NPS", brand="Shop", fields={"languages": ["en", "ru"]}
    )
    response = team.client_for(team.alice).post(
        texts_url(team, survey),
        {
            "language": "ru",
            "ru-question": "Порекомендуете ли вы {brand} другу?",
            "ru-label_low": "",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#texts-ru")
    version = latest_version(survey)
    assert version.number == 2
    assert version.content["texts"]["ru"]["question"] == "Порекомендуете ли вы Shop другу?"
    # Blank fields keep the shipped default, and English is untouched.
    assert version.content["texts"]["ru"]["label_low"] == default_text(
        "label_low", "ru", "customer"
    )
    assert version.content["texts"]["en"]["question"].startswith("How likely is it")
    assert SurveyText.objects.get(survey=survey, language="ru").label_low == ""


def test_clearing_every_field_returns_to_the_defaults(team):
    survey = create_survey(
        team.workspace, name="NPS", brand="Shop", texts={"en": {"question": "Rate {brand}?"}}
    )
    team.client_for(team.alice).post(texts_url(team, survey), {"language": "en", "en-question": ""})
    assert latest_version(survey).content["texts"]["en"]["question"].startswith("How likely")


def test_a_too_long_text_is_refused_on_its_field(team):
    survey = create_survey(team.workspace, name="NPS", brand="Shop")
    response = team.client_for(team.alice).post(
        texts_url(team, survey), {"language": "en", "en-label_low": "x" * 101}
    )
    assert response.status_code == 400
    assert 'id="id_en-label_low_error"' in response.content.decode()
    assert latest_version(survey).number == 1


def test_a_language_the_survey_does_not_offer_is_not_found(team):
    survey = create_survey(team.workspace, name="NPS", brand="Shop")
    response = team.client_for(team.alice).post(
        texts_url(team, survey), {"language": "bg", "bg-question": "Въпрос"}
    )
    assert response.status_code == 404
    assert not SurveyText.objects.filter(language="bg").exists()
