"""`opennps analyze FILE --comments COL`: the drivers table in every format, from opennps.text
(keyword rules here: the sentence encoder is tested in tests/text)."""

from __future__ import annotations

import pytest

from tests.analyze.helpers import run, run_json, summary_of, write_csv

ROWS = [
    (2, "Слишком дорого"),
    (3, "Too expensive for what you get"),
    (9, "Great prices"),
    (1, "Курьер опоздал на два дня"),
    (6, "The delivery was late"),
    (10, ""),
    (8, "NA"),
]


@pytest.fixture(autouse=True)
def rules_only(monkeypatch) -> None:
    monkeypatch.setenv("OPENNPS_TEXT_ENCODER", "none")


@pytest.fixture
def answers(tmp_path):
    return write_csv(tmp_path / "answers.csv", ["score", "comment"], ROWS)


def test_json_lists_each_driver_with_the_nps_of_those_who_mention_it(answers) -> None:
    data = run_json(answers, "--comments", "comment")
    drivers = {row["driver"]: row for row in data["drivers"]}
    assert set(drivers) == {"price", "delivery"}
    assert data["comments"] == 5
    assert data["drivers_rules_only"] is True
    price = drivers["price"]
    assert price["mentions"] == 3
    assert price["share"] == 0.6
    assert {key: price[key] for key in ("n", "nps", "ci_low", "ci_high")} == {
        key: summary_of([2, 3, 9]).to_dict()[key] for key in ("n", "nps", "ci_low", "ci_high")
    }
    # 7 respondents, 2 price detractors: moving them to passive adds 100*2/7, to promoter 200*2/7.
    assert price["impact_to_passive"] == round(100 * 2 / 7, 1)
    assert price["impact_to_promoter"] == round(200 * 2 / 7, 1)
    assert data["headline"]["n"] == 7


def test_markdown_html_and_table_show_the_drivers_table(answers) -> None:
    markdown = run(answers, "--comments", "comment", "--format", "markdown")
    assert markdown.exit_code == 0, markdown.stderr
    assert "## Drivers in comment (5 comments)" in markdown.stdout
    assert "| price | 3 | 60.0 % | 3 |" in markdown.stdout
    html = run(answers, "--comments", "comment", "--format", "html")
    assert '<th scope="row">delivery</th>' in html.stdout
    table = run(answers, "--comments", "comment")
    assert "Drivers in comment" in table.stdout


def test_an_unknown_comment_column_is_one_sentence_and_exit_2(answers) -> None:
    result = run(answers, "--comments", "remarks")
    assert result.exit_code == 2
    assert "--comments" in result.stderr and "remarks" in result.stderr


def test_without_comments_the_json_has_no_drivers(answers) -> None:
    assert "drivers" not in run_json(answers)
