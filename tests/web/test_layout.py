"""The frame of every team page: workspace switcher, navigation by role, user menu, languages."""

from __future__ import annotations

from opennps.accounts.models import Membership, Role, Workspace


def surveys_page(team, user) -> str:
    return team.client_for(user).get(f"/w/{team.workspace.id}/surveys/").content.decode()


def test_the_switcher_lists_only_the_users_workspaces(team):
    second = Workspace.objects.create(
        organisation=team.workspace.organisation, name="Shop Kazakhstan"
    )
    Membership.objects.create(user=team.alice, workspace=second, role=Role.VIEWER)
    html = surveys_page(team, team.alice)
    assert f'href="/w/{second.id}/surveys/"' in html
    assert f'href="/w/{team.workspace.id}/surveys/" aria-current="true"' in html
    assert "Other" not in html


def test_owners_see_members_and_api_keys_and_viewers_do_not(team):
    owner = surveys_page(team, team.alice)
    viewer = surveys_page(team, team.bob)
    analyst = surveys_page(team, team.dana)
    for link in (
        f'href="/w/{team.workspace.id}/members/"',
        f'href="/w/{team.workspace.id}/api-keys/"',
    ):
        assert link in owner
        assert link not in viewer
        assert link not in analyst
    assert "New survey" in owner and "New survey" in analyst
    assert "New survey" not in viewer


def test_the_user_menu_offers_password_change_and_a_sign_out_form(team):
    html = surveys_page(team, team.alice)
    assert "alice@example.com" in html
    assert 'href="/accounts/password/"' in html
    assert 'action="/accounts/logout/" method="post"' in html


def test_the_language_switcher_changes_the_page_language(team):
    client = team.client_for(team.alice)
    html = client.get(f"/w/{team.workspace.id}/surveys/").content.decode()
    assert 'action="/i18n/setlang/"' in html
    assert '<label for="language-select"' in html
    response = client.post(
        "/i18n/setlang/", {"language": "ru", "next": f"/w/{team.workspace.id}/surveys/"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/w/{team.workspace.id}/surveys/"
    assert '<html lang="ru">' in client.get(response["Location"]).content.decode()


def test_every_page_links_its_stylesheet_and_script_from_our_own_server(team):
    html = surveys_page(team, team.alice)
    assert 'href="/static/web/site.css"' in html
    assert 'src="/static/web/site.js"' in html
    assert "http://" not in html.split("<body>")[0] and "https://" not in html.split("<body>")[0]
