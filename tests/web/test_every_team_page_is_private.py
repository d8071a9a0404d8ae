"""Every page under /w/<workspace id>/, found by walking the URL configuration: a visitor who is not
signed in is sent to sign in, and a member of another workspace learns nothing (404).

Unlike the role matrix (test_access_matrix), this needs no list kept by hand, so a page added by
any app is checked the day it is added.
"""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

WORKSPACE_PREFIX = "w/<int:workspace_id>/"
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
# A value each path converter accepts; the objects named need not exist.
SAMPLE_VALUES = {"int": "1", "report_format": "html", "spreadsheet": "csv"}


def _routes(patterns, prefix: str = ""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def team_routes() -> list[str]:
    return sorted(
        {r for r in _routes(get_resolver().url_patterns) if r.startswith(WORKSPACE_PREFIX)}
    )


def _fill(route: str, workspace_id: int) -> str:
    def value(match: re.Match) -> str:
        converter, name = match.group(1) or "str", match.group(2)
        if name == "workspace_id":
            return str(workspace_id)
        return SAMPLE_VALUES.get(converter, "x")

    return "/" + CONVERTER.sub(value, route)


def test_the_walk_finds_the_team_pages_of_every_app():
    routes = team_routes()
    for page in ("surveys/", "dashboard/", "responses/", "cases/", "alerts/", "campaigns/"):
        assert any(route.startswith(WORKSPACE_PREFIX + page) for route in routes), page


@pytest.mark.parametrize("route", team_routes())
def test_a_member_of_another_workspace_gets_404_and_a_visitor_is_sent_to_sign_in(
    team, client, route
):
    url = _fill(route, team.workspace.id)
    outsider = team.client_for(team.charlie)
    for method in ("get", "post"):
        answered = getattr(outsider, method)(url)
        # 405: the page does not take this method at all, which tells nothing either.
        assert answered.status_code in (404, 405), (method, url, answered.status_code)
        anonymous = getattr(client, method)(url)
        assert anonymous.status_code in (302, 405), (method, url, anonymous.status_code)
        if anonymous.status_code == 302:
            assert anonymous["Location"].startswith("/accounts/login/?next="), url
