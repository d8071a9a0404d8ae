"""The widget script: one file under 15 KB with the survey's texts built in."""

from __future__ import annotations

from opennps.channels_web.models import WidgetSettings


def test_the_served_script_is_under_15_kilobytes(client, survey, widget):
    response = client.get(f"/w/{survey.public_id}.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert len(response.content) < 15 * 1024


def test_the_script_carries_the_question_in_each_language(client, survey, widget):
    body = client.get(f"/w/{survey.public_id}.js").content.decode()
    assert "How likely is it that you would recommend Shop" in body
    assert "Насколько вероятно" in body
    assert "__OPENNPS_CONFIG__" not in body


def test_a_survey_without_the_widget_serves_no_script(client, survey):
    assert client.get(f"/w/{survey.public_id}.js").status_code == 404


def test_a_switched_off_widget_serves_no_script(client, survey):
    WidgetSettings.objects.create(survey=survey, enabled=False)
    assert client.get(f"/w/{survey.public_id}.js").status_code == 404


def test_the_script_uses_a_shadow_root_and_sets_no_cookie(client, survey, widget):
    response = client.get(f"/w/{survey.public_id}.js")
    assert "attachShadow" in response.content.decode()
    assert not response.cookies
