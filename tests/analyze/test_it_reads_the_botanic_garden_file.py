"""The real export from a chain of French garden centres: 1-10 scale, NA, mixed encodings."""

from __future__ import annotations

import polars as pl

from opennps.stats import Histogram, Scale, summarize

from .helpers import run, run_json

ROWS = 13_954


def raw_scores(path) -> list[int]:
    """The scores read independently, with Python's csv module rather than the command's code."""
    import csv

    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        return [int(row["nps"]) for row in csv.DictReader(handle) if row["nps"] != "NA"]


def test_it_reads_every_row_on_the_one_to_ten_scale(botanic):
    data = run_json(botanic, "--scale", "1-10")

    scores = raw_scores(botanic)
    assert data["rows"] == ROWS
    assert data["missing"] == ROWS - len(scores)
    assert data["missing"] > 0
    assert data["score_column"] == "nps"
    assert data["headline"] == summarize(Histogram.from_scores(scores, Scale.ONE_TO_TEN)).to_dict()
    assert data["distribution"][0] == 0
    assert any("not valid UTF-8" in note for note in data["notes"])


def test_without_the_scale_it_gives_the_same_figures_and_says_why_to_pass_it(botanic):
    one_to_ten = run_json(botanic, "--scale", "1-10")
    default = run_json(botanic)

    assert default["headline"] == one_to_ten["headline"]
    assert any("--scale 1-10" in note for note in default["notes"])
    assert not any("--scale 1-10" in note for note in one_to_ten["notes"])


def test_its_segments_read_through_the_broken_bytes(botanic):
    result = run(botanic, "--scale", "1-10", "--segment", "t", "--format", "markdown")

    assert result.exit_code == 0
    periods = pl.read_csv(botanic, encoding="utf8-lossy", infer_schema=False)["t"].n_unique()
    assert result.stdout.count("\n| ") >= periods
