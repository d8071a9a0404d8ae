from __future__ import annotations

from tests.comments.helpers import answer, make_survey, run_worker


def test_driver_filter_shows_only_responses_about_that_driver_with_their_chips(team) -> None:
    survey = make_survey(team.workspace)
    answer(survey, 2, "Слишком дорого, цены выросли")
    answer(survey, 1, "Курьер опоздал на два дня")
    answer(survey, 8, "")
    run_worker()
    client = team.client_for(team.bob)
    url = f"/w/{team.workspace.pk}/responses/"

    everything = client.get(url).content.decode()
    assert "цены выросли" in everything and "Курьер" in everything
    assert 'data-driver="price"' in everything and 'data-driver="delivery"' in everything
    assert "correct-drivers" not in everything  # viewers cannot correct

    page = client.get(url, {"driver": "price"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "цены выросли" in html
    assert "Курьер" not in html
    assert '<input type="hidden" name="driver" value="price">' in html


def test_an_unknown_driver_is_a_clear_error(team) -> None:
    make_survey(team.workspace)
    page = team.client_for(team.alice).get(
        f"/w/{team.workspace.pk}/responses/", {"driver": "weather"}
    )
    assert page.status_code == 400
    assert "driver: &#x27;weather&#x27; is not a driver here" in page.content.decode()


def test_editors_see_the_correction_form(team) -> None:
    survey = make_survey(team.workspace)
    answer(survey, 2, "Слишком дорого")
    run_worker()
    html = team.client_for(team.dana).get(f"/w/{team.workspace.pk}/responses/").content.decode()
    assert "correct-drivers" in html
