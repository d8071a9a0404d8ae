"""Server-rendered inline SVG charts for the dashboard: no JavaScript, no external files.

Colours come from the Okabe–Ito palette, which stays distinguishable with the common colour-vision
deficiencies, and no chart relies on colour alone: classes are labelled in words, low-sample points
are hollow, the goal is dashed. Every chart has a <title> and a <desc> saying in words what it
shows; the page puts the same numbers in a table beside it. Every text is escaped here, because
the result is marked safe for the template.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from opennps.stats import LOW_SAMPLE_THRESHOLD, Histogram, Summary
from opennps.stats.classify import class_of_whole_score

PROMOTER = "#0072B2"  # blue
PASSIVE = "#E69F00"  # orange
DETRACTOR = "#D55E00"  # vermillion
BAND = "#56B4E9"  # sky blue
GOAL = "#009E73"  # bluish green
MARK = "#CC79A7"  # reddish purple: annotations
INK = "#1b1f24"
MUTED = "#57606a"
GRID = "#d0d7de"
CLASS_COLOURS = {"promoter": PROMOTER, "passive": PASSIVE, "detractor": DETRACTOR}
# Text on a coloured bar: white on blue and vermillion, ink on orange (contrast ≥ 4.5:1 or bold).
TEXT_ON = {"promoter": "#ffffff", "passive": INK, "detractor": INK}
FONT = 'font-family="system-ui, sans-serif"'


def number(value: float | None, decimals: int = 1) -> str:
    """`value` rounded and written the reader's way (32.5 or 32,5).

    Django's number_format cuts extra decimals off instead of rounding, hence round() first.
    """
    return "–" if value is None else number_format(round(value, decimals), decimals)


def count(value: int) -> str:
    return number_format(value, 0, force_grouping=True)


def _svg(chart_id: str, width: int, height: int, title: str, description: str) -> str:
    # "chart-" keeps the ids apart from the page's own (#trend is the section around the chart).
    chart_id = f"chart-{chart_id}"
    return (
        f'<svg class="chart" id="{chart_id}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" {FONT} '
        f'preserveAspectRatio="xMidYMid meet">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    )


def _text(
    x: float, y: float, text: str, size: int = 14, anchor: str = "middle", **attrs: str
) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{escape(value)}"' for name, value in attrs.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}"{extra}>'
        f"{escape(text)}</text>"
    )


def class_of(score: int) -> str:
    return str(class_of_whole_score(score))


def figure_sentence(summary: Summary) -> str:
    """ "NPS 31.2 (95% interval 25.0 to 37.1), n = 412" in the reader's language."""
    return _("NPS %(nps)s (95%% interval %(low)s to %(high)s), n = %(n)s") % {
        "nps": number(summary.nps),
        "low": number(summary.ci_low),
        "high": number(summary.ci_high),
        "n": count(summary.n),
    }


# ---------------------------------------------------------------- promoters / passives / detractors


def shares_bar(summary: Summary, chart_id: str = "shares") -> SafeString:
    """One bar split into the three classes; it stretches to any width (the legend beside it
    carries the numbers in words, so the bar itself has no text to distort)."""
    width, height = 600, 40
    parts_of = [
        ("promoter", _("Promoters"), summary.promoters),
        ("passive", _("Passives"), summary.passives),
        ("detractor", _("Detractors"), summary.detractors),
    ]
    n = summary.n or 1
    description = _("Shares of %(n)s answers: %(items)s.") % {
        "n": count(summary.n),
        "items": "; ".join(
            f"{label} {number(100 * value / n)}% (n = {count(value)})"
            for _key, label, value in parts_of
        ),
    }
    parts = [_svg(chart_id, width, height, _("Promoters, passives and detractors"), description)]
    parts[0] = parts[0].replace('preserveAspectRatio="xMidYMid meet"', 'preserveAspectRatio="none"')
    x = 0.0
    for key, label, value in parts_of:
        bar = width * value / n
        parts.append(
            f'<rect x="{x:.2f}" y="0" width="{bar:.2f}" height="{height}" '
            f'fill="{CLASS_COLOURS[key]}"><title>{escape(label)}: {number(100 * value / n)}% '
            f"(n = {count(value)})</title></rect>"
        )
        x += bar
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


