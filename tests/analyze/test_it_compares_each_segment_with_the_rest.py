from __future__ import annotations

import pytest

from opennps.stats import Histogram, compare_independent

from .helpers import HEADLINE_KEYS, expected, run, run_json, write

NORTH = [10, 10, 9, 9, 9, 10, 8, 9, 10, 10, 9, 7, 10, 9, 10, 9, 10, 6, 9, 10] * 2
SOUTH = [3, 5, 9, 6, 7, 2, 8, 0, 6, 10, 4, 6, 7, 5, 9, 3, 6, 8, 1, 6] * 2
WEST = [9, 8, 6]


def rows():
    return (
        [["north", "web", score] for score in NORTH]
        + [["south", "phone", score] for score in SOUTH]
        + [["west", "", score] for score in WEST]
    )


@pytest.mark.parametrize("kind", ["csv", "parquet"])
def test_each_segment_has_its_interval_and_difference_from_the_rest(tmp_path, kind):
    path = write(tmp_path, kind, ["region", "channel", "score"], rows())

    data = run_json(path, "--segment", "region", "--segment", "channel")

    regions = {row["value"]: row for row in data["segments"]["region"]}
    groups = {"north": NORTH, "south": SOUTH, "west": WEST}
    for value, scores in groups.items():
        rest = [score for other, s in groups.items() if other != value for score in s]
        comparison = compare_independent(Histogram.from_scores(rest), Histogram.from_scores(scores))
        row = regions[value]
        assert {key: row[key] for key in HEADLINE_KEYS} == expected(scores)
        assert row["difference_from_rest"] == round(comparison.difference, 1)
        assert row["p_value"] == float(f"{comparison.p_value:.3g}")
        assert row["significant"] is comparison.significant
    assert regions["north"]["significant"] is True
    assert [row["value"] for row in data["segments"]["region"]] == ["north", "south", "west"]
    channels = {row["value"]: row["n"] for row in data["segments"]["channel"]}
    assert channels == {"web": len(NORTH), "phone": len(SOUTH), None: len(WEST)}


def test_the_segment_column_must_exist(tmp_path):
    path = write(tmp_path, "csv", ["region", "channel", "score"], rows())

    result = run(path, "--segment", "country")

    assert result.exit_code == 2
    assert (
        "has no column 'country' (given to --segment); its columns are: region, channel, score"
        in (result.stderr)
    )
