"""Language: ?lang= > the person's language > Accept-Language > the survey's default."""

from __future__ import annotations

import re

import pytest
from django.test import RequestFactory

from opennps.responses.language import best_match, choose_language
from opennps.responses.models import Response
from opennps.surveys.models import SurveyText
from opennps.surveys.versions import publish_version
from tests.responses.helpers import html_of


def html_language(page):
    return re.search(r'<html lang="([^"]+)">', html_of(page)).group(1)


@pytest.fixture
def russian_survey(make_survey):
    survey = make_survey(default_language="en", languages=["ru", "zh-hans"])
    SurveyText.objects.create(
        survey=survey, language="ru", question="Порекомендуете ли вы {brand}?"
    )
    SurveyText.objects.create(survey=survey, language="zh-hans", question="您会推荐{brand}吗？")
    publish_version(survey)
    return survey


def test_the_browser_language_is_used_when_the_survey_has_it(client, russian_survey):
    page = client.get(f"/s/{russian_survey.public_id}", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9")
    assert html_language(page) == "ru"
    assert page.headers["Content-Language"] == "ru"
    assert "Порекомендуете ли вы Shop?" in html_of(page)


def test_simplified_chinese_is_chosen_for_zh_cn(client, russian_survey):
    page = client.get(f"/s/{russian_survey.public_id}", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
    assert html_language(page) == "zh-hans"
    assert "您会推荐Shop吗？" in html_of(page)


def test_the_best_listed_browser_language_the_survey_has_wins(client, russian_survey):
    page = client.get(
        f"/s/{russian_survey.public_id}", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9,zh;q=0.8,ru;q=0.7"
    )
    assert html_language(page) == "zh-hans"


def test_a_language_the_survey_lacks_falls_back_to_the_default(client, make_survey):
    survey = make_survey(default_language="ru", languages=["en"])
    page = client.get(f"/s/{survey.public_id}", HTTP_ACCEPT_LANGUAGE="bg")
    assert html_language(page) == "ru"


def test_the_switcher_choice_beats_the_browser(client, russian_survey):
    page = client.get(f"/s/{russian_survey.public_id}?lang=en", HTTP_ACCEPT_LANGUAGE="ru")
    assert html_language(page) == "en"


def test_a_language_outside_the_survey_is_ignored(client, russian_survey):
    page = client.get(f"/s/{russian_survey.public_id}?lang=bg", HTTP_ACCEPT_LANGUAGE="ru")
    assert html_language(page) == "ru"


def test_the_contact_language_beats_the_browser(client, russian_survey, invite):
    token = invite(russian_survey, language="zh-hans")
    page = client.get(f"/r/{token}", HTTP_ACCEPT_LANGUAGE="ru")
    assert html_language(page) == "zh-hans"
    page = client.get(f"/r/{token}?lang=ru", HTTP_ACCEPT_LANGUAGE="en")
    assert html_language(page) == "ru"


def test_the_switcher_lists_only_the_survey_languages(client, russian_survey):
    html = html_of(client.get(f"/s/{russian_survey.public_id}"))
    codes = re.findall(r'<li><(?:a href="[^"]*" |span aria-current="true" )lang="([^"]+)"', html)
    assert codes == ["en", "ru", "zh-hans"]
    assert ">简体中文</a>" in html
    assert '<span aria-current="true" lang="en">English</span>' in html


def test_a_survey_in_one_language_shows_no_switcher(client, make_survey):
    survey = make_survey(languages=[])
    assert 'class="languages"' not in html_of(client.get(f"/s/{survey.public_id}"))


def test_the_answer_records_the_language_and_the_follow_up_keeps_it(client, russian_survey):
    client.post(f"/s/{russian_survey.public_id}", {"score": "9"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert Response.objects.get().language == "ru"
    page = client.get(f"/s/{russian_survey.public_id}/more", HTTP_ACCEPT_LANGUAGE="en")
    assert html_language(page) == "ru"


def test_an_explicit_language_survives_the_redirect(client, russian_survey):
    page = client.post(f"/s/{russian_survey.public_id}?lang=zh-hans", {"score": "9"})
    assert page.headers["Location"] == f"/s/{russian_survey.public_id}/more?lang=zh-hans"


def test_the_page_chrome_is_rendered_with_the_page_language_active(client, russian_survey):
    # The i18n context processor reports the active language: the one every {% translate %} uses.
    page = client.get(f"/s/{russian_survey.public_id}", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert page.context["LANGUAGE_CODE"] == "zh-hans"
    client.post(f"/s/{russian_survey.public_id}", {"score": "9"}, HTTP_ACCEPT_LANGUAGE="ru")
    page = client.post(f"/s/{russian_survey.public_id}/more", {"comment": "x" * 5001})
    assert page.context["LANGUAGE_CODE"] == "ru"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("ru-RU", "ru"),
        ("RU", "ru"),
        ("zh-CN", "zh-hans"),
        ("zh_Hans", "zh-hans"),
        ("zh-TW", "zh-hans"),
        ("kk", None),
        ("", None),
        ("x" * 100, None),
    ],
)
def test_best_match_follows_django_fallbacks(code, expected):
    assert best_match(code, ["en", "ru", "zh-hans"]) == expected


def test_garbage_accept_language_falls_back_to_the_default():
    request = RequestFactory().get("/", HTTP_ACCEPT_LANGUAGE=";;;q=abc,\x00,*")
    assert choose_language(request, ["en", "ru"], "ru") == "ru"