# ---------------------------------------------------------------- 0..10 distribution


def distribution_chart(
    histogram: Histogram, chart_id: str = "distribution", width: int = 600
) -> SafeString:
    height = 230
    left, right, top, bottom = 8, 8, 26, 30
    slot = (width - left - right) / 11
    plot = height - top - bottom
    largest = max(histogram.counts) or 1
    description = _("Answers per score, of %(n)s: %(items)s.") % {
        "n": count(histogram.n),
        "items": "; ".join(
            f"{score}: {count(value)}" for score, value in enumerate(histogram.counts)
        ),
    }
    parts = [_svg(chart_id, width, height, _("Distribution of scores 0 to 10"), description)]
    for score, value in enumerate(histogram.counts):
        bar = plot * value / largest
        x = left + score * slot + slot * 0.12
        y = top + plot - bar
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.76:.1f}" height="{bar:.1f}" '
            f'fill="{CLASS_COLOURS[class_of(score)]}"><title>{score}: {count(value)}</title></rect>'
        )
        centre = x + slot * 0.38
        parts.append(_text(centre, y - 7, count(value), 13 if width >= 500 else 11, fill=INK))
        parts.append(_text(centre, height - 9, str(score), 15, fill=INK, font_weight="bold"))
    baseline = top + plot
    parts.append(
        f'<line x1="{left}" x2="{width - right}" y1="{baseline}" y2="{baseline}" stroke="{INK}"/>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


# ---------------------------------------------------------------- trend


@dataclass(frozen=True)
class TrendMark:
    number: int
    day: date
    label: str


def next_period(start: date, by: str) -> date:
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    months = 1 if by == "month" else 3
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, 1)


def _nice_range(values: Iterable[float]) -> tuple[float, float, float]:
    values = list(values) or [0.0]
    low, high = min(values), max(values)
    span = max(high - low, 10.0)
    step = next(s for s in (5, 10, 20, 25, 50) if span / s <= 6)
    low = max(-100.0, math.floor(low / step) * step)
    high = min(100.0, math.ceil(high / step) * step)
    if high <= low:
        high = min(100.0, low + step)
    return low, high, float(step)


