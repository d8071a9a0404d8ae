"""The start page: members go to their workspace, everyone else sees the product and a sign-in link."""

from __future__ import annotations

from opennps.accounts.models import User
from opennps.surveys.models import Survey


def test_a_member_of_a_workspace_without_surveys_goes_to_its_surveys_page(team):
    response = team.client_for(team.bob).get("/")
    assert response.status_code == 302
    assert response["Location"] == f"/w/{team.workspace.id}/surveys/"


def test_once_the_workspace_has_a_survey_a_member_lands_on_its_dashboard(team):
    Survey.objects.create(workspace=team.workspace, name="NPS", brand="Shop")
    for path in ("/", f"/w/{team.workspace.id}/"):
        response = team.client_for(team.bob).get(path)
        assert response.status_code == 302
        assert response["Location"] == f"/w/{team.workspace.id}/dashboard/"


def test_an_anonymous_visitor_sees_the_landing_page_with_a_sign_in_link(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert 'href="/accounts/login/"' in response.content.decode()


def test_a_person_without_any_workspace_is_told_how_to_get_one(team):
    loner = User.objects.create_user("loner@example.com")
    response = team.client_for(loner).get("/")
    assert response.status_code == 200
    assert "You are not a member of any workspace yet." in response.content.decode()
