"""The team sets where the widget may appear; the page shows the snippet to paste."""

from __future__ import annotations

from opennps.channels_web.models import WidgetSettings


def test_saving_normalises_the_allowed_origins(team, survey):
    url = f"/w/{team.workspace.pk}/surveys/{survey.pk}/widget/"
    page = team.client_for(team.dana).post(
        url,
        {
            "enabled": "on",
            "trigger": "delay",
            "delay_seconds": "5",
            "position": "slide",
            "origins": "https://Shop.example/checkout\nhttp://localhost:8080",
        },
    )
    assert page.status_code == 302
    assert WidgetSettings.objects.get().allowed_origins == [
        "https://shop.example",
        "http://localhost:8080",
    ]
    assert f"/w/{survey.public_id}.js" in team.client_for(team.dana).get(url).content.decode()


def test_a_value_that_is_not_an_origin_is_refused(team, survey):
    url = f"/w/{team.workspace.pk}/surveys/{survey.pk}/widget/"
    page = team.client_for(team.alice).post(
        url, {"trigger": "delay", "delay_seconds": "5", "position": "slide", "origins": "shop"}
    )
    assert page.status_code == 400
    assert not WidgetSettings.objects.exists()


def test_viewers_cannot_change_the_widget(team, survey):
    url = f"/w/{team.workspace.pk}/surveys/{survey.pk}/widget/"
    assert team.client_for(team.bob).get(url).status_code == 404
