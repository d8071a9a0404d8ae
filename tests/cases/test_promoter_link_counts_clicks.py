"""The thank-you page's review link goes through /go/<token>: counted, rate limited, redirected."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.test import Client

from opennps.cases.metrics import loop_metrics
from opennps.cases.models import PromoterClick


@pytest.fixture(autouse=True)
def fresh_rate_limits(db):
    cache.clear()


def _promoter_link(survey) -> tuple[Client, str]:
    browser = Client()
    browser.post(f"/s/{survey.public_id}", {"score": "10"})
    page = browser.get(f"/s/{survey.public_id}/thanks").content.decode()
    match = re.search(r'class="cta" href="([^"]+)"', page)
    assert match is not None
    return browser, match.group(1)


def test_a_click_is_counted_and_redirected(make_survey, team):
    survey = make_survey(promoter_cta_url="https://reviews.example/shop")
    browser, link = _promoter_link(survey)
    assert link.startswith("/go/")
    response = browser.get(link)
    assert response.status_code == 302 and response["Location"] == "https://reviews.example/shop"
    click = PromoterClick.objects.get()
    assert click.response.survey == survey and click.workspace == team.workspace
    metrics = loop_metrics(team.workspace.pk)
    assert (metrics.promoter_activation.hits, metrics.promoter_activation.n) == (1, 1)


def test_clicks_over_the_rate_limit_are_redirected_but_not_counted(make_survey, settings):
    settings.OPENNPS_PROMOTER_CLICK_RATE = "2/m"
    survey = make_survey(promoter_cta_url="https://reviews.example/shop")
    browser, link = _promoter_link(survey)
    statuses = [browser.get(link).status_code for _ in range(5)]
    assert statuses == [302] * 5
    assert PromoterClick.objects.count() == 2


@pytest.mark.parametrize("token", ["nonsense", "1:abc", "x" * 300, "MQ:forged"])
def test_a_forged_or_malformed_token_is_a_404(db, token):
    assert Client().get(f"/go/{token}").status_code == 404
    assert not PromoterClick.objects.exists()
