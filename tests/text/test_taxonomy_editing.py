from __future__ import annotations

import json

import pytest

from opennps.text import (
    Comment,
    DriverClassifier,
    Example,
    TaxonomyError,
    TextAnalyser,
    default_taxonomy,
)
from opennps.text.taxonomy import Taxonomy


def test_a_taxonomy_survives_a_round_trip_through_json() -> None:
    taxonomy = default_taxonomy()
    taxonomy.add_example("price", "Ценники не совпадают с кассой", "ru", "neg")
    stored = json.loads(json.dumps(taxonomy.to_dict(), ensure_ascii=False))
    again = Taxonomy.from_dict(stored)
    assert again.to_dict() == taxonomy.to_dict()
    assert again.fingerprint() == taxonomy.fingerprint()


def test_every_shipped_driver_has_six_examples_in_every_language() -> None:
    taxonomy = default_taxonomy()
    for driver in taxonomy.drivers:
        for language in ("en", "ru", "kk", "bg", "zh-hans", "fr"):
            examples = [e for e in driver.examples if e.language == language]
            assert len(examples) >= 6, (driver.key, language)
            assert all(e.sentiment in {"pos", "neu", "neg"} for e in examples)
            assert driver.keywords.get(language), (driver.key, language)


def test_renaming_changes_the_label_but_not_the_key() -> None:
    taxonomy = default_taxonomy()
    before = taxonomy.fingerprint()
    taxonomy.rename("usability", "Сайт и мобильное приложение", "ru")
    assert taxonomy.label("usability", "ru") == "Сайт и мобильное приложение"
    assert "usability" in taxonomy
    assert taxonomy.fingerprint() != before


def test_a_new_driver_with_a_few_examples_attracts_similar_comments(encoder) -> None:
    taxonomy = default_taxonomy()
    examples = [
        Example("The car park is always full", "en", "neg"),
        Example("Негде припарковаться возле магазина", "ru", "neg"),
        Example("Дүкеннің жанында көлік қоятын жер жоқ", "kk", "neg"),
        Example("Няма къде да паркирам", "bg", "neg"),
        Example("门口没有地方停车", "zh-hans", "neg"),
    ]
    taxonomy.add_driver("parking", {"en": "Parking", "ru": "Парковка"}, examples)
    analyser = TextAnalyser(taxonomy, encoder=encoder)
    (result,) = analyser.analyse([Comment("Машину поставить негде, всё занято")])
    assert result.drivers[0] == "parking"


def test_a_correction_becomes_an_example_and_changes_the_next_similar_comment(encoder) -> None:
    taxonomy = default_taxonomy()
    comment = "Дисконтная карта не работает на кассе"
    similar = "Дисконтная карта не работает на кассе!!"
    assert DriverClassifier(taxonomy, encoder).classify(similar, "ru").drivers == ("loyalty",)

    taxonomy.correct(comment, "ru", ["usability"], "neg")

    classifier = DriverClassifier(taxonomy, encoder)
    assert classifier.classify(comment, "ru").drivers == ("usability",)
    result = classifier.classify(similar, "ru")
    assert result.drivers == ("usability",)
    assert result.method == "example"
    examples = [e for e in taxonomy.driver("usability").examples if e.source == "correction"]
    assert [e.text for e in examples] == [comment]


def test_a_correction_without_drivers_is_refused() -> None:
    with pytest.raises(TaxonomyError, match="at least one driver"):
        default_taxonomy().correct("text", "en", [])


@pytest.mark.parametrize("key", ["Price", "1st", "with space", ""])
def test_a_driver_key_must_be_a_slug(key: str) -> None:
    with pytest.raises(TaxonomyError, match="must be lower-case"):
        default_taxonomy().add_driver(key, {"en": "X"}, [Example("x", "en")])


def test_a_new_driver_needs_an_example_and_other_cannot_be_removed() -> None:
    taxonomy = default_taxonomy()
    with pytest.raises(TaxonomyError, match="at least one example"):
        taxonomy.add_driver("parking", {"en": "Parking"}, [])
    with pytest.raises(TaxonomyError, match="cannot be removed"):
        taxonomy.remove_driver("other")
