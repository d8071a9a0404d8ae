"""Fast weighted draws: the generator makes hundreds of thousands, so weights are summed once."""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Mapping
from typing import Generic, TypeVar

K = TypeVar("K")


class Weights(Generic[K]):
    """Draws a key of `weights` with probability proportional to its weight."""

    def __init__(self, weights: Mapping[K, float]) -> None:
        self.keys = list(weights)
        self.cumulative = list(itertools.accumulate(weights.values()))
        self.total = self.cumulative[-1]

    def draw(self, rng: random.Random) -> K:
        index = bisect.bisect_right(self.cumulative, rng.random() * self.total)
        return self.keys[min(index, len(self.keys) - 1)]


def weights_by_key(table: Mapping[str, Mapping[K, float]]) -> dict[str, Weights[K]]:
    return {key: Weights(weights) for key, weights in table.items()}
