"""Creating a survey from the web page."""

from __future__ import annotations

import pytest

from opennps.surveys.models import Survey, SurveyVersion


def settings_form(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "After purchase",
        "kind": "customer",
        "brand": "Shop",
        "default_language": "ru",
        "languages": ["en", "zh-hans"],
        "accent_colour": "#AA3300",
        "ask_third_question": "on",
        "promoter_cta_url": "https://reviews.example/shop",
        "hidden_attributes": "store, agent,store",
        "repeat_days_per_browser": "14",
        "daily_answers_per_ip": "20",
    }
    data.update(changes)
    return data


def create_url(team) -> str:
    return f"/w/{team.workspace.id}/surveys/new/"


@pytest.mark.parametrize("persona", ["alice", "dana"])
def test_an_owner_or_an_analyst_creates_a_draft_survey_with_every_setting(team, persona):
    client = team.client_for(getattr(team, persona))
    response = client.post(create_url(team), settings_form())
    survey = Survey.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/w/{team.workspace.id}/surveys/{survey.id}/"
    assert survey.workspace == team.workspace
    assert survey.status == "draft"
    assert (survey.name, survey.kind, survey.brand) == ("After purchase", "customer", "Shop")
    assert survey.default_language == "ru"
    # The default language is always offered, and listed first.
    assert survey.languages == ["ru", "en", "zh-hans"]
    assert survey.accent_colour == "#aa3300"
    assert survey.ask_third_question is True
    assert survey.promoter_cta_url == "https://reviews.example/shop"
    assert survey.hidden_attributes == ["store", "agent"]
    assert (survey.repeat_days_per_browser, survey.daily_answers_per_ip) == (14, 20)


def test_creating_a_survey_publishes_its_first_version(team):
    team.client_for(team.alice).post(create_url(team), settings_form())
    version = SurveyVersion.objects.get()
    assert version.number == 1
    assert set(version.content["texts"]) == {"en", "ru", "zh-hans"}
    assert "Shop" in version.content["texts"]["en"]["question"]


@pytest.mark.parametrize(
    ("hidden", "message"),
    [
        ("store, Agent", "“Agent” is not allowed"),
        ("store, agent-name", "“agent-name” is not allowed"),
        ("store, lang", "“lang” is used by the survey page itself"),
    ],
)
def test_an_unsafe_hidden_attribute_is_refused_by_name(team, hidden, message):
    response = team.client_for(team.alice).post(
        create_url(team), settings_form(hidden_attributes=hidden)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Survey.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("accent_colour", "red"),
        ("promoter_cta_url", "javascript:alert(1)"),
        ("repeat_days_per_browser", "-1"),
        ("daily_answers_per_ip", "0"),
        ("languages", ["en", "fr"]),
        ("name", ""),
    ],
)
def test_invalid_settings_are_refused_with_the_form_shown_again(team, field, value):
    response = team.client_for(team.alice).post(create_url(team), settings_form(**{field: value}))
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not Survey.objects.exists()


def test_the_new_survey_page_offers_every_language_as_a_labelled_checkbox(team):
    page = team.client_for(team.alice).get(create_url(team)).content.decode()
    for code in ("en", "ru", "kk", "bg", "zh-hans"):
        assert f'type="checkbox" name="languages" value="{code}"' in page
    assert '<label for="id_name">' in page
