"""The maths of watched themes, on small hand-made vectors: centring by language, leave-one-out
similarity, the threshold and its guards, and matching."""

from __future__ import annotations

import numpy as np
import pytest

from opennps.text.encoder import normalise_rows
from opennps.text.theme_profile import (
    ALL_LANGUAGES,
    THRESHOLD_CEILING,
    THRESHOLD_FLOOR,
    CentringFrame,
    ProfileError,
    leave_one_out_similarities,
    profile_theme,
)


def unit(*values: float) -> np.ndarray:
    return normalise_rows(np.array([values], dtype=np.float32))[0]


def no_centring(dimension: int) -> CentringFrame:
    return CentringFrame((ALL_LANGUAGES,), np.zeros((1, dimension), dtype=np.float32))


def test_it_centres_each_language_on_its_own_mean():
    vectors = np.array([[1, 1, 0], [1, -1, 0], [0, 1, 1], [0, 1, -1]], dtype=np.float32)
    frame = CentringFrame.from_vectors(vectors, ["en", "en", "ru", "ru"], min_per_language=2)

    assert frame.languages == (ALL_LANGUAGES, "en", "ru")
    centred = frame.centre(vectors, ["en", "en", "ru", "ru"])
    # English loses (1, 0, 0) and Russian (0, 1, 0): what is left is what sets them apart.
    np.testing.assert_allclose(centred, [[0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]], atol=1e-6)


def test_a_language_with_too_few_comments_is_centred_on_the_mean_of_all():
    vectors = np.array([[1, 0], [1, 0], [0, 1]], dtype=np.float32)
    frame = CentringFrame.from_vectors(vectors, ["en", "en", "kk"], min_per_language=2)

    assert frame.languages == (ALL_LANGUAGES, "en")
    np.testing.assert_allclose(frame.mean_for("kk"), [2 / 3, 1 / 3], atol=1e-6)
    np.testing.assert_allclose(frame.mean_for(None), [2 / 3, 1 / 3], atol=1e-6)
    np.testing.assert_allclose(frame.mean_for("en"), [1, 0], atol=1e-6)


def test_leave_one_out_judges_a_member_by_the_others_only():
    members = np.stack([unit(1, 0), unit(0, 1), unit(1, 1)])

    similarities = leave_one_out_similarities(members)

    # (1, 0) against the mean of (0, 1) and (1, 1)/√2, and so on, by hand.
    others_of_first = unit(1 / np.sqrt(2), 1 + 1 / np.sqrt(2))
    assert similarities[0] == pytest.approx(float(unit(1, 0) @ others_of_first), abs=1e-6)
    assert similarities[2] == pytest.approx(1.0, abs=1e-6)  # (1,1) is where the others point
    centroid = unit(*members.sum(axis=0))
    assert similarities[0] < float(members[0] @ centroid)  # lower than with itself counted


def test_the_threshold_is_a_low_percentile_of_the_members_without_others():
    angles = np.radians([0, 10, 20, 30, 40, 50, 60, 70, 80, 90])
    members = np.stack([unit(np.cos(a), np.sin(a)) for a in angles])

    profile = profile_theme(members, ["en"] * 10, no_centring(2), floor=0, ceiling=1)

    expected = np.percentile(leave_one_out_similarities(members), 10)
    assert profile.threshold == pytest.approx(float(expected), abs=1e-6)
    np.testing.assert_allclose(profile.centroid, unit(1, 1), atol=1e-6)


def test_a_higher_percentile_asks_for_more_similarity():
    angles = np.radians([0, 15, 30, 45, 60, 75])
    members = np.stack([unit(np.cos(a), np.sin(a), 0) for a in angles])

    strict = profile_theme(members, ["en"] * 6, no_centring(3), percentile=50, floor=0, ceiling=1)
    loose = profile_theme(members, ["en"] * 6, no_centring(3), floor=0, ceiling=1)

    assert strict.threshold > loose.threshold


def test_the_threshold_stays_between_the_floor_and_the_ceiling():
    copies = np.stack([unit(1, 0, 0)] * 3)
    scattered = np.stack([unit(1, 0, 0), unit(0, 1, 0), unit(0, 0, 1)])

    assert profile_theme(copies, ["en"] * 3, no_centring(3)).threshold == THRESHOLD_CEILING
    assert profile_theme(scattered, ["en"] * 3, no_centring(3)).threshold == THRESHOLD_FLOOR


def test_a_comment_like_the_theme_matches_and_an_unlike_one_does_not():
    members = np.stack([unit(1, 0.2, 0), unit(1, -0.2, 0), unit(1, 0, 0.2)])
    profile = profile_theme(members, ["en"] * 3, no_centring(3))

    matched = profile.matches(np.stack([unit(1, 0.1, 0.1), unit(0.2, 1, 0)]), ["ru", "en"])

    assert matched.tolist() == [True, False]


def test_matching_happens_in_the_centred_space():
    # Every vector shares a big common part (as e5 vectors do); the theme is the small rest.
    common = np.array([5, 0, 0], dtype=np.float32)
    reference = normalise_rows(common + np.array([[0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]]))
    members = normalise_rows(common + np.array([[0, 1, 0.1], [0, 1, -0.1], [0, 1, 0]]))
    frame = CentringFrame.from_vectors(reference, ["en"] * 4)
    profile = profile_theme(members, ["en"] * 3, frame)

    other_side = normalise_rows(common + np.array([[0, -1, 0]]))
    raw_similarity = float(other_side[0] @ normalise_rows(members.sum(axis=0, keepdims=True))[0])

    assert raw_similarity > 0.9  # raw vectors cannot tell them apart
    assert not profile.matches(other_side, ["en"])[0]
    assert profile.matches(normalise_rows(common + np.array([[0, 0.9, 0.05]])), ["en"])[0]


def test_it_refuses_too_few_members_and_vectors_of_another_size():
    frame = no_centring(2)
    with pytest.raises(ProfileError):
        profile_theme(np.stack([unit(1, 0), unit(0, 1)]), ["en", "en"], frame)
    profile = profile_theme(np.stack([unit(1, 0)] * 3), ["en"] * 3, frame)
    with pytest.raises(ProfileError):
        profile.similarities(np.ones((1, 3), dtype=np.float32), ["en"])
