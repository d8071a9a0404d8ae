"""Find the score, date and other named columns of a file, forgiving case and stray spaces."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from opennps.analyze.errors import AnalyzeError
from opennps.analyze.i18n import _

# Header names, already normalised (see `normalise`), that mean "the 0-10 recommendation answer".
SCORE_NAMES: frozenset[str] = frozenset(
    {
        "score",
        "scores",
        "nps",
        "nps_score",
        "npsscore",
        "score_nps",
        "net_promoter_score",
        "rating",
        "likelihood",
        "likelihood_to_recommend",
        "recommend",
        "recommendation",
        "ltr",
        "оценка",
        "балл",
        "баллы",
        "рейтинг",
        "оценка_nps",
        "nps_оценка",
        "ұпай",
        "баға",
        "nps_баға",
        "оценка_на_nps",
        "評分",
        "评分",
        "分数",
        "分數",
        "得分",
        "推荐",
        "推荐度",
        "nps分数",
        "nps评分",
        "оценка_по_nps",
    }
)

DATE_NAMES: tuple[str, ...] = (
    "date",
    "answered_at",
    "responded_at",
    "submitted_at",
    "created_at",
    "created",
    "timestamp",
    "response_date",
    "survey_date",
    "datetime",
    "time",
    "дата",
    "дата_ответа",
    "күні",
    "日期",
    "时间",
    "дата_на_отговор",
)


def normalise(name: str) -> str:
    """Lower-case, trimmed, with runs of spaces, dashes and dots turned into one underscore."""
    cleaned = name.replace("\ufeff", "").strip().casefold()
    return re.sub(r"[\s\-.]+", "_", cleaned)


def list_columns(columns: Sequence[str], limit: int = 30) -> str:
    shown = [repr(column) if column.strip() == "" else column for column in columns[:limit]]
    more = len(columns) - limit
    text = ", ".join(shown)
    return text + (_(" and {count} more").format(count=more) if more > 0 else "")


def resolve_column(columns: Sequence[str], requested: str, *, option: str, file_name: str) -> str:
    """The file's column named ``requested`` exactly, or else ignoring case and spaces."""
    if requested in columns:
        return requested
    matches = [column for column in columns if normalise(column) == normalise(requested)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise AnalyzeError(
            _(
                "{option} {requested!r} matches several columns of {file} ({matches}); "
                "spell it exactly."
            ).format(option=option, requested=requested, file=file_name, matches=", ".join(matches))
        )
    raise AnalyzeError(
        _(
            "{file} has no column {requested!r} (given to {option}); its columns are: {columns}."
        ).format(file=file_name, requested=requested, option=option, columns=list_columns(columns))
    )


def find_score_column(columns: Sequence[str], requested: str | None, *, file_name: str) -> str:
    """The score column: ``requested`` (``--score``) or the one column with a known score name."""
    if requested:
        return resolve_column(columns, requested, option="--score", file_name=file_name)
    matches = _named_like(columns, SCORE_NAMES)
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise AnalyzeError(
            _(
                "{file} has no score column (looked for names like score, nps, rating, "
                "оценка, 评分); its columns are: {columns}; choose one with --score COLUMN."
            ).format(file=file_name, columns=list_columns(columns))
        )
    raise AnalyzeError(
        _(
            "{file} has several columns that could hold the score ({matches}); choose one with "
            "--score COLUMN."
        ).format(file=file_name, matches=", ".join(matches))
    )


def find_date_column(columns: Sequence[str], requested: str | None, *, file_name: str) -> str:
    """The date column: ``requested`` (``--date``) or the first with a known date name."""
    if requested:
        return resolve_column(columns, requested, option="--date", file_name=file_name)
    for name in DATE_NAMES:
        matches = _named_like(columns, {name})
        if matches:
            return matches[0]
    raise AnalyzeError(
        _(
            "--by needs dates, but {file} has no column named like date, created_at, timestamp, "
            "answered_at or дата; its columns are: {columns}; name one with --date COLUMN."
        ).format(file=file_name, columns=list_columns(columns))
    )


def _named_like(columns: Iterable[str], names: frozenset[str] | set[str]) -> list[str]:
    return [column for column in columns if normalise(column) in names]
