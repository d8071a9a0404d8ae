from __future__ import annotations

import numpy as np

from opennps.text import Theme, find_themes, flag_emerging
from opennps.text.themes import centre_by_language, name_clusters

RUSSIAN = [
    "Курьер опоздал на два часа",
    "Курьер опять опоздал",
    "Курьер опоздал и не позвонил",
    "Посылку повредили при доставке, коробка мятая",
    "Коробка пришла мятая, посылка повреждена",
    "Посылка повреждена, коробка порвана",
]
KAZAKH = [
    "Курьер кешікті",
    "Курьер тағы да кешікті",
    "Курьер кешікті, хабарласпады",
    "Сәлемдеме бүлініп келді, қорабы мыжылған",
    "Қорабы мыжылған, сәлемдеме бүлінген",
    "Сәлемдеменің қорабы жыртылған",
]


def synthetic_vectors() -> tuple[np.ndarray, list[str]]:
    """Two topics (late courier, damaged parcel) in two languages; each language adds its own
    large offset, as real multilingual embeddings do."""
    rng = np.random.default_rng(1)
    late, damaged = np.eye(8)[0], np.eye(8)[1]
    russian, kazakh = np.eye(8)[5] * 3, np.eye(8)[6] * 3
    rows, languages = [], []
    for offset, language in ((russian, "ru"), (kazakh, "kk")):
        for topic in (late, late, late, damaged, damaged, damaged):
            rows.append(topic + offset + rng.normal(0, 0.05, 8))
            languages.append(language)
    vectors = np.array(rows)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True), languages


def test_themes_group_by_topic_across_languages_not_by_language() -> None:
    vectors, languages = synthetic_vectors()
    texts = RUSSIAN + KAZAKH
    themes = find_themes(vectors, languages, texts, [["delivery"]] * 12, min_size=3)
    groups = sorted(sorted(theme.members) for theme in themes)
    assert groups == [[0, 1, 2, 6, 7, 8], [3, 4, 5, 9, 10, 11]]


def test_without_centring_the_same_vectors_split_by_language() -> None:
    vectors, languages = synthetic_vectors()
    raw_similarity = vectors[0] @ vectors[6]  # same topic, different language
    centred = centre_by_language(vectors, languages)
    assert raw_similarity < 0.3
    assert centred[0] @ centred[6] > 0.8


def test_a_theme_is_named_by_its_most_distinctive_terms() -> None:
    texts = RUSSIAN
    names = name_clusters(texts, ["ru"] * 6, [0, 0, 0, 1, 1, 1], top=2)
    assert names[0] == ("курьер", "опоздал")
    assert set(names[1]) <= {"коробка", "посылка", "мятая", "повреждена"}


def test_a_theme_growing_this_period_is_flagged_emerging() -> None:
    drivers = [["delivery"]] * 10
    periods = ["2025-05"] * 5 + ["2025-06"] * 5
    growing = Theme("delivery", (4, 5, 6, 7, 8), ("курьер",))
    steady = Theme("delivery", (0, 1, 9), ("коробка",))
    flagged = flag_emerging([growing, steady], periods, "2025-06", "2025-05", drivers)
    assert flagged[0].emerging
    assert flagged[0].share_current == 0.8  # 4 of the 5 delivery comments of June
    assert flagged[0].share_previous == 0.2
    assert not flagged[1].emerging


def test_a_theme_seen_fewer_than_three_times_now_is_not_emerging() -> None:
    drivers = [["price"]] * 4
    periods = ["q1", "q1", "q2", "q2"]
    theme = Theme("price", (2, 3), ("price",))
    (flagged,) = flag_emerging([theme], periods, "q2", "q1", drivers)
    assert flagged.share_current == 1.0
    assert not flagged.emerging
