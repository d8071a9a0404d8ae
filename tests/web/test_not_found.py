"""A page that does not exist (or is not yours) answers 404 with a page in the site's frame."""

from __future__ import annotations


def test_a_missing_or_foreign_page_shows_the_friendly_404_page(team):
    client = team.client_for(team.bob)
    for url in ("/no-such-page/", f"/w/{team.other_workspace.id}/surveys/"):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 404
        assert "Page not found" in html
        assert "This page does not exist, or you do not have access to it." in html
        # The frame still works: bob can reach his own workspace from here.
        assert f'href="/w/{team.workspace.id}/surveys/"' in html
