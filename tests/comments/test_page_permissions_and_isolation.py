from __future__ import annotations

import pytest

from tests.comments.helpers import answer, make_survey, run_worker


@pytest.fixture
def setup(team):
    survey = make_survey(team.workspace)
    response = answer(survey, 2, "Слишком дорого")
    run_worker()
    return team, response


def test_signed_out_visitors_are_sent_to_the_login_page(setup) -> None:
    team, _ = setup
    for url in ("dashboard/drivers/", "drivers/"):
        reply = team.client_for(None).get(f"/w/{team.workspace.pk}/{url}")
        assert reply.status_code == 302 and "/accounts/login/" in reply["Location"]


def test_a_foreign_workspace_is_404_for_every_page_and_form(setup) -> None:
    team, response = setup
    charlie = team.client_for(team.charlie)
    base = f"/w/{team.workspace.pk}"
    assert charlie.get(f"{base}/dashboard/drivers/").status_code == 404
    assert charlie.get(f"{base}/drivers/").status_code == 404
    assert (
        charlie.post(f"{base}/drivers/rename/", {"key": "price", "label": "X"}).status_code == 404
    )
    assert (
        charlie.post(f"{base}/responses/{response.pk}/drivers/", {"drivers": ["other"]}).status_code
        == 404
    )
    # alice edits Shop, but the response of Shop is not reachable through Other's address
    alice = team.client_for(team.alice)
    other = f"/w/{team.other_workspace.pk}"
    assert (
        alice.post(f"{other}/responses/{response.pk}/drivers/", {"drivers": ["other"]}).status_code
        == 404
    )


def test_viewers_read_and_analysts_edit(setup) -> None:
    team, response = setup
    base = f"/w/{team.workspace.pk}"
    bob = team.client_for(team.bob)
    page = bob.get(f"{base}/drivers/")
    assert page.status_code == 200
    assert "/drivers/rename/" not in page.content.decode()
    assert bob.post(f"{base}/drivers/rename/", {"key": "price", "label": "Cost"}).status_code == 404
    assert (
        bob.post(f"{base}/responses/{response.pk}/drivers/", {"drivers": ["other"]}).status_code
        == 404
    )

    dana = team.client_for(team.dana)
    assert (
        dana.post(
            f"{base}/drivers/rename/", {"key": "price", "label": "Cost", "language": "en"}
        ).status_code
        == 302
    )
    assert 'data-driver="price"' in bob.get(f"{base}/dashboard/drivers/").content.decode()
    assert ">Cost</a>" in bob.get(f"{base}/dashboard/drivers/").content.decode()
    # other workspaces keep the shipped name
    charlie_page = team.client_for(team.charlie).get(f"/w/{team.other_workspace.pk}/drivers/")
    assert "Cost" not in charlie_page.content.decode()


def test_the_dashboard_links_to_the_drivers_page(setup) -> None:
    team, _ = setup
    html = team.client_for(team.bob).get(f"/w/{team.workspace.pk}/dashboard/").content.decode()
    assert f'href="/w/{team.workspace.pk}/dashboard/drivers/"' in html
