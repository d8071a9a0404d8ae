"""Themes: groups of similar comments inside a driver, named by their top terms.

Language-neutral by construction: each language's mean vector is subtracted before clustering,
so Russian and Kazakh complaints about late couriers fall together instead of forming one
cluster per language. Clustering is spherical k-means (cosine), with k chosen by the silhouette
on at most :data:`SILHOUETTE_SAMPLE` comments; clusters smaller than ``min_size`` are dropped.

A theme is named by class-based TF-IDF over language-aware terms (:mod:`opennps.text.tokenise`):
a term scores high when it is frequent in the theme and rare in the driver's other themes.

:func:`flag_emerging` is pure: given each comment's period label, it marks themes whose share of
the driver's comments grew from the previous period to the current one.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from opennps.text.encoder import normalise_rows
from opennps.text.tokenise import TermCounter, tokens_with_surface

SILHOUETTE_SAMPLE = 1_500
KMEANS_ITERATIONS = 40


@dataclass(frozen=True)
class Theme:
    """Comments of one driver that say a similar thing. ``members`` index the input lists."""

    driver: str
    members: tuple[int, ...]
    terms: tuple[str, ...]
    emerging: bool = False
    share_current: float | None = None
    share_previous: float | None = None

    @property
    def name(self) -> str:
        return ", ".join(self.terms[:3]) if self.terms else "…"

    @property
    def size(self) -> int:
        return len(self.members)


def centre_by_language(vectors: np.ndarray, languages: Sequence[str | None]) -> np.ndarray:
    """Each vector minus the mean of its language's vectors, normalised again."""
    vectors = np.asarray(vectors, dtype=np.float32)
    centred = np.empty_like(vectors)
    groups: dict[str | None, list[int]] = defaultdict(list)
    for index, language in enumerate(languages):
        groups[language].append(index)
    for rows in groups.values():
        centred[rows] = vectors[rows] - vectors[rows].mean(axis=0)
    return normalise_rows(centred)


def spherical_kmeans(vectors: np.ndarray, k: int, *, seed: int = 0) -> np.ndarray:
    """Cluster labels of unit ``vectors`` into ``k`` groups by cosine (k-means++ start)."""
    rng = np.random.default_rng(seed)
    n = len(vectors)
    centres = [vectors[rng.integers(n)]]
    for _ in range(1, k):
        distance = 1 - np.max(vectors @ np.stack(centres).T, axis=1)
        distance = np.clip(distance, 0, None) ** 2
        total = distance.sum()
        index = rng.integers(n) if total <= 0 else rng.choice(n, p=distance / total)
        centres.append(vectors[index])
    centre_matrix = np.stack(centres)
    labels = np.zeros(n, dtype=int)
    for iteration in range(KMEANS_ITERATIONS):
        new_labels = np.argmax(vectors @ centre_matrix.T, axis=1)
        if iteration and np.array_equal(new_labels, labels):
            break
        labels = new_labels
        for cluster in range(k):
            members = vectors[labels == cluster]
            if len(members):
                centre_matrix[cluster] = members.mean(axis=0)
        centre_matrix = normalise_rows(centre_matrix)
    return labels


