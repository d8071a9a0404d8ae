"""What a rule matches, and how a rule that cannot be saved is refused (naming the field)."""

from __future__ import annotations

import pytest

from opennps.alerts.conditions import RuleError, matches, normalise_conditions


def answer(**overrides):
    facts = {
        "nps_class": "detractor",
        "score": 4,
        "survey_id": 1,
        "attributes": {"plan": "enterprise", "seats": 50},
        "comment": "The Invoice was wrong, again!",
    }
    return facts | overrides


def test_no_conditions_match_every_answer():
    assert matches({}, answer())


def test_class_score_and_survey_must_all_hold():
    conditions = {"class": ["detractor"], "score_max": 4, "survey": [1]}
    assert matches(conditions, answer())
    assert not matches(conditions, answer(score=5))
    assert not matches(conditions, answer(survey_id=2))
    assert not matches(conditions, answer(nps_class="passive"))
    assert not matches({"score_min": 5}, answer())


def test_words_match_whole_words_in_any_case():
    assert matches({"words": ["invoice"]}, answer())
    assert matches({"words": ["refund", "WRONG"]}, answer())
    assert not matches({"words": ["voice"]}, answer())
    assert not matches({"words": ["invoice"]}, answer(comment=""))


def test_attributes_must_equal_as_text():
    assert matches({"attributes": {"plan": "enterprise", "seats": "50"}}, answer())
    assert not matches({"attributes": {"plan": "starter"}}, answer())
    assert not matches({"attributes": {"region": "eu"}}, answer())


def test_conditions_are_normalised():
    conditions = normalise_conditions(
        {"class": "detractor", "survey": 3, "words": [" late ", ""], "score_max": 6}, [3]
    )
    assert conditions == {"class": ["detractor"], "survey": [3], "words": ["late"], "score_max": 6}


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"class": "angry"}, "conditions.class"),
        ({"score_max": 11}, "conditions.score_max"),
        ({"score_min": "3"}, "conditions.score_min"),
        ({"score_min": 7, "score_max": 6}, "conditions.score_min"),
        ({"survey": [99]}, "conditions.survey"),
        ({"attributes": ["plan"]}, "conditions.attributes"),
        ({"words": [3]}, "conditions.words"),
        ({"colour": "red"}, "conditions.colour"),
    ],
)
def test_a_bad_condition_is_refused_naming_it(raw, field):
    with pytest.raises(RuleError) as error:
        normalise_conditions(raw, [1, 2])
    assert error.value.field == field
    assert error.value.message
