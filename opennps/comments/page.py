"""The figures of the drivers page, computed from the analyses of the responses in view.

Every NPS figure comes from opennps.text's impact functions (which call opennps.stats) on
(score, drivers) pairs of the raw responses, so the page equals a recount of the raw data.
Respondents without an analysed comment count in the NPS that impacts are measured against.
"""

from __future__ import annotations

import zoneinfo
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from django.conf import settings
from django.db.models import QuerySet
from django.db.models.functions import Length, Trim

from opennps.comments.analysis import embedding_vector
from opennps.responses.models import Response
from opennps.stats import Histogram, Summary, summarize
from opennps.text import DriverImpact, Theme, driver_impact, find_themes, flag_emerging

TREND_MONTHS = 6
THEME_COMMENTS_MAX = 2000
SAMPLES_PER_THEME = 3


@dataclass(frozen=True)
class TrendCell:
    month: str
    mentions: int
    summary: Summary


@dataclass
class ThemeEntry:
    """A theme as the page shows it: sample comments, the responses it is made of (what a
    "watch this theme" form sends back) and, once watched, the watched theme's id."""

    theme: Theme
    samples: list[str]
    response_ids: tuple[int, ...]
    watched_id: int | None = None

    @property
    def members_field(self) -> str:
        return ",".join(str(pk) for pk in self.response_ids)


@dataclass
class DriverRow:
    impact: DriverImpact
    label: str
    sentiment: dict[str, int] = field(default_factory=dict)
    trend: list[TrendCell] = field(default_factory=list)
    themes: list[ThemeEntry] = field(default_factory=list)


@dataclass
class DriversPage:
    respondents: int
    comments: int
    analysed: int
    months: list[str]
    rows: list[DriverRow]
    themes_available: bool


def _month(moment: datetime) -> str:
    return moment.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE)).strftime("%Y-%m")


def drivers_page(responses: QuerySet[Response], labels: dict[str, str]) -> DriversPage:
    """Impact ranking, monthly trend, sentiment split and themes of the drivers in ``responses``."""
    records = list(
        responses.values_list(
            "pk",
            "score",
            "created_at",
            # Whether there is a comment, not its text: a range can hold millions of them.
            Length(Trim("comment")),
            "comment_analysis__drivers",
            "comment_analysis__sentiment",
            "comment_analysis__language",
        ).order_by("created_at", "pk")
    )
    pairs = [(score, drivers or []) for _, score, _, _, drivers, _, _ in records]
    impacts = driver_impact(pairs)
    months_all = sorted({_month(moment) for _, _, moment, _, _, _, _ in records})
    months = months_all[-TREND_MONTHS:]
    by_month: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * 11)
    mentions: Counter[tuple[str, str]] = Counter()
    sentiments: dict[str, Counter[str]] = defaultdict(Counter)
    for _, score, moment, _, drivers, sentiment, _ in records:
        month = _month(moment)
        for key in dict.fromkeys(drivers or []):
            by_month[(key, month)][score] += 1
            mentions[(key, month)] += 1
            if sentiment:
                sentiments[key][sentiment] += 1
    rows = []
    for impact in impacts:
        rows.append(
            DriverRow(
                impact=impact,
                label=labels.get(impact.driver, impact.driver),
                sentiment={
                    name: sentiments[impact.driver][name]
                    for name in ("positive", "neutral", "negative")
                },
                trend=[
                    TrendCell(
                        month,
                        mentions[(impact.driver, month)],
                        summarize(Histogram(tuple(by_month[(impact.driver, month)]))),
                    )
                    for month in months
                ],
            )
        )
    themes_available = _attach_themes(responses, rows)
    analysed = sum(1 for record in records if record[4] is not None)
    return DriversPage(
        respondents=len(records),
        comments=sum(1 for record in records if record[3]),
        analysed=analysed,
        months=months,
        rows=rows,
        themes_available=themes_available,
    )


def _attach_themes(responses: QuerySet[Response], rows: list[DriverRow]) -> bool:
    """Themes per driver from the stored vectors of the newest analysed comments."""
    stored = list(
        responses.filter(comment_analysis__embedding__isnull=False)
        .order_by("-created_at", "-pk")
        .values_list(
            "comment",
            "created_at",
            "comment_analysis__drivers",
            "comment_analysis__language",
            "comment_analysis__embedding",
            "pk",
        )[:THEME_COMMENTS_MAX]
    )
    vectors = [embedding_vector(record[4]) for record in stored]
    usable = [
        (record, vector)
        for record, vector in zip(stored, vectors, strict=True)
        if vector is not None and len(vector) == len(vectors[0])
    ]
    if not usable:
        return False
    texts = [record[0] for record, _ in usable]
    languages = [record[3] or None for record, _ in usable]
    drivers = [record[2] or [] for record, _ in usable]
    periods = [_month(record[1]) for record, _ in usable]
    themes = find_themes(np.stack([v for _, v in usable]), languages, texts, drivers)
    ordered = sorted(set(periods))
    if len(ordered) >= 2:
        themes = flag_emerging(themes, periods, ordered[-1], ordered[-2], drivers)
    by_driver = {row.impact.driver: row for row in rows}
    for theme in themes:
        row = by_driver.get(theme.driver)
        if row is not None:
            samples = [texts[i] for i in theme.members[:SAMPLES_PER_THEME]]
            response_ids = tuple(usable[i][0][5] for i in theme.members)
            row.themes.append(ThemeEntry(theme, samples, response_ids))
    return True
