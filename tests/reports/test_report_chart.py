"""The trend chart is inline SVG with a text alternative; points on fewer than 30 answers are
hollow; zero is always on the axis; text in it is escaped."""

from __future__ import annotations

import re
from datetime import date

from opennps.reports.chart import trend_svg
from opennps.reports.content import TrendPoint
from opennps.stats import Histogram, summarize


def point(label: str, scores: list[int]) -> TrendPoint:
    return TrendPoint(date(2025, 1, 1), label, summarize(Histogram.from_scores(scores)))


def test_the_chart_has_a_title_a_description_and_hollow_low_sample_points():
    svg = trend_svg(
        [point("2025-01", [10] * 40 + [0] * 10), point("2025-02", [9, 3, 7])],
        "NPS <trend>",
        "Described & explained",
    )

    assert svg.startswith("<svg") and 'role="img"' in svg
    assert '<title id="trend-title">NPS &lt;trend&gt;</title>' in svg
    assert '<desc id="trend-desc">Described &amp; explained</desc>' in svg
    fills = re.findall(r'<circle [^>]*fill="(#[0-9a-f]{6})"', svg)
    assert fills == ["#0b5cad", "#ffffff"]
    assert ">0</text>" in svg


def test_labels_from_data_are_escaped_and_an_empty_trend_still_draws():
    svg = trend_svg([point("<script>", [10, 9])], "t", "d")

    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert trend_svg([], "t", "d").endswith("</svg>")
