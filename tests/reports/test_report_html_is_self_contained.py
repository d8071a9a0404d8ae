"""The HTML report is one file that loads nothing from anywhere, and its numbers are
opennps.stats on the raw responses: the headline, every trend point, the change."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from opennps.analytics.periods import period_label, period_start
from opennps.responses.models import Response
from opennps.stats import Histogram, compare_independent, summarize
from tests.reports.helpers import answer, page_text

SVG_NAMESPACE = "http://www.w3.org/2000/svg"


@pytest.fixture
def data(shop):
    today = timezone.localdate()
    for days_ago in range(0, 120):
        for score in ((days_ago * 7) % 11, (days_ago * 3) % 11):
            answer(
                shop.survey,
                score,
                f"day {days_ago}",
                channel="web" if days_ago % 2 else "email",
                created_at=timezone.now() - timedelta(days=days_ago),
            )
    return shop, today


def low_sample_mark(n: int) -> str:
    return ' <span class="low">*</span>' if n < 30 else ""


def raw_histogram(start: date, end: date) -> Histogram:
    return Histogram.from_scores(
        r.score for r in Response.objects.all() if start <= timezone.localdate(r.created_at) <= end
    )


def test_the_report_loads_nothing_from_outside(data):
    shop, _ = data
    response = shop.client_for(shop.bob).get(shop.url("report.html"))

    html = page_text(response)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="shop-nps-report-')
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert re.findall(r"https?://[^\s\"'<>)]+", html) == [SVG_NAMESPACE] * html.count(SVG_NAMESPACE)
    for forbidden in ("<script", "<link", "<img", "@import", "url(", "src="):
        assert forbidden not in html
    assert "<style>" in html and "<svg" in html


def test_the_default_report_covers_the_last_90_days_with_raw_numbers(data):
    shop, today = data
    html = page_text(shop.client_for(shop.bob).get(shop.url("report.html")))

    start = today - timedelta(days=89)
    summary = summarize(raw_histogram(start, today)).to_dict()
    assert f'<span class="figure">{summary["nps"]}</span>' in html
    assert f"95% interval {summary['ci_low']} to {summary['ci_high']}" in html
    assert f"n = {summary['n']}<" in html


def test_the_trend_and_the_change_match_raw_numbers(data):
    shop, today = data
    start, end = today - timedelta(days=59), today
    url = shop.url(f"report.html?from={start}&to={end}&by=month")

    html = page_text(shop.client_for(shop.bob).get(url))

    months = sorted({period_start(day, "month") for day in (start, end, start + timedelta(30))})
    for month in months:
        first = max(month, start)
        last = min(end, (month + timedelta(days=32)).replace(day=1) - timedelta(days=1))
        point = summarize(raw_histogram(first, last)).to_dict()
        row = (
            f"<td>{period_label(month, 'month')}</td>"
            f'<td class="number">{point["nps"]}{low_sample_mark(point["n"])}</td>'
            f"<td>{point['ci_low']} to {point['ci_high']}</td>"
            f'<td class="number">{point["n"]}</td>'
        )
        assert row in html
    before = raw_histogram(start - timedelta(days=60), start - timedelta(days=1))
    change = compare_independent(before, raw_histogram(start, end))
    assert f"{round(change.difference, 1):+.1f}, " in html


def test_a_wrong_parameter_is_named_instead_of_guessed(shop):
    client = shop.client_for(shop.bob)

    bad_period = client.get(shop.url("report.html?by=fortnight"))
    bad_date = client.get(shop.url("report.pdf?to=yesterday"))

    assert bad_period.status_code == bad_date.status_code == 400
    assert "by: choose one of day, week, month, quarter." in bad_period.content.decode()
    assert "to: &#x27;yesterday&#x27;" not in bad_date.content.decode()  # plain text, not HTML
    assert "to: 'yesterday' is not a date" in bad_date.content.decode()
