"""Charts are inline SVG with a title, a description and a table beside them; no script, no CDN;
Okabe–Ito colours; points on fewer than 30 answers are hollow and the legend says so."""

from __future__ import annotations

import re
from datetime import date

import pytest

from opennps.analytics.charts import TrendMark, distribution_chart, shares_bar, trend_chart
from opennps.analytics.dashboard import TrendPoint
from opennps.stats import Histogram, summarize
from tests.analytics.dashboard_helpers import add_answers, dashboard_url, make_survey, make_team

OKABE_ITO = {"#0072B2", "#E69F00", "#D55E00", "#56B4E9", "#009E73", "#CC79A7"}


def points(*sizes: int) -> list[TrendPoint]:
    months = [date(2025, month, 1) for month in range(1, len(sizes) + 1)]
    return [
        TrendPoint(
            month, month.strftime("%Y-%m"), summarize(Histogram.from_counts({9: n, 3: n // 3}))
        )
        for month, n in zip(months, sizes, strict=True)
    ]


def test_each_chart_has_a_title_and_a_description_it_points_to():
    histogram = Histogram.from_counts({0: 3, 7: 10, 10: 20})
    charts = [
        shares_bar(summarize(histogram)),
        distribution_chart(histogram),
        trend_chart(
            points(40, 12), by="month", first_day=date(2025, 1, 1), last_day=date(2025, 2, 1)
        ),
    ]
    for svg in charts:
        chart_id = re.search(r'<svg class="chart" id="([^"]+)"', svg).group(1)
        assert f'aria-labelledby="{chart_id}-title {chart_id}-desc"' in svg
        assert f'<title id="{chart_id}-title">' in svg
        assert f'<desc id="{chart_id}-desc">' in svg
        assert 'role="img"' in svg
        assert "<script" not in svg and "http" not in svg.replace("http://www.w3.org", "")
        assert (
            set(re.findall(r"#[0-9A-Fa-f]{6}", svg)) - {"#ffffff", "#1b1f24", "#57606a", "#d0d7de"}
            <= OKABE_ITO
        )


def test_a_point_on_fewer_than_30_answers_is_hollow():
    svg = trend_chart(
        points(40, 12, 35), by="month", first_day=date(2025, 1, 1), last_day=date(2025, 3, 1)
    )
    markers = re.findall(r'<circle cx="[^"]+" cy="[^"]+" r="[^"]+" fill="([^"]+)"', svg)
    assert markers == ["#0072B2", "#ffffff", "#0072B2"]
    assert "1 of them on fewer than 30 answers" in svg


def test_annotation_labels_are_escaped_in_the_chart():
    svg = trend_chart(
        points(40),
        by="month",
        first_day=date(2025, 1, 1),
        last_day=date(2025, 1, 1),
        marks=[TrendMark(1, date(2025, 1, 15), '<img src=x onerror="alert(1)">')],
    )
    assert "<img" not in svg
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in svg


@pytest.mark.django_db
def test_the_page_gives_every_chart_a_text_alternative_and_a_legend():
    team = make_team()
    add_answers([make_survey(team.workspace)], 60, days=60)
    html = (
        team.client_for(team.alice)
        .get(
            dashboard_url(
                team,
            )
        )
        .content.decode()
    )
    assert html.count("Show as a table") >= 2
    assert "Fewer than 30 answers (small sample)" in html
    assert 'class="share-legend"' in html
    assert "cdn" not in html.lower()
    assert "<script" not in html.replace('<script src="/static/web/site.js" defer></script>', "")


def test_each_point_shows_its_n_under_the_axis_when_there_is_room():
    options = {"by": "month", "first_day": date(2025, 1, 1), "last_day": date(2025, 3, 1)}
    wide = trend_chart(points(40, 12, 35), width=960, **options)
    assert [f"n={n}" in wide for n in (53, 16, 46)] == [True, True, True]
    crowded = trend_chart(
        points(*[40] * 12), width=380, **{**options, "last_day": date(2025, 12, 1)}
    )
    assert "n=53" not in crowded  # too close together: the table under the chart has them
