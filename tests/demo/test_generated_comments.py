"""Comments read like people: in the respondent's language, more from detractors, matching the score."""

from __future__ import annotations

import pytest

from opennps.demo.generator import generate
from opennps.demo.phrases import BANKS

from .helpers import NOW, SEED, is_written_in


@pytest.fixture(scope="module")
def responses():
    return generate(SEED, 4000, NOW).responses


def comment_rate(rows):
    return sum(bool(row["comment"]) for row in rows) / len(rows)


def test_every_comment_is_whole_sentences_in_the_language_of_its_response(responses):
    commented = [row for row in responses if row["comment"]]
    assert commented
    for row in commented:
        assert row["language"] in BANKS
        assert is_written_in(row["comment"], row["language"]), row
        if row["third_answer"]:
            assert is_written_in(row["third_answer"], row["language"]), row


def test_every_language_is_heard(responses):
    assert {row["language"] for row in responses if row["comment"]} == set(BANKS)


def test_between_forty_and_sixty_percent_comment_and_detractors_most(responses):
    assert 0.40 <= comment_rate(responses) <= 0.60
    by_class = {
        nps_class: comment_rate([row for row in responses if row["nps_class"] == nps_class])
        for nps_class in ("detractor", "passive", "promoter")
    }
    assert by_class["detractor"] > by_class["passive"] > by_class["promoter"]


def test_detractors_complain_and_promoters_praise(responses):
    def polarity_of(row, polarity):
        bank = BANKS[row["language"]]
        drivers = bank.EMPLOYEE if row["survey"] == "enps" else bank.CUSTOMER
        return any(
            sentence in row["comment"]
            for polarities in drivers.values()
            for sentence in polarities[polarity]
        )

    detractors = [row for row in responses if row["comment"] and row["nps_class"] == "detractor"]
    promoters = [row for row in responses if row["comment"] and row["nps_class"] == "promoter"]
    assert all(
        polarity_of(row, "negative") and not polarity_of(row, "positive") for row in detractors
    )
    assert all(
        polarity_of(row, "positive") and not polarity_of(row, "negative") for row in promoters
    )


def test_aspect_ratings_follow_the_score(responses):
    ratings = [(row["score"], rating) for row in responses for rating in row["answers"].values()]
    assert all(1 <= rating <= 5 for _, rating in ratings)
    low = [rating for score, rating in ratings if score <= 6]
    high = [rating for score, rating in ratings if score >= 9]
    assert sum(high) / len(high) > sum(low) / len(low) + 0.8
