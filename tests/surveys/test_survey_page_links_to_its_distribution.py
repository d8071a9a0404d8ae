"""The survey page leads analysts and up to the survey's triggers, widget, kiosks and campaigns;
viewers, who could open none of them, see no such links."""

from __future__ import annotations

from opennps.surveys.models import Survey


def _survey(team) -> Survey:
    return Survey.objects.create(workspace=team.workspace, name="Main", status="active")


def test_an_analyst_sees_automation_widget_and_kiosk_links_that_open(team):
    survey = _survey(team)
    client = team.client_for(team.dana)
    base = f"/w/{team.workspace.pk}"

    text = client.get(f"{base}/surveys/{survey.pk}/").content.decode()

    links = [
        f"{base}/surveys/{survey.pk}/automation/",
        f"{base}/surveys/{survey.pk}/widget/",
        f"{base}/kiosks/",
        f"{base}/campaigns/",
    ]
    for link in links:
        assert f'href="{link}"' in text
        assert client.get(link).status_code == 200


def test_a_viewer_sees_none_of_them(team):
    survey = _survey(team)

    text = team.client_for(team.bob).get(f"/w/{team.workspace.pk}/surveys/{survey.pk}/")

    assert text.status_code == 200
    assert "/automation/" not in text.content.decode()
    assert "/widget/" not in text.content.decode()
