"""A small inline SVG line chart of the NPS trend with its interval band, for reports and e-mail.

Drawn here rather than by a charting library so a report is one self-contained file. Blue line on
a light blue band reads for colour-blind people too; points on fewer than 30 answers are hollow,
and the table beside the chart carries every number (the chart's text alternative).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from opennps.reports.content import TrendPoint

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 36
LINE = "#0b5cad"
BAND = "#cfe2f6"
GRID = "#d0d7de"
INK = "#57606a"


def _scale(points: Sequence[TrendPoint]) -> tuple[float, float, float]:
    """The axis's low and high ends and its tick step: round numbers, zero always on the axis."""
    lows = [p.summary.ci_low for p in points if p.summary.ci_low is not None]
    highs = [p.summary.ci_high for p in points if p.summary.ci_high is not None]
    values = [p.summary.nps for p in points if p.summary.nps is not None]
    low = min([*lows, *values, 0.0])
    high = max([*highs, *values, 0.0])
    span = high - low
    step = 10.0 if span <= 60 else 20.0 if span <= 120 else 50.0
    low = max(-100.0, math.floor(low / step) * step)
    high = min(100.0, math.ceil(high / step) * step)
    return low, max(high, low + step), step


def trend_svg(points: Sequence[TrendPoint], title: str, description: str) -> SafeString:
    """The chart as SVG markup; every text in it is escaped."""
    shown = [point for point in points if point.summary.nps is not None]
    low, high, step = _scale(shown)
    span = high - low
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(index: int) -> float:
        return LEFT + (plot_width * index / (len(shown) - 1) if len(shown) > 1 else plot_width / 2)

    def y(value: float) -> float:
        return TOP + plot_height * (high - value) / span

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="trend-title trend-desc" '
        'class="trend-chart" font-family="sans-serif" font-size="11">',
        f'<title id="trend-title">{escape(title)}</title>',
        f'<desc id="trend-desc">{escape(description)}</desc>',
    ]
    tick = low
    while tick <= high + 0.001:
        width = "1.5" if tick == 0 else "0.75"
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'stroke="{GRID}" stroke-width="{width}"/>'
            f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" fill="{INK}">'
            f"{'0' if tick == 0 else f'{tick:+.0f}'}</text>"
        )
        tick += step
    if shown:
        upper = [
            f"{x(i):.1f},{y(p.summary.ci_high):.1f}"
            for i, p in enumerate(shown)
            if p.summary.ci_high is not None
        ]
        lower = [
            f"{x(i):.1f},{y(p.summary.ci_low):.1f}"
            for i, p in enumerate(shown)
            if p.summary.ci_low is not None
        ]
        if len(shown) > 1:
            parts.append(
                f'<polygon points="{" ".join(upper + lower[::-1])}" fill="{BAND}" stroke="none"/>'
            )
            line = " ".join(f"{x(i):.1f},{y(p.summary.nps):.1f}" for i, p in enumerate(shown))
            parts.append(
                f'<polyline points="{line}" fill="none" stroke="{LINE}" stroke-width="2"/>'
            )
        every = max(1, -(-len(shown) // 8))  # at most about eight labels under the axis
        for index, point in enumerate(shown):
            fill = "#ffffff" if point.low_sample else LINE
            parts.append(
                f'<circle cx="{x(index):.1f}" cy="{y(point.summary.nps):.1f}" r="4" '
                f'fill="{fill}" stroke="{LINE}" stroke-width="2"/>'
            )
            if index % every == 0 or index == len(shown) - 1:
                # The outermost labels hang inwards, so they are not cut at the chart's edges.
                anchor = "middle"
                if len(shown) > 1 and index == 0:
                    anchor = "start"
                elif len(shown) > 1 and index == len(shown) - 1:
                    anchor = "end"
                parts.append(
                    f'<text x="{x(index):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="{anchor}" '
                    f'fill="{INK}">{escape(point.label)}</text>'
                )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - built above, every text escaped
