from __future__ import annotations

from opennps.text import default_taxonomy
from opennps.text.evaluate import DEV_SET, load_dev_set, load_french_set
from opennps.text.taxonomy import normalised_text


def test_no_labelled_evaluation_comment_is_an_example_of_the_taxonomy() -> None:
    assert DEV_SET.is_file(), f"the development set is missing: {DEV_SET}"
    evaluation = load_dev_set() + load_french_set()
    assert len(evaluation) == 100
    examples = {normalised_text(example.text) for _, example in default_taxonomy().examples()}
    leaked = [item.text for item in evaluation if normalised_text(item.text) in examples]
    assert leaked == []


def test_the_french_sample_holds_forty_hand_labelled_comments() -> None:
    french = load_french_set()
    assert len(french) == 40
    keys = set(default_taxonomy().keys)
    assert all(set(item.drivers) <= keys for item in french)
    assert all(item.sentiment in {"positive", "neutral", "negative"} for item in french)