def trend_chart(
    points: list,  # TrendPoint: start, label, summary, low_sample
    *,
    by: str,
    first_day: date,
    last_day: date,
    goal: float | None = None,
    marks: list[TrendMark] | None = None,
    chart_id: str = "trend",
    width: int = 720,
) -> SafeString:
    """NPS per period with its 95% interval as a band; hollow markers on fewer than 30 answers.

    Points sit in the middle of their period on a time axis, so a gap (no answers) stays a gap
    and an annotation lands on its day.
    """
    marks = marks or []
    left, right, top = 44, 12, 30
    if points:
        # Years without answers before the first one would squeeze every point into a corner.
        first_day = max(first_day, points[0].start)
    domain_start = first_day
    domain_end = next_period(last_day, by)
    domain_days = max((domain_end - domain_start).days, 1)
    periods, start = 0, first_day
    while start <= last_day:
        periods, start = periods + 1, next_period(start, by)
    # Each point's n is written under the axis when the points are far enough apart to read it;
    # the table under the chart always has it.
    show_n = (width - left - right) / max(periods, 1) >= 52
    bottom = 64 if show_n else 44
    height = (320 if width >= 500 else 280) + (bottom - 44)
    plot_width, plot_height = width - left - right, height - top - bottom

    def x_of(day: date) -> float:
        return left + plot_width * (day - domain_start).days / domain_days

    def x_mid(start: date) -> float:
        return (x_of(start) + x_of(next_period(start, by))) / 2

    bounds = [v for p in points for v in (p.summary.ci_low, p.summary.ci_high) if v is not None]
    low, high, step = _nice_range([*bounds, *([goal] if goal is not None else [])])

    def y_of(value: float) -> float:
        return top + plot_height * (high - value) / (high - low)

    low_points = sum(1 for p in points if p.low_sample)
    description = _(
        "NPS per period with its 95%% interval; %(count)s points, %(low)s of them on fewer "
        "than %(threshold)s answers (hollow markers). %(items)s"
    ) % {
        "count": len(points),
        "low": low_points,
        "threshold": LOW_SAMPLE_THRESHOLD,
        "items": "; ".join(f"{p.label}: {figure_sentence(p.summary)}" for p in points),
    }
    parts = [_svg(chart_id, width, height, _("NPS trend"), description)]
    value = low
    while value <= high + 1e-9:
        y = y_of(value)
        stroke = INK if value == 0 else GRID
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{stroke}" stroke-width="1"/>'
        )
        parts.append(_text(left - 8, y + 5, number(value, 0), 14, "end", fill=MUTED))
        value += step
    drawn = [p for p in points if p.summary.nps is not None]
    if drawn:
        upper = " ".join(f"{x_mid(p.start):.1f},{y_of(p.summary.ci_high):.1f}" for p in drawn)
        lower = " ".join(
            f"{x_mid(p.start):.1f},{y_of(p.summary.ci_low):.1f}" for p in reversed(drawn)
        )
        parts.append(
            f'<polygon points="{upper} {lower}" fill="{BAND}" fill-opacity="0.35" stroke="none"/>'
        )
        line = " ".join(f"{x_mid(p.start):.1f},{y_of(p.summary.nps):.1f}" for p in drawn)
        parts.append(
            f'<polyline points="{line}" fill="none" stroke="{PROMOTER}" stroke-width="2.5"/>'
        )
    if goal is not None:
        y = y_of(goal)
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GOAL}" '
            f'stroke-width="2.5" stroke-dasharray="8 5"/>'
        )
        parts.append(
            _text(
                width - right - 4,
                y - 6,
                _("Goal %(nps)s") % {"nps": number(goal, 0)},
                14,
                "end",
                fill=INK,
                font_weight="bold",
            )
        )
    for mark in marks:
        if not domain_start <= mark.day < domain_end:
            continue
        x = x_of(mark.day) + plot_width / domain_days / 2
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 4}" y2="{top + plot_height}" stroke="{MARK}" stroke-width="2" stroke-dasharray="3 3"/>'
        )
        parts.append(
            f"<g><title>{escape(mark.day.isoformat())}: {escape(mark.label)}</title>"
            f'<circle cx="{x:.1f}" cy="{top - 14}" r="11" fill="{MARK}"/>'
            + _text(x, top - 9, str(mark.number), 13, fill=INK, font_weight="bold")
            + "</g>"
        )
    for p in drawn:
        hollow = p.low_sample
        parts.append(
            f'<circle cx="{x_mid(p.start):.1f}" cy="{y_of(p.summary.nps):.1f}" r="{5.5 if hollow else 5}" '
            f'fill="{"#ffffff" if hollow else PROMOTER}" stroke="{PROMOTER}" stroke-width="2.5">'
            f"<title>{escape(p.label)}: {escape(figure_sentence(p.summary))}</title></circle>"
        )
    # A period label takes about 90 units; skip those that would overlap the one before.
    next_free = float("-inf")
    for p in points:
        x = x_mid(p.start)
        if x >= next_free:
            parts.append(_text(x, height - bottom + 22, p.label, 13, fill=MUTED))
            next_free = x + 90
        if show_n:
            parts.append(
                _text(
                    x_mid(p.start), height - bottom + 42, f"n={count(p.summary.n)}", 12, fill=MUTED
                )
            )
    baseline = top + plot_height
    parts.append(
        f'<line x1="{left}" x2="{width - right}" y1="{baseline}" y2="{baseline}" stroke="{INK}"/>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


# ---------------------------------------------------------------- response-rate funnel


def funnel_chart(rows: list, chart_id: str = "funnel", width: int = 600) -> SafeString:
    """Per channel three bars: sent, opened, answered, on one scale (the largest sent)."""
    steps = [
        ("sent", _("Sent"), BAND),
        ("opened", _("Opened"), PROMOTER),
        ("answered", _("Answered"), GOAL),
    ]
    label_width, bar_height, gap = (150 if width >= 500 else 100), 18, 14
    height = max(1, len(rows)) * (3 * bar_height + gap + 20)
    largest = max((row.sent for row in rows), default=0) or 1
    description = "; ".join(
        f"{row.label}: "
        + ", ".join(f"{label} {count(getattr(row, key))}" for key, label, _colour in steps)
        for row in rows
    )
    parts = [_svg(chart_id, width, height, _("Response rate per channel"), description)]
    y = 4.0
    for row in rows:
        parts.append(_text(0, y + 15, row.label, 14, "start", fill=INK, font_weight="bold"))
        y += 20
        for key, label, colour in steps:
            value = getattr(row, key)
            bar = (width - label_width - 70) * value / largest
            parts.append(_text(label_width - 8, y + 14, label, 13, "end", fill=MUTED))
            parts.append(
                f'<rect x="{label_width}" y="{y:.1f}" width="{bar:.1f}" height="{bar_height}" fill="{colour}"/>'
            )
            parts.append(_text(label_width + bar + 6, y + 14, count(value), 13, "start", fill=INK))
            y += bar_height
        y += gap
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


# ---------------------------------------------------------------- benchmarks


def benchmark_chart(
    own: Summary, rows: list, chart_id: str = "benchmarks", width: int = 640
) -> SafeString:
    """Your NPS with its interval, and each benchmark, on one scale from −100 to 100."""
    label_width, row_height = (230 if width >= 500 else 130), 30
    longest = label_width // 7
    entries = [(_("Your NPS"), own.nps, own.ci_low, own.ci_high)] + [
        (row.label if not row.year else f"{row.label} ({row.year})", row.nps, None, None)
        for row in rows
    ]
    height = len(entries) * row_height + 34
    plot_left, plot_right = label_width + 10, width - 20

    def x_of(value: float) -> float:
        return plot_left + (plot_right - plot_left) * (value + 100) / 200

    description = "; ".join(f"{label}: {number(value)}" for label, value, _l, _h in entries)
    parts = [_svg(chart_id, width, height, _("Your NPS beside benchmarks"), description)]
    for tick in (-100, -50, 0, 50, 100):
        x = x_of(tick)
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="4" y2="{height - 26}" stroke="{INK if tick == 0 else GRID}"/>'
        )
        parts.append(_text(x, height - 8, number(tick, 0), 13, fill=MUTED))
    for index, (label, value, low, high) in enumerate(entries):
        y = 8 + index * row_height + row_height / 2
        shown = label if len(label) <= longest else label[: longest - 1] + "…"
        parts.append(
            _text(
                label_width,
                y + 5,
                shown,
                13,
                "end",
                fill=INK,
                font_weight="bold" if index == 0 else "normal",
            )
        )
        if value is None:
            continue
        if low is not None and high is not None:
            parts.append(
                f'<line x1="{x_of(low):.1f}" x2="{x_of(high):.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="{PROMOTER}" stroke-width="4" stroke-opacity="0.45"/>'
            )
        colour = PROMOTER if index == 0 else MUTED
        shape = (
            f'<circle cx="{x_of(value):.1f}" cy="{y:.1f}" r="7" fill="{colour}"/>'
            if index == 0
            else f'<rect x="{x_of(value) - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{colour}" transform="rotate(45 {x_of(value):.1f} {y:.1f})"/>'
        )
        parts.append(f"<g><title>{escape(label)}: {number(value)}</title>{shape}</g>")
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
