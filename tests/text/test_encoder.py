from __future__ import annotations

from pathlib import Path

import numpy as np

from opennps.text import CachedEncoder, E5Encoder, SentenceEncoder
from opennps.text.encoder import PINNED_E5_SHA256


def test_e5_vectors_are_unit_length_and_multilingual(encoder: CachedEncoder) -> None:
    assert isinstance(encoder, SentenceEncoder)
    vectors = encoder.encode(["Prices are too high", "Цены слишком высокие", "The app crashes"])
    assert vectors.shape == (3, encoder.dimension) == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-3)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_the_encoder_name_pins_the_weights_by_hash(encoder: CachedEncoder) -> None:
    assert isinstance(encoder.encoder, E5Encoder)
    assert encoder.encoder.weights_sha256 == PINNED_E5_SHA256
    assert encoder.name.endswith(PINNED_E5_SHA256[:16])


def test_the_cache_file_gives_back_the_same_vectors(encoder: CachedEncoder, tmp_path: Path) -> None:
    path = tmp_path / "cache.npz"
    first = CachedEncoder(encoder, path)
    vectors = first.encode(["Доставка опоздала", "快递很慢"])
    first.save()
    second = CachedEncoder(encoder, path)
    assert np.array_equal(second.encode(["快递很慢"]), vectors[1:])
