from __future__ import annotations

from opennps.stats import Scale

from .helpers import expected, run, run_json, write


def test_on_the_one_to_ten_scale_a_zero_is_invalid(tmp_path):
    path = write(tmp_path, "csv", ["score"], [[1], [10], [0], [6]])

    result = run(path, "--scale", "1-10")

    assert result.exit_code == 2
    assert "not whole numbers from 1 to 10 (row 4" in result.stderr


def test_one_to_ten_scores_are_classified_like_zero_to_ten(tmp_path):
    scores = [1, 2, 6, 7, 8, 9, 10, 10]
    path = write(tmp_path, "csv", ["score"], [[score] for score in scores])

    data = run_json(path, "--scale", "1-10")

    assert data["scale"] == "1-10"
    assert data["headline"] == expected(scores, Scale.ONE_TO_TEN)
    assert data["headline"] == run_json(path)["headline"]
