"""Inline SVG charts for the HTML report: no JavaScript, no external files.

Colours are from the Okabe-Ito palette, which stays distinguishable with the common colour-vision
deficiencies; every chart carries a <title> and a <desc> that say in words what it shows, and
its numbers are also given in a table next to it.
"""

from __future__ import annotations

from html import escape

from opennps.analyze import formatting as fmt
from opennps.analyze.i18n import _
from opennps.analyze.report import TrendPoint
from opennps.stats import Histogram

DETRACTOR = "#D55E00"  # vermillion
PASSIVE = "#E69F00"  # orange
PROMOTER = "#0072B2"  # blue
BAND = "#56B4E9"  # sky blue
INK = "#222222"
GRID = "#BBBBBB"


def class_colour(score: int) -> str:
    return PROMOTER if score >= 9 else PASSIVE if score >= 7 else DETRACTOR


def distribution_chart(histogram: Histogram, lowest: int, chart_id: str = "distribution") -> str:
    width, height = 640, 260
    left, right, top, bottom = 16, 16, 28, 36
    scores = [score for score in range(11) if score >= lowest or histogram.counts[score]]
    largest = max(histogram.counts) or 1
    slot = (width - left - right) / len(scores)
    plot_height = height - top - bottom
    n = histogram.n
    description = _("Number of answers for each score: {items}.").format(
        items="; ".join(
            f"{score}: {fmt.count(histogram.counts[score])} ({fmt.share(histogram.counts[score], n)})"
            for score in scores
        )
    )
    parts = [_svg_open(chart_id, width, height, _("Distribution of scores"), description)]
    for index, score in enumerate(scores):
        value = histogram.counts[score]
        bar_height = plot_height * value / largest
        x = left + index * slot + slot * 0.1
        y = top + plot_height - bar_height
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.8:.1f}" height="{bar_height:.1f}" '
            f'fill="{class_colour(score)}"><title>{score}: {fmt.count(value)}</title></rect>'
        )
        centre = x + slot * 0.4
        parts.append(
            f'<text x="{centre:.1f}" y="{y - 6:.1f}" text-anchor="middle" font-size="12">'
            f"{fmt.count(value)}</text>"
        )
        parts.append(
            f'<text x="{centre:.1f}" y="{height - bottom + 18:.1f}" text-anchor="middle" '
            f'font-size="13" font-weight="bold">{score}</text>'
        )
    parts.append(
        f'<line x1="{left}" x2="{width - right}" y1="{top + plot_height}" '
        f'y2="{top + plot_height}" stroke="{INK}"/>'
    )
    parts.append("</svg>")
    return "\n".join(parts)


def trend_chart(points: list[TrendPoint], period: str, chart_id: str = "trend") -> str:
    width, height = 640, 300
    left, right, top, bottom = 48, 16, 20, 56
    answered = [point for point in points if point.summary.n > 0]
    lows = [point.summary.ci_low for point in answered if point.summary.ci_low is not None]
    highs = [point.summary.ci_high for point in answered if point.summary.ci_high is not None]
    floor = max(-100.0, _round_down(min([0.0, *lows])))
    ceiling = min(100.0, _round_up(max([0.0, *highs])))
    if ceiling <= floor:
        ceiling = floor + 10
    plot_width, plot_height = width - left - right, height - top - bottom
    step = plot_width / max(1, len(points) - 1)

    def x_of(index: int) -> float:
        return left + (index * step if len(points) > 1 else plot_width / 2)

    def y_of(value: float) -> float:
        return top + plot_height * (ceiling - value) / (ceiling - floor)

    description = _("NPS by {period} with its confidence interval: {items}.").format(
        period=period,
        items="; ".join(
            f"{point.period}: "
            + (
                f"{fmt.nps(point.summary.nps)} ({fmt.interval(point.summary)}, "
                f"n = {fmt.count(point.summary.n)})"
                if point.summary.n
                else _("no answers")
            )
            for point in points
        ),
    )
    parts = [_svg_open(chart_id, width, height, _("NPS trend"), description)]
    for tick in _ticks(floor, ceiling):
        y = y_of(tick)
        dash = "" if tick == 0 else ' stroke-dasharray="3 3"'
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID if tick else INK}"{dash}/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12">{tick:g}</text>'
        )
    for run in _runs(points):
        upper = [(x_of(i), y_of(points[i].summary.ci_high)) for i in run]
        lower = [(x_of(i), y_of(points[i].summary.ci_low)) for i in reversed(run)]
        if len(run) == 1:
            x, _unused = upper[0]
            parts.append(
                f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{upper[0][1]:.1f}" y2="{lower[0][1]:.1f}" '
                f'stroke="{BAND}" stroke-width="8" opacity="0.6"/>'
            )
        else:
            polygon = " ".join(f"{x:.1f},{y:.1f}" for x, y in upper + lower)
            parts.append(f'<polygon points="{polygon}" fill="{BAND}" opacity="0.35"/>')
            line = " ".join(f"{x_of(i):.1f},{y_of(points[i].summary.nps):.1f}" for i in run)
            parts.append(
                f'<polyline points="{line}" fill="none" stroke="{PROMOTER}" stroke-width="2.5"/>'
            )
        for i in run:
            summary = points[i].summary
            parts.append(
                f'<circle cx="{x_of(i):.1f}" cy="{y_of(summary.nps):.1f}" r="4" '
                f'fill="{PROMOTER}"><title>{escape(points[i].period)}: NPS '
                f"{fmt.nps(summary.nps)}, n = {fmt.count(summary.n)}</title></circle>"
            )
    label_every = max(1, -(-len(points) // 12))
    for index, point in enumerate(points):
        if index % label_every:
            continue
        x, y = x_of(index), height - bottom + 16
        parts.append(
            f'<text x="{x:.1f}" y="{y}" font-size="11" text-anchor="end" '
            f'transform="rotate(-35 {x:.1f} {y})">{escape(point.period)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _svg_open(chart_id: str, width: int, height: int, title: str, description: str) -> str:
    return (
        f'<svg role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="inherit">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    )


def _runs(points: list[TrendPoint]) -> list[list[int]]:
    """Consecutive indexes of periods with answers; a period without answers breaks the line."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, point in enumerate(points):
        if point.summary.n and point.summary.ci_low is not None and point.summary.nps is not None:
            current.append(index)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _ticks(floor: float, ceiling: float) -> list[float]:
    span = ceiling - floor
    step = 10 if span <= 60 else 20 if span <= 120 else 50
    start = int(floor // step) * step
    return [float(value) for value in range(start, int(ceiling) + 1, step) if value >= floor]


def _round_down(value: float) -> float:
    return float(int(value // 10) * 10)


def _round_up(value: float) -> float:
    return float(-int(-value // 10) * 10)
