"""The watched themes page: viewers read it, analysts watch and stop watching, other workspaces
get 404; a theme an alert rule names cannot be dropped until the rule lets go of it."""

from __future__ import annotations

from html import unescape

import pytest

from opennps.alerts.actions import RuleSpec, create_rule
from opennps.comments.models import WatchedTheme
from tests.comments.theme_data import stored_theme


@pytest.fixture
def theme(team) -> WatchedTheme:
    return stored_theme(team.workspace)


def urls(team, theme) -> dict[str, str]:
    base = f"/w/{team.workspace.pk}/drivers/themes/"
    return {"list": base, "watch": base + "watch/", "stop": f"{base}{theme.pk}/stop/"}


def test_signed_out_visitors_are_sent_to_sign_in(team, theme):
    for method, url in [("get", "list"), ("post", "watch"), ("post", "stop")]:
        reply = getattr(team.client_for(None), method)(urls(team, theme)[url])
        assert reply.status_code == 302 and "/accounts/login/" in reply["Location"]


def test_another_workspace_gets_404_and_changes_nothing(team, theme):
    charlie = team.client_for(team.charlie)
    assert charlie.get(urls(team, theme)["list"]).status_code == 404
    assert charlie.post(urls(team, theme)["stop"]).status_code == 404
    assert charlie.post(urls(team, theme)["watch"], {"driver": "delivery"}).status_code == 404
    # Nor through charlie's own workspace's address: the theme is not there.
    own = f"/w/{team.other_workspace.pk}/drivers/themes/{theme.pk}/stop/"
    assert charlie.post(own).status_code == 404
    assert charlie.get(f"/w/{team.other_workspace.pk}/drivers/themes/").status_code == 200
    assert WatchedTheme.objects.filter(pk=theme.pk).exists()


def test_viewers_read_the_list_but_cannot_change_it(team, theme):
    bob = team.client_for(team.bob)
    page = bob.get(urls(team, theme)["list"])
    assert page.status_code == 200
    html = unescape(page.content.decode())
    assert "late, courier" in html and "Delivery and timing" in html
    assert "/stop/" not in html and "Alert on this theme" not in html
    assert bob.post(urls(team, theme)["stop"]).status_code == 404
    assert bob.post(urls(team, theme)["watch"], {"driver": "delivery"}).status_code == 404
    assert WatchedTheme.objects.filter(pk=theme.pk).exists()


def test_an_analyst_stops_watching_a_theme(team, theme):
    dana = team.client_for(team.dana)
    assert "/stop/" in dana.get(urls(team, theme)["list"]).content.decode()

    reply = dana.post(urls(team, theme)["stop"], follow=True)

    assert not WatchedTheme.objects.filter(pk=theme.pk).exists()
    assert "is no longer watched" in unescape(reply.content.decode())


def test_a_theme_an_alert_rule_names_is_kept_with_a_message_naming_the_rule(team, theme):
    create_rule(
        team.workspace,
        team.alice,
        RuleSpec(name="Late couriers", conditions={"themes": [theme.pk]}, recipients=[team.alice]),
    )
    dana = team.client_for(team.dana)

    reply = dana.post(urls(team, theme)["stop"], follow=True)

    assert WatchedTheme.objects.filter(pk=theme.pk).exists()
    html = unescape(reply.content.decode())
    assert "“Late couriers” have this theme as a condition" in html
    assert "Late couriers" in html  # the list shows which rules use it


def test_watching_without_enough_analysed_comments_says_why(team):
    dana = team.client_for(team.dana)
    reply = dana.post(
        f"/w/{team.workspace.pk}/drivers/themes/watch/",
        {"driver": "delivery", "name": "late", "members": "1,2,3"},
        follow=True,
    )
    assert reply.status_code == 200
    assert "at least 3 analysed comments" in unescape(reply.content.decode())
    assert not WatchedTheme.objects.exists()


def test_a_tampered_list_of_comments_is_refused(team):
    dana = team.client_for(team.dana)
    reply = dana.post(
        f"/w/{team.workspace.pk}/drivers/themes/watch/",
        {"driver": "delivery", "name": "late", "members": "1,2;drop", "next": "https://evil.test/"},
    )
    assert reply.status_code == 302
    assert reply["Location"] == f"/w/{team.workspace.pk}/dashboard/drivers/"
    assert not WatchedTheme.objects.exists()
