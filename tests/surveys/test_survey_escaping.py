"""Whatever a team types is shown as text, never run as markup."""

from __future__ import annotations

from opennps.surveys.actions import create_survey

NASTY = '<script>alert("x")</script>'


def test_a_survey_name_with_markup_is_escaped_on_every_page(team):
    survey = create_survey(team.workspace, name=NASTY, brand=NASTY)
    client = team.client_for(team.alice)
    base = f"/w/{team.workspace.id}/surveys"
    for url in (
        f"{base}/",
        f"{base}/{survey.id}/",
        f"{base}/{survey.id}/edit/",
        f"{base}/{survey.id}/share/",
    ):
        html = client.get(url).content.decode()
        assert NASTY not in html, url
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html, url


def test_a_workspace_name_with_markup_is_escaped_in_the_switcher(team):
    team.workspace.name = NASTY
    team.workspace.save()
    html = team.client_for(team.alice).get(f"/w/{team.workspace.id}/surveys/").content.decode()
    assert NASTY not in html
    assert "&lt;script&gt;" in html
