"""The open link's first page: the standard question with the brand, and 11 real buttons."""

from __future__ import annotations

import re

from tests.responses.helpers import html_of


def test_it_asks_the_standard_question_with_the_brand_inserted(client, survey):
    page = client.get(f"/s/{survey.public_id}")
    assert page.status_code == 200
    assert "How likely is it that you would recommend Shop to a friend or colleague?" in html_of(
        page
    )


def test_the_scale_is_a_plain_form_of_eleven_submit_buttons(client, survey):
    html = html_of(client.get(f"/s/{survey.public_id}"))
    assert re.search(r'<form method="post" action="/s/[\w-]+"', html)
    buttons = re.findall(r'<button type="submit" class="score" name="score" value="(\d+)"', html)
    assert buttons == [str(value) for value in range(11)]
    assert 'name="csrfmiddlewaretoken"' in html


def test_the_scale_is_a_fieldset_named_by_the_question_for_screen_readers(client, survey):
    html = html_of(client.get(f"/s/{survey.public_id}"))
    assert re.search(r"<fieldset>\s*<legend><h1[^>]*>How likely is it", html)
    assert 'aria-label="0 — Not at all likely"' in html
    assert 'aria-label="10 — Extremely likely"' in html
    assert 'aria-label="Score 5 of 10"' in html


def test_the_ends_of_the_scale_are_labelled(client, survey):
    html = html_of(client.get(f"/s/{survey.public_id}"))
    assert "0 = Not at all likely" in html
    assert "10 = Extremely likely" in html


def test_an_employee_survey_asks_about_the_place_to_work(client, make_survey):
    survey = make_survey(kind="employee", brand="Acme")
    html = html_of(client.get(f"/s/{survey.public_id}"))
    assert "recommend Acme as a place to work" in html


def test_the_team_wording_replaces_the_default(client, survey):
    from opennps.surveys.models import SurveyText
    from opennps.surveys.versions import publish_version

    SurveyText.objects.create(
        survey=survey, language="en", question="Would you tell a friend about {brand}?"
    )
    publish_version(survey)
    assert "Would you tell a friend about Shop?" in html_of(client.get(f"/s/{survey.public_id}"))


def test_the_brand_is_escaped_not_trusted(client, make_survey):
    survey = make_survey(brand="<script>alert(1)</script>")
    html = html_of(client.get(f"/s/{survey.public_id}"))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_page_is_never_cached_by_shared_caches(client, survey):
    page = client.get(f"/s/{survey.public_id}")
    assert "no-store" in page.headers["Cache-Control"]
    assert "private" in page.headers["Cache-Control"]
