from __future__ import annotations

import pytest

from tests.comments.helpers import answer, make_survey, run_worker


@pytest.mark.parametrize(
    ("language", "label"), [("ru", "Доставка и сроки"), ("zh-hans", "配送与时效")]
)
def test_drivers_page_names_the_drivers_in_the_readers_language(team, language, label) -> None:
    survey = make_survey(team.workspace)
    answer(survey, 2, "The delivery was late")
    run_worker()

    page = team.client_for(team.alice).get(
        f"/w/{team.workspace.pk}/dashboard/drivers/", HTTP_ACCEPT_LANGUAGE=language
    )

    assert page.status_code == 200
    assert label in page.content.decode()
    assert "Delivery and timing" not in page.content.decode()


def test_taxonomy_page_shows_labels_and_offers_the_readers_language_first(team) -> None:
    page = team.client_for(team.alice).get(
        f"/w/{team.workspace.pk}/drivers/", HTTP_ACCEPT_LANGUAGE="ru"
    )

    html = page.content.decode()
    assert page.status_code == 200
    assert "Доставка и сроки" in html
    assert "Delivery and timing" not in html
    assert '<option value="ru" selected>' in html
