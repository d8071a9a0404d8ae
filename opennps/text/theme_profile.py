"""Recognising new comments of a theme a team chose to watch.

A theme found by :func:`opennps.text.themes.find_themes` is a set of comments, recomputed for
each view of the drivers page. To alert on it, the theme is frozen into a :class:`ThemeProfile`:

- a :class:`CentringFrame`: the mean vector of each language in a reference sample of the
  workspace's comments outside the theme (and the mean of all of them). Each vector minus its
  language's mean, normalised, is the space themes are clustered in (see ``centre_by_language``);
  without it, raw e5 vectors of any two comments are 0.8–0.9 alike and a theme cannot be told
  from its neighbours. A language with fewer than :data:`MIN_LANGUAGE_COMMENTS` reference
  comments (or none) is centred with the mean of all of them;
- the centroid of the members' centred vectors (unit length);
- a threshold on cosine similarity to the centroid: the :data:`MEMBER_PERCENTILE`-th percentile
  of the members' *leave-one-out* similarities (each member against the centroid of the others:
  a member must not be judged by a centroid it helped to make, since a new comment will not be),
  kept within [:data:`THRESHOLD_FLOOR`, :data:`THRESHOLD_CEILING`]. It favours precision, as
  alerts should: a new comment must be as close to the theme as nine in ten of its own comments
  are to the rest of them. The floor keeps a loose theme from swallowing its whole driver; the
  ceiling keeps a theme of near-identical comments from matching only copies of them.

Everything here is numpy on unit vectors; nothing knows about Django or storage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from opennps.text.encoder import normalise_rows

MIN_MEMBERS = 3
MIN_LANGUAGE_COMMENTS = 5
MEMBER_PERCENTILE = 10.0
THRESHOLD_FLOOR = 0.30
THRESHOLD_CEILING = 0.60
ALL_LANGUAGES = "*"


class ProfileError(ValueError):
    """A theme cannot be profiled (too few members, vectors of different sizes)."""


def _language_key(language: str | None) -> str:
    return language or ""


@dataclass(frozen=True)
class CentringFrame:
    """Mean vectors by language; ``languages[i]`` names ``means[i]``, and the first is
    :data:`ALL_LANGUAGES`, the mean of every reference vector."""

    languages: tuple[str, ...]
    means: np.ndarray

    @classmethod
    def from_vectors(
        cls,
        vectors: np.ndarray,
        languages: Sequence[str | None],
        *,
        min_per_language: int = MIN_LANGUAGE_COMMENTS,
    ) -> CentringFrame:
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or len(vectors) == 0:
            raise ProfileError("a centring frame needs at least one reference vector")
        if len(vectors) != len(languages):
            raise ProfileError("each reference vector needs its language")
        names = [ALL_LANGUAGES]
        means = [vectors.mean(axis=0)]
        keys = np.array([_language_key(language) for language in languages])
        for language in sorted(set(keys.tolist())):
            rows = keys == language
            if rows.sum() >= min_per_language:
                names.append(language)
                means.append(vectors[rows].mean(axis=0))
        return cls(tuple(names), np.stack(means).astype(np.float32))

    @property
    def dimension(self) -> int:
        return int(self.means.shape[1])

    def mean_for(self, language: str | None) -> np.ndarray:
        key = _language_key(language)
        index = self.languages.index(key) if key in self.languages[1:] else 0
        return self.means[index]

    def centre(self, vectors: np.ndarray, languages: Sequence[str | None]) -> np.ndarray:
        """Each vector minus its language's mean, normalised to unit length."""
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim == 1:
            vectors = vectors[None, :]
        if vectors.shape[1] != self.dimension:
            raise ProfileError(
                f"vectors of {vectors.shape[1]} dimensions cannot be compared with a theme "
                f"of {self.dimension}"
            )
        if len(vectors) != len(languages):
            raise ProfileError("each vector needs its language")
        if len(vectors) == 0:
            return vectors
        offsets = np.stack([self.mean_for(language) for language in languages])
        return normalise_rows(vectors - offsets)


def leave_one_out_similarities(centred: np.ndarray) -> np.ndarray:
    """Cosine of each row with the normalised mean of the other rows (needs two rows or more)."""
    total = centred.sum(axis=0)
    others = normalise_rows(total[None, :] - centred)
    return np.einsum("ij,ij->i", centred, others)


@dataclass(frozen=True)
class ThemeProfile:
    """What a watched theme keeps: its centring frame, its centroid and its threshold."""

    frame: CentringFrame
    centroid: np.ndarray
    threshold: float

    def similarities(self, vectors: np.ndarray, languages: Sequence[str | None]) -> np.ndarray:
        """Cosine of each (raw, unit) vector, centred in the frame, with the centroid."""
        return self.frame.centre(vectors, languages) @ self.centroid

    def matches(self, vectors: np.ndarray, languages: Sequence[str | None]) -> np.ndarray:
        """True for each vector at least ``threshold`` alike the centroid."""
        return self.similarities(vectors, languages) >= self.threshold


def profile_theme(
    member_vectors: np.ndarray,
    member_languages: Sequence[str | None],
    frame: CentringFrame,
    *,
    percentile: float = MEMBER_PERCENTILE,
    floor: float = THRESHOLD_FLOOR,
    ceiling: float = THRESHOLD_CEILING,
) -> ThemeProfile:
    """The profile of a theme from its members' raw vectors, in ``frame``: the threshold is the
    ``percentile``-th percentile of the members' leave-one-out similarities, within
    [floor, ceiling]."""
    if len(member_vectors) < MIN_MEMBERS:
        raise ProfileError(f"a theme needs at least {MIN_MEMBERS} comments with a vector")
    centred = frame.centre(member_vectors, member_languages)
    centroid = normalise_rows(centred.sum(axis=0, keepdims=True))[0]
    threshold = float(np.percentile(leave_one_out_similarities(centred), percentile))
    return ThemeProfile(frame, centroid, float(min(max(threshold, floor), ceiling)))
