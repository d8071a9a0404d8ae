"""The share page: the open link and how hidden attributes ride along."""

from __future__ import annotations

from opennps.surveys.actions import create_survey


def test_the_share_page_shows_the_open_link_and_the_hidden_attributes(team, settings):
    settings.BASE_URL = "https://nps.example.com"
    survey = create_survey(
        team.workspace, name="NPS", brand="Shop", fields={"hidden_attributes": ["store", "agent"]}
    )
    response = team.client_for(team.bob).get(f"/w/{team.workspace.id}/surveys/{survey.id}/share/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="https://nps.example.com/s/{survey.public_id}"' in html
    assert f"https://nps.example.com/s/{survey.public_id}?store=12&amp;agent=olga" in html
    assert "<code>store</code>, <code>agent</code>" in html
    # A draft survey is not answerable yet, and the page says so.
    assert "This survey is still a draft" in html


def test_without_hidden_attributes_the_page_says_every_key_is_ignored(team):
    survey = create_survey(team.workspace, name="NPS", brand="Shop")
    html = (
        team.client_for(team.alice)
        .get(f"/w/{team.workspace.id}/surveys/{survey.id}/share/")
        .content.decode()
    )
    assert "This survey keeps no keys yet" in html
