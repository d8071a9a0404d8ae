"""A bad filter in the URL gets a sentence naming the parameter and what to write; never a 500."""

from __future__ import annotations

import random
import string
from urllib.parse import quote

import pytest

from tests.analytics.dashboard_helpers import add_answers, dashboard_url, make_survey, make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    team = make_team()
    add_answers([make_survey(team.workspace)], 30, attributes={"region": ["North"]})
    return team


@pytest.mark.parametrize(
    ("query", "parameter", "words"),
    [
        ("from=31.12.2024", "from", "“31.12.2024” is not a date; write it like 2025-03-31."),
        ("to=tomorrow", "to", "“tomorrow” is not a date"),
        ("from=2025-05-01&to=2025-01-01", "from", "The start date is after the end date"),
        ("by=year", "by", "“year” is not a period; use one of day, week, month, quarter."),
        ("from=2020-01-01&to=2025-01-01&by=day", "by", "choose a longer period"),
        ("survey=abc", "survey", "There is no survey “abc” in this workspace."),
        ("channel=fax", "channel", "“fax” is not a channel"),
        ("class=happy", "class", "“happy” is not a class"),
        ("attribute=region", "attribute", "write NAME:VALUE, e.g. region:North"),
        ("attribute=re gion:North", "attribute", "is not an attribute filter"),
        ("segment=shoe_size", "segment", "“shoe_size” is not a segment here"),
        ("sort=-price", "sort", "is not a column to sort by"),
        ("industry=space-travel", "industry", "There are no benchmarks for “space-travel”"),
    ],
)
def test_a_bad_filter_is_explained_and_named(team, query, parameter, words):
    response = team.client_for(team.alice).get(dashboard_url(team, query))
    assert response.status_code == 400
    html = response.content.decode()
    assert f"<code>{parameter}</code>" in html
    assert words in html


def test_every_bad_parameter_is_listed_at_once(team):
    response = team.client_for(team.alice).get(
        dashboard_url(team, "from=x&by=y&channel=z&class=q&sort=w")
    )
    assert [name for name, _ in response.context["query"].errors] == [
        "from", "by", "sort", "channel", "class",
    ]  # fmt: skip


def test_user_text_in_an_error_is_escaped(team):
    response = team.client_for(team.alice).get(
        dashboard_url(team, "channel=" + quote("<script>alert(1)</script>"))
    )
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_random_query_strings_never_cause_a_server_error(team):
    randomness = random.Random(3)
    keys = ["from", "to", "survey", "channel", "class", "attribute", "by", "segment", "sort",
            "industry", "x"]  # fmt: skip
    alphabet = string.printable + "éж中\u0000"
    client = team.client_for(team.alice)
    for _ in range(120):
        pairs = [
            f"{randomness.choice(keys)}="
            + quote("".join(randomness.choice(alphabet) for _ in range(randomness.randint(0, 12))))
            for _ in range(randomness.randint(1, 4))
        ]
        response = client.get(dashboard_url(team, "&".join(pairs)))
        assert response.status_code in (200, 400), pairs
