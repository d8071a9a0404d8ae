from __future__ import annotations

import pytest

from .helpers import HEADLINE_KEYS, expected, run_json, write

SCORES = [10, 9, 9, 8, 7, 6, 0, 10, 3, 9, 8, 10, 5, 9, 2, 10, 7, 9, 10, 1]


@pytest.mark.parametrize("kind", ["csv", "tsv", "xlsx", "parquet", "jsonl"])
def test_it_gives_the_same_headline_for_every_format(tmp_path, kind):
    rows = [[index, score, "north" if index % 2 else "south"] for index, score in enumerate(SCORES)]
    path = write(tmp_path, kind, ["id", "Score", "region"], rows)

    data = run_json(path)

    assert set(data["headline"]) == HEADLINE_KEYS
    assert data["headline"] == expected(SCORES)
    assert data["distribution"] == [SCORES.count(score) for score in range(11)]
    assert data["format"] == ("tsv" if kind == "tsv" else kind)


@pytest.mark.parametrize("extension", ["txt", "ndjson"])
def test_it_reads_the_other_extensions(tmp_path, extension):
    kind = "csv" if extension == "txt" else "jsonl"
    path = write(tmp_path, kind, ["score"], [[score] for score in SCORES])
    renamed = path.rename(tmp_path / f"answers.{extension}")

    assert run_json(renamed)["headline"] == expected(SCORES)
