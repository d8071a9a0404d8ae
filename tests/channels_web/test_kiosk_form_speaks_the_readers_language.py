from __future__ import annotations


def test_kiosk_form_labels_the_survey_field_in_russian(team) -> None:
    page = team.client_for(team.alice).get(
        f"/w/{team.workspace.pk}/kiosks/", HTTP_ACCEPT_LANGUAGE="ru"
    )

    html = page.content.decode()
    assert page.status_code == 200
    assert 'for="id_survey">Опрос:</label>' in html
    assert "Survey:" not in html
