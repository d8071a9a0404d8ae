"""Helpers for the analyze tests: write answers in each supported format, run the command."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import polars as pl
import xlsxwriter
from click.testing import CliRunner, Result

from opennps.analyze.command import analyze
from opennps.stats import Histogram, Scale, Summary, summarize

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"
BOTANIC = SHARED_DATA / "botanic_garden_centre_nps.csv"
SAMPLE = REPO / "opennps" / "samples" / "responses.csv"

HEADLINE_KEYS = {
    "n",
    "promoters",
    "passives",
    "detractors",
    "nps",
    "ci_low",
    "ci_high",
    "confidence",
    "method",
}


def run(*arguments: object) -> Result:
    """Run `opennps analyze` with these arguments; stdout and stderr are kept apart."""
    return CliRunner().invoke(analyze, [str(argument) for argument in arguments])


def run_json(*arguments: object) -> dict:
    result = run(*arguments, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def expected(scores: Sequence[int], scale: Scale = Scale.ZERO_TO_TEN, **options) -> dict:
    """What the headline must say, computed from the raw scores by opennps.stats alone."""
    return summarize(Histogram.from_scores(scores, scale), **options).to_dict()


def summary_of(scores: Sequence[int], **options) -> Summary:
    return summarize(Histogram.from_scores(scores), **options)


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]], sep=",") -> Path:
    lines = [sep.join(header)] + [sep.join("" if v is None else str(v) for v in r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_xlsx(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("answers")
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, list(header))
    for row_index, row in enumerate(rows, start=1):
        for column_index, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, dt.date):
                sheet.write_datetime(
                    row_index, column_index, dt.datetime.combine(value, dt.time()), date_format
                )
            else:
                sheet.write(row_index, column_index, value)
    workbook.close()
    return path


def frame(header: Sequence[str], rows: Sequence[Sequence[object]]) -> pl.DataFrame:
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in header]
    return pl.DataFrame(
        {name: list(values) for name, values in zip(header, columns, strict=True)},
        strict=False,
    )


def write_parquet(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    frame(header, rows).write_parquet(path)
    return path


def write_jsonl(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    lines = [
        json.dumps(dict(zip(header, row, strict=True)), ensure_ascii=False, default=str)
        for row in rows
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


WRITERS = {
    "csv": write_csv,
    "tsv": lambda path, header, rows: write_csv(path, header, rows, sep="\t"),
    "xlsx": write_xlsx,
    "parquet": write_parquet,
    "jsonl": write_jsonl,
}


def write(tmp_path: Path, kind: str, header, rows, name: str = "answers") -> Path:
    return WRITERS[kind](tmp_path / f"{name}.{kind}", header, rows)
