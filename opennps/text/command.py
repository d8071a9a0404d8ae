"""`opennps text`: comment analysis on files, no database needed.

    opennps text classify FILE --column COMMENT [--score SCORE] [--format json|table]

JSON output is one object per input row, in file order (JSON Lines):
``{"row": N, "language": "ru", "drivers": ["price"], "sentiment": "negative"}``. ``row`` is the
row number a spreadsheet user sees (header = row 1, so the first answer is row 2; JSON Lines and
Parquet count records from 1), as in ``opennps analyze``. A blank comment gives
``"language": null, "drivers": [], "sentiment": null``; so does a cell that only says NA, N/A,
null, None or NaN (exports write those for "no answer").
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import click
import polars as pl

from opennps.analyze.errors import AnalyzeError
from opennps.analyze.reading import open_source
from opennps.text.encoder import CachedEncoder, E5Encoder, EncoderUnavailable, user_cache_path
from opennps.text.language import UnknownLanguageError, candidate_languages
from opennps.text.pipeline import Analysis, Comment, TextAnalyser

DEFAULT_LANGUAGES = "en,ru,kk,bg,zh-hans,fr"
PROGRESS_MIN_ROWS = 500
BLANK_VALUES = frozenset({"", "na", "n/a", "#n/a", "null", "none", "nan", "nil"})
MAX_ROWS_LISTED = 10


class TextCommandError(Exception):
    """A problem the user can fix; the message is one sentence."""


@click.group(name="text", context_settings={"help_option_names": ["-h", "--help"]})
def text() -> None:
    """Analyse comment text: language, drivers and sentiment (no database needed)."""


@text.command(name="classify", context_settings={"max_content_width": 100})
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--column", required=True, metavar="COLUMN", help="Column holding the comments.")
@click.option(
    "--score", "score_column", metavar="COLUMN", help="0-10 score column (sentiment prior)."
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "table"]),
    default="json",
    show_default=True,
    help="JSON Lines (one object per row) or a table.",
)
@click.option(
    "--languages",
    default=DEFAULT_LANGUAGES,
    show_default=True,
    help="Languages to expect, comma-separated (look-alikes uk, mk, be are added).",
)
@click.option("--rules-only", is_flag=True, help="Keyword rules only; skip the sentence encoder.")
def classify(
    file: Path,
    column: str,
    score_column: str | None,
    output_format: str,
    languages: str,
    rules_only: bool,
) -> None:
    """Language, drivers and sentiment of every comment in FILE (CSV, TSV, XLSX, Parquet, JSONL).

    Exit status: 0 on success, 2 when the file or the options need fixing.
    """
    try:
        codes = [code.strip() for code in languages.split(",") if code.strip()]
        candidate_languages(codes)
        rows, comments = read_comments(file, column, score_column)
        analyser, note = _analyser(codes, rules_only)
        if note:
            click.echo(note, err=True)
        with _progress(len(comments)) as advance:
            results = analyser.analyse(comments, on_progress=advance)
        _save_cache(analyser)
    except (AnalyzeError, TextCommandError, UnknownLanguageError) as error:
        click.echo(f"Error: {error}", err=True)
        sys.exit(2)
    if output_format == "json":
        for row, result in zip(rows, results, strict=True):
            click.echo(json.dumps({"row": row, **result.to_dict()}, ensure_ascii=False))
    else:
        _table(rows, comments, results)


@text.command(
    name="reanalyse",
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    add_help_option=False,
)
@click.pass_context
def reanalyse(context: click.Context) -> None:
    """Analyse stored comments again after a taxonomy change (needs the database):
    [--workspace NAME] [--all] [--now]. Runs the `reanalyse` management command."""
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opennps.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["opennps", "reanalyse", *context.args])


def read_comments(
    file: Path, column: str, score_column: str | None
) -> tuple[list[int], list[Comment]]:
    """Row numbers and comments of ``file``; raises AnalyzeError/TextCommandError on bad input."""
    source = open_source(file)
    for name, option in ((column, "--column"), (score_column, "--score")):
        if name is not None and name not in source.columns:
            raise TextCommandError(
                f"{source.name} has no column '{name}' ({option}); its columns are: "
                f"{', '.join(source.columns)}."
            )
    wanted = [column] + ([score_column] if score_column else [])
    frame = source.collect(lambda as_text: source.scan(wanted, text_columns=wanted, as_text=True))
    if frame.height == 0:
        raise TextCommandError(f"{source.name} has a header but no rows.")
    texts = frame.get_column(column).cast(pl.String).to_list()
    rows = [source.first_row_number + index for index in range(frame.height)]
    scores: list[int | None] = [None] * frame.height
    if score_column:
        scores = _scores(
            frame.get_column(score_column).cast(pl.String).to_list(), rows, score_column
        )
    comments = [
        Comment("" if (text or "").strip().lower() in BLANK_VALUES else text, score)
        for text, score in zip(texts, scores, strict=True)
    ]
    return rows, comments


def _scores(values: list[str | None], rows: list[int], column: str) -> list[int | None]:
    scores: list[int | None] = []
    bad: list[tuple[int, str]] = []
    for value, row in zip(values, rows, strict=True):
        cleaned = (value or "").strip()
        if cleaned.lower() in BLANK_VALUES:
            scores.append(None)
            continue
        try:
            number = float(cleaned.replace(",", "."))
        except ValueError:
            number = -1.0
        if number.is_integer() and 0 <= number <= 10:
            scores.append(int(number))
        else:
            scores.append(None)
            bad.append((row, cleaned))
    if bad:
        listed = ", ".join(str(row) for row, _ in bad[:MAX_ROWS_LISTED])
        more = f" (first {MAX_ROWS_LISTED} of {len(bad)})" if len(bad) > MAX_ROWS_LISTED else ""
        examples = ", ".join(f"'{value}'" for _, value in bad[:3])
        raise TextCommandError(
            f"{len(bad)} value(s) in column '{column}' are not whole numbers from 0 to 10 "
            f"(rows {listed}{more}; e.g. {examples}); correct them or leave them blank."
        )
    return scores


def _analyser(codes: list[str], rules_only: bool) -> tuple[TextAnalyser, str | None]:
    if rules_only:
        return TextAnalyser(encoder=None, languages=codes), None
    try:
        encoder = CachedEncoder(E5Encoder(), user_cache_path())
    except EncoderUnavailable as error:
        note = f"Note: {error} Drivers come from keyword rules only."
        return TextAnalyser(encoder=None, languages=codes), note
    return TextAnalyser(encoder=encoder, languages=codes), None


def _save_cache(analyser: TextAnalyser) -> None:
    encoder = analyser.classifier.encoder
    if isinstance(encoder, CachedEncoder):
        with suppress(OSError):  # a read-only home only costs speed next time
            encoder.save()


@contextmanager
def _progress(total: int) -> Iterator:
    """A progress bar on stderr for big inputs when stderr is a terminal; else a no-op."""
    if total < PROGRESS_MIN_ROWS or not sys.stderr.isatty():
        yield lambda done: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    progress = Progress(
        "classifying",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with progress:
        task = progress.add_task("classifying", total=total)
        yield lambda done: progress.update(task, completed=done)


def _table(rows: list[int], comments: list[Comment], results: list[Analysis]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_edge=False, header_style="bold")
    for name in ("row", "language", "drivers", "sentiment", "comment"):
        table.add_column(name, overflow="fold", justify="right" if name == "row" else "left")
    for row, comment, result in zip(rows, comments, results, strict=True):
        text = " ".join(comment.text.split())
        table.add_row(
            str(row),
            result.language or "–",
            ", ".join(result.drivers) or "–",
            result.sentiment or "–",
            text if len(text) <= 80 else text[:79] + "…",
        )
    console = Console()
    console.print(table)
    counts = Counter(driver for result in results for driver in result.drivers)
    summary = ", ".join(f"{driver} {count}" for driver, count in counts.most_common())
    console.print(f"{len(results)} rows; drivers: {summary or 'none'}")
    if results and results[0].rules_only:
        console.print("Keyword rules only (no sentence encoder).")
