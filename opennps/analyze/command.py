"""`opennps analyze FILE`: the click command. It parses options, calls `analyze_file`, renders."""

from __future__ import annotations

import io
from pathlib import Path

import click
import polars as pl
from rich.console import Console

from opennps.analyze.aggregate import PERIODS
from opennps.analyze.errors import AnalyzeError
from opennps.analyze.i18n import _
from opennps.analyze.progress import phase_spinner, wants_progress
from opennps.analyze.render_html import render_html
from opennps.analyze.render_json import render_json
from opennps.analyze.render_markdown import render_markdown
from opennps.analyze.render_table import render_table
from opennps.analyze.report import AnalysisReport, AnalyzeOptions, analyze_file
from opennps.stats import DEFAULT_METHOD, METHODS

FORMATS_OUT = ("table", "json", "markdown", "html")
FILE_TABLE_WIDTH = 100


@click.command(
    name="analyze",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--score", metavar="COLUMN", help=_("Column holding the 0-10 answer (auto-detected).")
)
@click.option(
    "--scale",
    type=click.Choice(["0-10", "1-10"]),
    default="0-10",
    show_default=True,
    help=_("Answer scale; with 1-10 a 0 is invalid. Classes are the same on both."),
)
@click.option(
    "--confidence", type=float, default=0.95, show_default=True, help=_("Confidence level.")
)
@click.option(
    "--method",
    type=click.Choice(METHODS),
    default=DEFAULT_METHOD,
    show_default=True,
    help=_("Confidence interval method."),
)
@click.option("--by", type=click.Choice(PERIODS), help=_("Show a trend by this period."))
@click.option("--date", metavar="COLUMN", help=_("Date column (auto-detected when --by is given)."))
@click.option(
    "--segment",
    "segments",
    multiple=True,
    metavar="COLUMN",
    help=_("Break down by this column (repeatable)."),
)
@click.option(
    "--compare-last", is_flag=True, help=_("Test the latest period against the one before.")
)
@click.option("--benchmark", metavar="INDUSTRY", help=_("Show published figures for an industry."))
@click.option(
    "--id",
    "respondent_id",
    metavar="COLUMN",
    help=_("Respondent column: keep each respondent's latest answer."),
)
@click.option(
    "--comments",
    metavar="COLUMN",
    help=_("Comment column: add the drivers table (what the comments are about, and its impact)."),
)
@click.option(
    "--skip-invalid", is_flag=True, help=_("Leave out invalid scores and dates instead of failing.")
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS_OUT),
    default="table",
    show_default=True,
    help=_("Output format."),
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help=_("Write to this file instead of standard output."),
)
def analyze(
    file: Path,
    score: str | None,
    scale: str,
    confidence: float,
    method: str,
    by: str | None,
    date: str | None,
    segments: tuple[str, ...],
    compare_last: bool,
    benchmark: str | None,
    respondent_id: str | None,
    comments: str | None,
    skip_invalid: bool,
    output_format: str,
    output: Path | None,
) -> None:
    """Net Promoter Score of FILE (CSV, TSV, XLSX, Parquet or JSON Lines).

    Exit status: 0 on success, 2 when the file or the options need fixing (the reason is
    printed on stderr as one sentence).
    """
    options = AnalyzeOptions(
        score=score,
        scale=scale,
        confidence=confidence,
        method=method,
        by=by,
        date=date,
        segments=segments,
        compare_last=compare_last,
        benchmark=benchmark,
        respondent_id=respondent_id,
        skip_invalid=skip_invalid,
        comments=comments,
    )
    try:
        size = file.stat().st_size if file.is_file() else 0
        with phase_spinner(wants_progress(size)) as on_phase:
            report = analyze_file(file, options, on_phase=on_phase)
        _write(report, output_format, output)
    except AnalyzeError as error:
        _fail(error.sentence)
    except pl.exceptions.PolarsError as error:
        _fail(
            _("Could not analyse {name}: {reason}.").format(
                name=file.name, reason=str(error).strip().splitlines()[0].rstrip(".")
            )
        )


def _write(report: AnalysisReport, output_format: str, output: Path | None) -> None:
    if output_format == "table":
        if output is None:
            render_table(report, Console(highlight=False))
            return
        text = _table_text(report)
    elif output_format == "json":
        text = render_json(report)
    elif output_format == "markdown":
        text = render_markdown(report)
    else:
        text = render_html(report)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise AnalyzeError(
            _("Could not write {path}: {reason}.").format(path=output, reason=error.strerror)
        ) from None


def _table_text(report: AnalysisReport) -> str:
    console = Console(width=FILE_TABLE_WIDTH, record=True, file=io.StringIO(), highlight=False)
    render_table(report, console)
    return console.export_text()


def _fail(sentence: str) -> None:
    click.echo(_("Error: {sentence}").format(sentence=sentence), err=True)
    click.get_current_context().exit(2)
