"""Editing a survey's settings."""

from __future__ import annotations

from opennps.surveys.actions import create_survey
from opennps.surveys.models import Survey


def edit_form(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Relationship",
        "kind": "employee",
        "brand": "Shop & Co",
        "default_language": "en",
        "languages": ["kk"],
        "accent_colour": "#123456",
        "hidden_attributes": "region",
        "repeat_days_per_browser": "90",
        "daily_answers_per_ip": "5",
    }
    data.update(changes)
    return data


def test_an_analyst_changes_the_settings_and_a_new_version_is_published(team):
    survey = create_survey(team.workspace, name="Old", brand="Shop")
    url = f"/w/{team.workspace.id}/surveys/{survey.id}/edit/"
    response = team.client_for(team.dana).post(url, edit_form())
    assert response.status_code == 302
    survey.refresh_from_db()
    assert (survey.name, survey.brand, survey.languages) == (
        "Relationship",
        "Shop & Co",
        ["en", "kk"],
    )
    assert survey.hidden_attributes == ["region"]
    assert (survey.repeat_days_per_browser, survey.daily_answers_per_ip) == (90, 5)
    latest = survey.versions.first()
    assert latest.number == 2
    assert "Shop & Co" in latest.content["texts"]["kk"]["question"]


def test_the_kind_cannot_change_after_creation(team):
    survey = create_survey(team.workspace, name="Old", brand="Shop", kind="customer")
    url = f"/w/{team.workspace.id}/surveys/{survey.id}/edit/"
    team.client_for(team.alice).post(url, edit_form(kind="employee"))
    assert Survey.objects.get().kind == "customer"


def test_the_edit_page_shows_the_current_values(team):
    survey = create_survey(
        team.workspace,
        name="Loyalty",
        brand="Shop",
        fields={"hidden_attributes": ["store", "agent"]},
    )
    page = team.client_for(team.alice).get(f"/w/{team.workspace.id}/surveys/{survey.id}/edit/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'value="Loyalty"' in html
    assert 'value="store, agent"' in html
