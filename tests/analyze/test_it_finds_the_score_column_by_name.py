from __future__ import annotations

import pytest

from opennps.analyze.columns import find_date_column, find_score_column
from opennps.analyze.errors import AnalyzeError

from .helpers import expected, run_json, write


@pytest.mark.parametrize(
    "name",
    [
        "score",
        " Score ",
        "NPS",
        "nps_score",
        "NPS Score",
        "Rating",
        "likelihood",
        "Likelihood to recommend",
        "recommend",
        "LTR",
        "Оценка",
        "балл",
        "рейтинг",
        "ұпай",
        "баға",
        "оценка_nps",
        "评分",
        "分数",
        "得分",
        "推荐",
    ],
)
def test_it_recognises_the_score_column(name):
    assert find_score_column(["id", name, "comment"], None, file_name="f.csv") == name


def test_score_names_in_a_file_are_found_whatever_the_case(tmp_path):
    path = write(tmp_path, "csv", ["Respondent", "  ОЦЕНКА "], [[1, 9], [2, 4]])

    data = run_json(path)

    assert data["score_column"] == "  ОЦЕНКА "
    assert data["headline"] == expected([9, 4])


def test_score_option_overrides_detection_and_ignores_case(tmp_path):
    path = write(tmp_path, "csv", ["score", "Q1 answer"], [[1, 9], [2, 8]])

    data = run_json(path, "--score", "q1 ANSWER")

    assert data["score_column"] == "Q1 answer"
    assert data["headline"] == expected([9, 8])


def test_several_candidates_are_refused_with_their_names():
    with pytest.raises(AnalyzeError, match=r"several columns .*score, nps"):
        find_score_column(["score", "nps"], None, file_name="f.csv")


@pytest.mark.parametrize("name", ["date", "Created_At", "timestamp", "answered_at", "Дата", "日期"])
def test_it_recognises_the_date_column(name):
    assert find_date_column(["score", name], None, file_name="f.csv") == name