def silhouette(vectors: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette with cosine distance (-1..1; higher is better separated)."""
    clusters, index = np.unique(labels, return_inverse=True)
    if len(clusters) < 2:
        return 0.0
    distances = 1 - vectors @ vectors.T
    onehot = np.eye(len(clusters))[index]
    sizes = onehot.sum(axis=0)
    sums = distances @ onehot  # (n, clusters): total distance to each cluster's members
    own_size = sizes[index]
    inside = sums[np.arange(len(vectors)), index] / np.maximum(own_size - 1, 1)
    means = sums / sizes
    means[np.arange(len(vectors)), index] = np.inf
    outside = means.min(axis=1)
    scores = (outside - inside) / np.maximum(np.maximum(inside, outside), 1e-9)
    scores[own_size <= 1] = 0.0  # a point alone in its cluster scores 0 by convention
    return float(scores.mean())


def choose_clusters(
    vectors: np.ndarray, *, min_size: int, max_themes: int, seed: int = 0
) -> np.ndarray:
    """Labels for ``vectors`` with the k (1..max_themes) of best silhouette."""
    n = len(vectors)
    largest_k = min(max_themes, n // min_size)
    if largest_k < 2:
        return np.zeros(n, dtype=int)
    rng = np.random.default_rng(seed)
    sample = rng.choice(n, size=min(n, SILHOUETTE_SAMPLE), replace=False)
    best_labels, best_score = np.zeros(n, dtype=int), 0.02  # must beat "no structure"
    for k in range(2, largest_k + 1):
        labels = spherical_kmeans(vectors, k, seed=seed)
        score = silhouette(vectors[sample], labels[sample])
        if score > best_score:
            best_labels, best_score = labels, score
    return best_labels


def name_clusters(
    texts: Sequence[str],
    languages: Sequence[str | None],
    labels: Sequence[int],
    *,
    top: int = 5,
) -> dict[int, tuple[str, ...]]:
    """Top terms of each cluster by class-based TF-IDF (BERTopic's c-TF-IDF):
    weight = tf(term, cluster) * log(1 + average cluster size in terms / frequency of term)."""
    counter = TermCounter()
    per_cluster: dict[int, Counter[str]] = defaultdict(Counter)
    for text, language, label in zip(texts, languages, labels, strict=True):
        pairs = tokens_with_surface(text, language)
        counter.add(pairs)
        per_cluster[int(label)].update({term for term, _ in pairs})  # once per comment
    overall: Counter[str] = Counter()
    for counts in per_cluster.values():
        overall.update(counts)
    average = sum(overall.values()) / max(len(per_cluster), 1)
    names: dict[int, tuple[str, ...]] = {}
    for label, counts in per_cluster.items():
        size = sum(counts.values()) or 1
        # A term said by one person does not name a theme, unless nobody repeated anything.
        repeated = {term: count for term, count in counts.items() if count >= 2} or counts
        weighted = {
            term: (count / size) * math.log(1 + average / overall[term])
            for term, count in repeated.items()
        }
        ranked = sorted(weighted, key=lambda term: (-weighted[term], term))
        names[label] = tuple(dict.fromkeys(counter.display(term) for term in ranked[:top]))
    return names


def find_themes(
    embeddings: np.ndarray,
    languages: Sequence[str | None],
    texts: Sequence[str],
    drivers: Sequence[Sequence[str]],
    *,
    min_size: int = 3,
    max_themes: int = 8,
    seed: int = 0,
) -> list[Theme]:
    """Themes inside each driver, largest first; a comment with two drivers can be in both."""
    if len(embeddings) == 0:
        return []
    centred = centre_by_language(embeddings, languages)
    by_driver: dict[str, list[int]] = defaultdict(list)
    for index, keys in enumerate(drivers):
        for key in keys:
            by_driver[key].append(index)
    themes: list[Theme] = []
    for driver, rows in by_driver.items():
        if len(rows) < min_size:
            continue
        labels = choose_clusters(centred[rows], min_size=min_size, max_themes=max_themes, seed=seed)
        names = name_clusters(
            [texts[i] for i in rows], [languages[i] for i in rows], labels.tolist()
        )
        for label in sorted(set(labels.tolist())):
            members = tuple(rows[i] for i in np.flatnonzero(labels == label))
            if len(members) >= min_size:
                themes.append(Theme(driver, members, names.get(label, ())))
    themes.sort(key=lambda theme: (theme.driver, -theme.size))
    return themes


def flag_emerging(
    themes: Sequence[Theme],
    periods: Sequence[str | None],
    current: str,
    previous: str,
    drivers: Sequence[Sequence[str]],
    *,
    min_growth: float = 0.05,
    min_ratio: float = 1.5,
    min_count: int = 3,
) -> list[Theme]:
    """Themes with their share in ``current`` and ``previous`` and the emerging flag.

    A theme's share in a period is its comments in that period over the driver's comments in
    that period. It is emerging when it has at least ``min_count`` comments now, its share grew
    by ``min_growth`` (5 points) or more, and to at least ``min_ratio`` times the previous share
    (a theme absent before and present now is emerging when it clears the other two bars).
    """
    driver_totals: dict[tuple[str, str | None], int] = Counter()
    for keys, period in zip(drivers, periods, strict=True):
        for key in keys:
            driver_totals[(key, period)] += 1
    flagged = []
    for theme in themes:
        now = sum(1 for i in theme.members if periods[i] == current)
        before = sum(1 for i in theme.members if periods[i] == previous)
        total_now = driver_totals[(theme.driver, current)]
        total_before = driver_totals[(theme.driver, previous)]
        share_now = now / total_now if total_now else None
        share_before = before / total_before if total_before else None
        emerging = (
            share_now is not None
            and now >= min_count
            and share_now - (share_before or 0.0) >= min_growth
            and (share_before is None or share_before == 0 or share_now >= min_ratio * share_before)
        )
        flagged.append(
            replace(theme, emerging=emerging, share_current=share_now, share_previous=share_before)
        )
    return flagged
